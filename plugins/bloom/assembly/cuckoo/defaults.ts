// The settings CF.ADD and CF.INSERT create a missing filter with, and the growth cap: the configs
// (Redis 8's names), whose defaults are RedisBloom's.
import { configValue } from "ferrite-sdk";
import { CF_BUCKET_SIZE, CF_EXPANSION_FACTOR, CF_INITIAL_SIZE, CF_MAX_EXPANSIONS, CF_MAX_ITERATIONS } from "../configs";

export function cfDefaultCapacity(): u64 { return <u64>configValue(CF_INITIAL_SIZE); }
export function cfDefaultBucketSize(): u32 { return <u32>configValue(CF_BUCKET_SIZE); }
export function cfDefaultMaxIterations(): u32 { return <u32>configValue(CF_MAX_ITERATIONS); }
export function cfDefaultExpansion(): u32 { return <u32>configValue(CF_EXPANSION_FACTOR); }
export function cfMaxExpansions(): u32 { return <u32>configValue(CF_MAX_EXPANSIONS); }
