// A set a command builds for itself (a union to reply, a STORE result, SRANDMEMBER's already-sent
// members). A trap (the CPU budget spent, say) can end the command before it frees or binds that set;
// the next one made frees the leftover first, as the keys plugin does with its scan batch.
import { setEmpty, setFree } from "./set";

let pending: usize = 0;

export function tempSet(): usize {
  if (pending != 0) setFree(pending);
  pending = setEmpty();
  return pending;
}

/** The temporary set was bound to a key: the keyspace owns it now. */
export function keepTemp(): void { pending = 0; }

export function freeTemp(): void {
  setFree(pending);
  pending = 0;
}
