// RUSTY.GREET [name]: "hello", or the name it was given.
use ferrite_sdk::{reply_bulk, reply_simple, Args};

pub fn run(args: &Args) {
    if args.len() == 1 {
        reply_simple("hello");
    } else {
        reply_bulk(args.get(1));
    }
}
