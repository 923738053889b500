// The index of each type in plugin.json's "types": what keyFind and the type callbacks receive.
export const BF_TYPE: i32 = 0;
export const CMS_TYPE: i32 = 1;
export const TOPK_TYPE: i32 = 2;
export const CF_TYPE: i32 = 3;
export const TDIGEST_TYPE: i32 = 4;
