// The first error of an expression's evaluation (AssemblyScript has no exceptions): set by the
// evaluator and the functions, read by the step that ran the expression.
export let evalError: string = "";

export function setEvalError(text: string): void { if (evalError.length == 0) evalError = text; }
export function clearEvalError(): void { evalError = ""; }
