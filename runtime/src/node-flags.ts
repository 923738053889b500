// Node options the server is started with (by `make run`, the tests and the benchmarks alike).
// A 1 MiB young generation: the server allocates little per command, so scavenges stay cheap, and
// the default 16 MiB semi-spaces cost ~15 MB of resident memory for nothing (measured: 100 k hashes
// of 10 fields, 101 MB RSS by default, 86.5 MB with this).
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=1"];
