// Node options the server is started with (by `make run`, the tests and the benchmarks alike).
// A 1 MiB young generation: the server allocates little per command, so scavenges stay cheap, and
// the default 16 MiB semi-spaces cost ~15 MB of resident memory for nothing (measured: 100 k hashes
// of 10 fields, 101 MB RSS by default, 86.5 MB with this).
//
// A 64 MiB initial old generation: with V8's default, the old generation's first limits sit just above
// the ~8 MB the server keeps, and after loading a million keys the next mark-compact found the limit
// already reached — it then ran all at once instead of incrementally (9–16 ms pauses, the longest
// event-loop stalls measured under load). With room to spare V8 marks incrementally (2–4 ms pauses).
// The limit is a GC trigger, not memory taken: RSS is unchanged (bench/README.md, stall).
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=1", "--initial-old-space-size=64"];
