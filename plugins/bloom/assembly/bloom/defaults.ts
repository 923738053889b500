// The settings BF.ADD, BF.MADD and BF.INSERT create a missing filter with: the configs (bf-error-rate is a
// float config, host API 1.7).
import { configFloat, configValue } from "ferrite-sdk";
import { BF_ERROR_RATE, BF_EXPANSION_FACTOR, BF_INITIAL_SIZE } from "../configs";

export function defaultErrorRate(): f64 { return configFloat(BF_ERROR_RATE); }

export function defaultCapacity(): u64 { return <u64>configValue(BF_INITIAL_SIZE); }

export function defaultExpansion(): u32 { return <u32>configValue(BF_EXPANSION_FACTOR); }
