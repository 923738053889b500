// Raw-memory collections for plugin data types: import from "ferrite-sdk" (re-exported) or "ferrite-sdk/collections".
export * from "./byte-map";
export * from "./glob";
export * from "./heap-size";
export * from "./mpop-args";
export * from "./murmur";
export * from "./packed";
export * from "./random";
export * from "./scan-args";
