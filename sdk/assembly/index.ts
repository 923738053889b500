// The Ferrite plugin SDK for AssemblyScript. Import everything from "ferrite-sdk" (the build tool maps
// that name to this folder). See sdk/README.md for the handler convention.

export * from "./args";
export * from "./blocking";
export * from "./byte-builder";
export * from "./call";
export * from "./civil-date";
export { configFloat, configString, configStringLen, configValue } from "./configs";
export * from "./context";
export * from "./errors";
export * from "./events";
export * from "./format-double";
export * from "./format-g";
export * from "./free-effort";
export * from "./info";
export * from "./key-args";
export * from "./key-finder";
export * from "./keys";
export * from "./keyspace";
export * from "./long-double";
export * from "./number-args";
export * from "./numbers";
export * from "./pages";
export * from "./plugin-call";
export * from "./reply";
export * from "./resp-reader";
export * from "./save-load";
export * from "./timers";
export * from "./types";
export * from "./utf8";
export { log, random_fill as randomFill, save_write as saveWrite, time_us as nowUs, clock_us as clockUs } from "./host.generated";
export * from "./collections";
