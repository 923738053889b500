// The type callbacks the host calls for TSDB-TYPE values (see ferrite-sdk's types contract).
import { LOAD_FAILED } from "ferrite-sdk";
import { ENC_UNCOMPRESSED } from "./chunk";
import { copySeries, loadSeries, saveSeries } from "./serialize";
import { Series, seriesFree } from "./series";

const ENCVER: i32 = 1;

// @ts-ignore: decorator
@inline function series(handle: f64): Series { return changetype<Series>(<usize>handle); }

export function ferrite_type_free(_type: i32, handle: f64): void { seriesFree(series(handle)); }

export function ferrite_type_save(_type: i32, handle: f64): void { saveSeries(series(handle)); }

export function ferrite_type_load(_type: i32, encver: i32, ptr: usize, len: i32): f64 {
  return encver == ENCVER ? loadSeries(ptr, len) : LOAD_FAILED;
}

export function ferrite_type_copy(_type: i32, handle: f64): f64 { return <f64>changetype<usize>(copySeries(series(handle))); }

/** The running figure the series keeps (O(1)). */
export function ferrite_type_memory(_type: i32, handle: f64): f64 { return <f64>series(handle).bytes; }

export function ferrite_type_encoding(_type: i32, handle: f64): i32 { return series(handle).encoding == ENC_UNCOMPRESSED ? 1 : 0; }
