//! A command's arguments, as the host wrote them into the arena: `argc` pairs of (u32 pointer,
//! u32 length), then the bytes. Argument 0 is the command name; arity was checked by the host.

/// The arguments of one call; the slices it hands out are valid only during that call.
pub struct Args {
    argc: usize,
    argv: *const u32,
}

impl Args {
    /// Built by the generated dispatcher from `ferrite_command`'s parameters.
    pub fn new(argc: i32, argv: i32) -> Args {
        Args { argc: argc as usize, argv: argv as usize as *const u32 }
    }

    /// How many arguments, the command name included.
    pub fn len(&self) -> usize {
        self.argc
    }

    pub fn is_empty(&self) -> bool {
        self.argc == 0
    }

    /// The bytes of argument `i` (panics past the last one: the command then fails with an error).
    pub fn get(&self, i: usize) -> &[u8] {
        assert!(i < self.argc, "argument index out of range");
        // Safety: the host wrote `argc` (pointer, length) pairs into this plugin's memory.
        unsafe {
            let ptr = *self.argv.add(2 * i) as usize as *const u8;
            let len = *self.argv.add(2 * i + 1) as usize;
            core::slice::from_raw_parts(ptr, len)
        }
    }

    /// Argument `i` equals `keyword`, ignoring ASCII case, as Redis compares its options.
    pub fn is(&self, i: usize, keyword: &str) -> bool {
        self.get(i).eq_ignore_ascii_case(keyword.as_bytes())
    }

    /// Argument `i` as an integer, by Redis's rules (`parse_i64`).
    pub fn int(&self, i: usize) -> Option<i64> {
        parse_i64(self.get(i))
    }
}

/// Redis's string2ll: an optional `-`, then digits without a leading zero (except "0" itself), no
/// spaces, no `+`, within i64.
pub fn parse_i64(bytes: &[u8]) -> Option<i64> {
    let (negative, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    if digits.is_empty() || digits.len() > 19 || (digits[0] == b'0' && (digits.len() > 1 || negative)) {
        return None;
    }
    let mut value: i64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        // Accumulate negatively: i64::MIN has no positive counterpart.
        value = value.checked_mul(10)?.checked_sub((d - b'0') as i64)?;
    }
    if negative { Some(value) } else { value.checked_neg() }
}
