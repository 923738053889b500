/** A problem in the plugin being built, reported to its author without a stack trace. */
export class BuildError extends Error {
  override name = "BuildError";
}
