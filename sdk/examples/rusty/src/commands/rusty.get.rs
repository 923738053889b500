// RUSTY.GET key: the counter at key, nil when absent.
use crate::types::{Counter, RCOUNTER};
use ferrite_sdk::keys::{self, Lookup};
use ferrite_sdk::{reply_error, reply_int, reply_null, Args, ERR_WRONGTYPE};

pub fn run(args: &Args) {
    match keys::find::<Counter>(args.get(1), RCOUNTER, 0) {
        Lookup::Value(c) => reply_int(c.0),
        Lookup::Missing => reply_null(),
        Lookup::WrongType => reply_error(ERR_WRONGTYPE),
    }
}
