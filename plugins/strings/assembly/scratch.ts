/** Room for any number the SDK formatters write: the longest fixed-notation double is ~330 bytes. */
export const NUMBER_SCRATCH: usize = memory.data(512);
