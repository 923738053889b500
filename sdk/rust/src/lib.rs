//! Ferrite's plugin SDK for Rust: the host API (`host`, generated from host-api/abi.json), a command's
//! arguments (`Args`), replies, keys (`keys`), custom value types (`ValueType`, `value_types!`) with
//! typed save/load fields, and the argument arena every plugin exports. A plugin is built by
//! `ferrite-plugin build` (plugin.json with `"language": "rust"`, handlers in src/commands/), which
//! compiles this crate and the plugin with Debian's rustc for wasm32-unknown-unknown, generates the
//! `ferrite_command` dispatcher and attaches the manifest. Heap values come from Rust's own allocator
//! (`Box`, `Vec`: std's dlmalloc over the imported memory), freed when dropped, unlike AssemblyScript's
//! managed objects.

#[path = "host_generated.rs"]
pub mod host;

mod arena;
mod args;
pub mod keys;
mod reply;
mod save_load;
pub mod value_type;

pub use arena::ferrite_arena;
pub use args::{parse_i64, Args};
pub use reply::*;
pub use save_load::{Loader, Saver};
pub use value_type::{ValueType, LOAD_FAILED};

/// Redis's error texts, byte for byte.
pub const ERR_NOT_INTEGER: &str = "ERR value is not an integer or out of range";
pub const ERR_OVERFLOW: &str = "ERR increment or decrement would overflow";
pub const ERR_SYNTAX: &str = "ERR syntax error";
pub const ERR_WRONGTYPE: &str = "WRONGTYPE Operation against a key holding the wrong kind of value";
