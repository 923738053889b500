// RUSTY.SUM integer [integer ...]: their sum, with Redis's errors for a non-integer and an overflow.
use ferrite_sdk::{reply_error, reply_int, Args, ERR_NOT_INTEGER, ERR_OVERFLOW};

pub fn run(args: &Args) {
    let mut sum: i64 = 0;
    for i in 1..args.len() {
        match args.int(i).map(|n| sum.checked_add(n)) {
            None => return reply_error(ERR_NOT_INTEGER),
            Some(None) => return reply_error(ERR_OVERFLOW),
            Some(Some(total)) => sum = total,
        }
    }
    reply_int(sum);
}
