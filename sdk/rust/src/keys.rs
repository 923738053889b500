//! The keyspace, as the host exposes it (host API `key_*`), with this plugin's values as Rust values:
//! a handle is the address of a `Box<T>` the host keeps for the key, until it calls `ferrite_type_free`.
use crate::host;

/// What a key holds, seen from one of this plugin's types.
pub enum Lookup<'a, T> {
    /// The key holds a value of the asked type, borrowed for the current call.
    Value(&'a mut T),
    Missing,
    /// The key holds another type: reply `ERR_WRONGTYPE`.
    WrongType,
}

/// `key_find` flags: the caller will change the value (Redis's lookupKeyWrite).
pub const FIND_WRITE: i32 = 1;
/// `key_find` flags: leave the key's access statistics alone.
pub const FIND_NOTOUCH: i32 = 2;
/// `key_set` flags: keep the key's TTL, bind only if absent, bind only if present.
pub const SET_KEEPTTL: i32 = 1;
pub const SET_NX: i32 = 2;
pub const SET_XX: i32 = 4;

/// The value `key` holds if it is of this plugin's type `type_id` (its index in the manifest's `types`),
/// whose Rust type is `T`. Pair each type id with one `T`, as `value_types!` does.
pub fn find<'a, T>(key: &[u8], type_id: i32, flags: i32) -> Lookup<'a, T> {
    let h = unsafe { host::key_find(key.as_ptr() as i32, key.len() as i32, type_id, flags) };
    if h == host::MISSING as f64 {
        Lookup::Missing
    } else if h == host::WRONGTYPE as f64 {
        Lookup::WrongType
    } else {
        // Safety: the host hands back only handles this plugin bound with type `type_id`, that is `T`s.
        Lookup::Value(unsafe { &mut *(h as usize as *mut T) })
    }
}

/// Bind `value` to `key` as type `type_id`; false when SET_NX / SET_XX refused it (the value is dropped).
pub fn set<T>(key: &[u8], type_id: i32, value: T, flags: i32) -> bool {
    let handle = into_handle(value);
    let bound = unsafe { host::key_set(key.as_ptr() as i32, key.len() as i32, type_id, handle, flags) } == 1;
    if !bound {
        // Safety: refused, so the host never saw the handle: it is still ours.
        unsafe { drop_handle::<T>(handle) };
    }
    bound
}

/// True if a key was deleted.
pub fn delete(key: &[u8]) -> bool {
    unsafe { host::key_delete(key.as_ptr() as i32, key.len() as i32) == 1 }
}

/// Absolute expiry in Unix ms; -1 without one; -2 when the key does not exist.
pub fn get_expire(key: &[u8]) -> f64 {
    unsafe { host::key_get_expire(key.as_ptr() as i32, key.len() as i32) }
}

/// Sets the absolute expiry (-1 removes it; a past time deletes the key). True if the key exists.
pub fn set_expire(key: &[u8], at_ms: f64) -> bool {
    unsafe { host::key_set_expire(key.as_ptr() as i32, key.len() as i32, at_ms) == 1 }
}

/// A value moved to the heap and handed to the host: the handle is its address.
pub fn into_handle<T>(value: T) -> f64 {
    Box::into_raw(Box::new(value)) as usize as f64
}

/// Take back and drop the value behind `handle`.
///
/// # Safety
/// `handle` must come from `into_handle::<T>` and not have been dropped.
pub unsafe fn drop_handle<T>(handle: f64) {
    drop(Box::from_raw(handle as usize as *mut T));
}

/// Borrow the value behind `handle` for the current call.
///
/// # Safety
/// `handle` must come from `into_handle::<T>` and still be live.
pub unsafe fn handle_ref<'a, T>(handle: f64) -> &'a T {
    &*(handle as usize as *const T)
}
