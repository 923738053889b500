// The settings BF.ADD, BF.MADD and BF.INSERT create a missing filter with: the configs, and RedisBloom's
// default error rate (bf-error-rate is a float, which plugin configs cannot carry yet: see ADR 0026).
import { configValue } from "ferrite-sdk";
import { BF_EXPANSION_FACTOR, BF_INITIAL_SIZE } from "../configs";

export const DEFAULT_ERROR_RATE: f64 = 0.01;

export function defaultCapacity(): u64 { return <u64>configValue(BF_INITIAL_SIZE); }

export function defaultExpansion(): u32 { return <u32>configValue(BF_EXPANSION_FACTOR); }
