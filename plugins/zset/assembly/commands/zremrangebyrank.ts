// ZREMRANGEBYRANK key min max
import { zremrange, REM_BY_RANK } from "../remrange";

export function run(_argc: i32, argv: usize): void { zremrange(argv, REM_BY_RANK); }
