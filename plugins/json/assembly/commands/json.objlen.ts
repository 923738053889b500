// JSON.OBJLEN key [path]: the number of keys of each object at path.
import { K_OBJECT } from "../node";
import { replyLengths } from "../query";

export function run(argc: i32, argv: usize): void { replyLengths(argc, argv, K_OBJECT, "object"); }
