// RUSTY.INCRBY key increment: the counter at key plus increment, created at 0, with Redis's errors.
use crate::types::{Counter, RCOUNTER};
use ferrite_sdk::keys::{self, Lookup, FIND_WRITE};
use ferrite_sdk::{reply_error, reply_int, Args, ERR_NOT_INTEGER, ERR_OVERFLOW, ERR_WRONGTYPE};

pub fn run(args: &Args) {
    let by = match args.int(2) {
        Some(n) => n,
        None => return reply_error(ERR_NOT_INTEGER),
    };
    match keys::find::<Counter>(args.get(1), RCOUNTER, FIND_WRITE) {
        Lookup::WrongType => reply_error(ERR_WRONGTYPE),
        Lookup::Missing => {
            keys::set(args.get(1), RCOUNTER, Counter(by), 0);
            reply_int(by);
        }
        Lookup::Value(c) => match c.0.checked_add(by) {
            None => reply_error(ERR_OVERFLOW),
            Some(n) => {
                c.0 = n; // in place: the key already holds this value
                reply_int(n);
            }
        },
    }
}
