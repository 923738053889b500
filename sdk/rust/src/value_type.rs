//! A custom value type in Rust: implement `ValueType` for it and name it in `value_types!`, which
//! writes the six `ferrite_type_*` callbacks the host calls (free, save, load, copy, memory, encoding).
use crate::keys::{drop_handle, handle_ref, into_handle};
use crate::save_load::{Loader, Saver};

/// What `ferrite_type_load` answers for bytes it cannot read: the host refuses the value.
pub const LOAD_FAILED: f64 = -1.0;

pub trait ValueType: Sized + Clone {
    /// The value's fields, in the order `load` reads them.
    fn save(&self, out: &mut Saver);
    /// A value from fields saved at `encver` (keep reading every older one), or None to refuse them.
    fn load(encver: i32, input: &mut Loader) -> Option<Self>;
    /// Bytes of plugin memory the value uses; keep it O(1) (the host asks after every write).
    fn memory(&self) -> usize {
        core::mem::size_of::<Self>()
    }
    /// Index of its current encoding in the manifest's `encodings`.
    fn encoding(&self) -> i32 {
        0
    }
}

#[doc(hidden)]
pub unsafe fn free<T: ValueType>(handle: f64) {
    drop_handle::<T>(handle)
}

#[doc(hidden)]
pub unsafe fn save<T: ValueType>(handle: f64) {
    handle_ref::<T>(handle).save(&mut Saver)
}

#[doc(hidden)]
pub unsafe fn load<T: ValueType>(encver: i32, ptr: i32, len: i32) -> f64 {
    let mut input = Loader::new(ptr, len);
    match T::load(encver, &mut input) {
        Some(value) if input.done() => into_handle(value),
        _ => LOAD_FAILED,
    }
}

#[doc(hidden)]
pub unsafe fn copy<T: ValueType>(handle: f64) -> f64 {
    into_handle(handle_ref::<T>(handle).clone())
}

#[doc(hidden)]
pub unsafe fn memory<T: ValueType>(handle: f64) -> f64 {
    handle_ref::<T>(handle).memory() as f64
}

#[doc(hidden)]
pub unsafe fn encoding<T: ValueType>(handle: f64) -> i32 {
    handle_ref::<T>(handle).encoding()
}

/// The `ferrite_type_*` exports for the plugin's types, by manifest index:
/// `ferrite_sdk::value_types!(0 => Counter, 1 => Other);` in src/types.rs.
#[macro_export]
macro_rules! value_types {
    ($($id:literal => $t:ty),+ $(,)?) => {
        #[no_mangle]
        pub extern "C" fn ferrite_type_free(ty: i32, handle: f64) {
            match ty { $($id => unsafe { $crate::value_type::free::<$t>(handle) },)+ _ => {} }
        }
        #[no_mangle]
        pub extern "C" fn ferrite_type_save(ty: i32, handle: f64) {
            match ty { $($id => unsafe { $crate::value_type::save::<$t>(handle) },)+ _ => {} }
        }
        #[no_mangle]
        pub extern "C" fn ferrite_type_load(ty: i32, encver: i32, ptr: i32, len: i32) -> f64 {
            match ty { $($id => unsafe { $crate::value_type::load::<$t>(encver, ptr, len) },)+ _ => $crate::LOAD_FAILED }
        }
        #[no_mangle]
        pub extern "C" fn ferrite_type_copy(ty: i32, handle: f64) -> f64 {
            match ty { $($id => unsafe { $crate::value_type::copy::<$t>(handle) },)+ _ => $crate::LOAD_FAILED }
        }
        #[no_mangle]
        pub extern "C" fn ferrite_type_memory(ty: i32, handle: f64) -> f64 {
            match ty { $($id => unsafe { $crate::value_type::memory::<$t>(handle) },)+ _ => 0.0 }
        }
        #[no_mangle]
        pub extern "C" fn ferrite_type_encoding(ty: i32, handle: f64) -> i32 {
            match ty { $($id => unsafe { $crate::value_type::encoding::<$t>(handle) },)+ _ => 0 }
        }
    };
}
