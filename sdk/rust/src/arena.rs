//! The argument arena the host copies each command's arguments into: one block, kept and reused, and
//! replaced only when a larger command arrives, so a command costs no allocation.

static mut ARENA: Vec<u8> = Vec::new();

/// ABI export: at least `size` writable bytes, valid until the next call.
#[no_mangle]
pub extern "C" fn ferrite_arena(size: i32) -> i32 {
    // Safety: a plugin instance is single-threaded and the host calls this only between commands.
    unsafe {
        let wanted = size.max(0) as usize;
        if ARENA.capacity() < wanted {
            // Double past the request so a slowly growing workload does not reallocate every time.
            ARENA = Vec::with_capacity((wanted * 2).max(4096));
        }
        ARENA.as_mut_ptr() as i32
    }
}
