// The rcounter type: an i64 with the six callbacks value_types! writes from the ValueType impl.
use ferrite_sdk::{Loader, Saver, ValueType};

pub const RCOUNTER: i32 = 0;

#[derive(Clone)]
pub struct Counter(pub i64);

impl ValueType for Counter {
    fn save(&self, out: &mut Saver) {
        out.i64(self.0);
    }

    fn load(encver: i32, input: &mut Loader) -> Option<Counter> {
        if encver != 1 {
            return None;
        }
        Some(Counter(input.i64()?))
    }
}

ferrite_sdk::value_types!(0 => Counter);
