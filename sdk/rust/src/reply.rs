//! Replies, written by the host straight into the client's output buffer. Each command writes exactly
//! one top-level reply (an array header followed by its elements counts as one).
use crate::host;

pub fn reply_ok() {
    unsafe { host::reply_ok() }
}

/// `+text`; the text must not contain CR or LF.
pub fn reply_simple(text: &str) {
    unsafe { host::reply_simple(text.as_ptr() as i32, text.len() as i32) }
}

/// `-CODE text`, e.g. `reply_error(ERR_SYNTAX)`.
pub fn reply_error(text: &str) {
    unsafe { host::reply_error(text.as_ptr() as i32, text.len() as i32) }
}

/// `:n`, through the 32-bit call when it fits (an i64 crossing into JavaScript costs a BigInt).
pub fn reply_int(value: i64) {
    match i32::try_from(value) {
        Ok(small) => unsafe { host::reply_small_int(small) },
        Err(_) => unsafe { host::reply_int(value) },
    }
}

/// A bulk string, binary safe.
pub fn reply_bulk(bytes: &[u8]) {
    unsafe { host::reply_bulk(bytes.as_ptr() as i32, bytes.len() as i32) }
}

/// `$-1` in RESP2, `_` in RESP3.
pub fn reply_null() {
    unsafe { host::reply_null() }
}

/// An array header: `count` replies follow.
pub fn reply_array(count: usize) {
    unsafe { host::reply_array(count as i32) }
}
