//! Typed save and load fields for a type's save and load callbacks (and aux state), in the same layout
//! as the AssemblyScript and C SDKs, so a type may change language without changing its `encver`:
//! numbers are 8 little-endian bytes; bytes are a u32 little-endian length, then the bytes.
use crate::host;

/// Writes fields through `save_write` while the host runs a save callback.
pub struct Saver;

impl Saver {
    pub fn u64(&mut self, v: u64) {
        self.raw(&v.to_le_bytes());
    }

    pub fn i64(&mut self, v: i64) {
        self.raw(&v.to_le_bytes());
    }

    pub fn f64(&mut self, v: f64) {
        self.raw(&v.to_le_bytes());
    }

    /// The length, then the bytes.
    pub fn bytes(&mut self, b: &[u8]) {
        self.raw(&(b.len() as u32).to_le_bytes());
        self.raw(b);
    }

    fn raw(&mut self, b: &[u8]) {
        unsafe { host::save_write(b.as_ptr() as i32, b.len() as i32) }
    }
}

/// Reads the fields a load callback was given; a read past the end answers `None` and fails the load.
pub struct Loader<'a> {
    rest: &'a [u8],
}

impl<'a> Loader<'a> {
    /// The payload the host wrote at `ptr` for this call.
    ///
    /// # Safety
    /// `ptr` and `len` must be the load callback's own parameters.
    pub unsafe fn new(ptr: i32, len: i32) -> Loader<'a> {
        Loader { rest: core::slice::from_raw_parts(ptr as usize as *const u8, len as usize) }
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.rest.len() < n {
            return None;
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Some(head)
    }

    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    pub fn i64(&mut self) -> Option<i64> {
        Some(self.u64()? as i64)
    }

    pub fn f64(&mut self) -> Option<f64> {
        Some(f64::from_bits(self.u64()?))
    }

    /// A bytes field, valid during the load call only: copy it.
    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let len = u32::from_le_bytes(self.take(4)?.try_into().ok()?) as usize;
        self.take(len)
    }

    /// True when the whole payload was read: a load with bytes left over is refused.
    pub fn done(&self) -> bool {
        self.rest.is_empty()
    }
}
