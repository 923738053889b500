// ZPOPMIN key [count]
import { zpop } from "../zpop";

export function run(argc: i32, argv: usize): void { zpop(argc, argv, false); }
