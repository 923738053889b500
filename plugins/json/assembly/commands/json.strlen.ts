// JSON.STRLEN key [path]: the byte length of each string at path.
import { K_STRING } from "../node";
import { replyLengths } from "../query";

export function run(argc: i32, argv: usize): void { replyLengths(argc, argv, K_STRING, "string"); }
