// AssemblyScript has no exceptions: the first error of a query is kept here, every loop of the parser
// and the executor stops once it is set, and the command replies it. Reset at each command's start.
let failure: string | null = null;

export function fail(message: string): void {
  if (failure === null) failure = message;
}

export function failed(): bool { return failure !== null; }

export function failureText(): string { return failure!; }

export function resetFailure(): void { failure = null; }
