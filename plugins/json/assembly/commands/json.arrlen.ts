// JSON.ARRLEN key [path]: the length of each array at path.
import { K_ARRAY } from "../node";
import { replyLengths } from "../query";

export function run(argc: i32, argv: usize): void { replyLengths(argc, argv, K_ARRAY, "array"); }
