// Redis refuses SORT's BY and GET patterns to a user who may not read every key: a pattern can name
// any key, so sort.c asks ACLUserCheckKeyPerm(user, "*", read) once per command. The plugin does not
// see the user; the host checks every call_command against the calling user's ACL (ADR 0004), so an
// EXISTS of the key literally named "*" answers the same question: NOPERM unless the user's read
// patterns match "*".
import { RESP_ERROR, callArgLiteral, callBegin, callReply, callRun, respBegin, respLen, respNext, respPtr } from "ferrite-sdk";

const NOPERM = "NOPERM";

/** Whether the calling user may read every key; asked at most once per command. */
export function fullKeyAccess(): bool {
  callBegin();
  callArgLiteral("EXISTS");
  callArgLiteral("*");
  const n = callRun(); // first: it may move the reply buffer callReply() points at
  respBegin(callReply(), n);
  if (respNext() != RESP_ERROR || respLen < NOPERM.length) return true;
  for (let i = 0; i < NOPERM.length; i++) if (load<u8>(respPtr + i) != <u8>NOPERM.charCodeAt(i)) return true;
  return false;
}
