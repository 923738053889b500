// SUBSTR key start end: the old name of GETRANGE.
export { run } from "./getrange";
