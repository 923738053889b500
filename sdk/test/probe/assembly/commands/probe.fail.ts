// PROBE.FAIL: a failed assertion, which must reach the host as ferrite.abort.
export function run(argc: i32, _argv: usize): void {
  assert(argc == 0, "probe failure");
}
