// SORT's and SORT_RO's keys (host API 1.8 ferrite_keys; Redis's sortGetKeys and sortROGetKeys): the
// sorted key, and for SORT the STORE destination, which can be anywhere after it. Options are skipped with their arguments (LIMIT takes
// two, BY and GET one) so that a pattern or a limit spelled "store" is not taken for the keyword; the
// last STORE wins, as in the command. COMMAND GETKEYSANDFLAGS, ACL key checks and the AOF see both keys.
import { argIs, keyPosition } from "ferrite-sdk";

// Key spec numbers in commands/sort.json.
const SORTED: i32 = 0;
const DESTINATION: i32 = 2;

export function ferrite_keys(id: i32, argc: i32, argv: usize): i32 {
  keyPosition(1, SORTED);
  if (argIs(argv, 0, "SORT_RO")) return 0;
  let store: i32 = -1;
  for (let i = 2; i < argc; i++) {
    if (argIs(argv, i, "LIMIT")) i += 2;
    else if (argIs(argv, i, "BY") || argIs(argv, i, "GET")) i++;
    else if (argIs(argv, i, "STORE") && i + 1 < argc) store = ++i;
  }
  if (store > 0) keyPosition(store, DESTINATION);
  return 0;
}
