// JSON.TOGGLE key [path]: flips the booleans at path. JSONPath: 1 / 0 (the new value) per match, nil
// for a match that is not a boolean; legacy: the last new value as "true" / "false".
//
// A packed document's booleans are one byte each, flipped in place: the document stays packed (no
// thaw). They are marked first and flipped after the reply, which reads the values before the toggle, so
// a boolean that the path matches twice flips once, as in the tree (and as RedisJSON, which dedupes).
import { replyArray, replyBulk, replyInt, replyNull, FIND_WRITE } from "ferrite-sdk";
import { docRoot, KEEP_PACKED } from "../document";
import { JSON_TOGGLE } from "../events";
import { boolNode, isPacked, K_FALSE, K_TRUE, kind } from "../node";
import { legacy, matchCount, matchNode, matchSlot } from "../path";
import { doc, openExisting, pathLen, pathPtr } from "../query";
import { replyPathMissingOr } from "../replies";

const TRUE_TEXT = memory.data<u8>([0x74, 0x72, 0x75, 0x65]);
const FALSE_TEXT = memory.data<u8>([0x66, 0x61, 0x6c, 0x73, 0x65]);
/** A packed boolean to flip: a bit of the kind byte that kind() masks and node.ts's flags leave free. */
const PENDING: u8 = 0x80;

export function run(argc: i32, argv: usize): void {
  if (!openExisting(argc, argv, 2, FIND_WRITE | KEEP_PACKED)) return;
  const inPlace = isPacked(docRoot(doc));
  let toggled = 0;
  let last = false;
  for (let i = 0; i < matchCount; i++) {
    const n = matchNode(i);
    const k = kind(n);
    if (k != K_TRUE && k != K_FALSE) continue;
    last = k == K_FALSE;
    if (inPlace) store<u8>(n, load<u8>(n) | PENDING);
    else store<u32>(matchSlot(i), <u32>boolNode(last)); // the shared nodes: nothing to allocate or free
    toggled++;
  }
  reply(last, toggled);
  if (inPlace) flipPending();
  if (toggled > 0) JSON_TOGGLE.emitArg(argv, 1);
}

function flipPending(): void {
  for (let i = 0; i < matchCount; i++) {
    const n = matchNode(i);
    const b = load<u8>(n);
    if ((b & PENDING) != 0) store<u8>(n, kind(n) == K_TRUE ? K_FALSE : K_TRUE);
  }
}

function reply(last: bool, toggled: i32): void {
  if (legacy) {
    if (toggled == 0) { replyPathMissingOr(pathPtr, pathLen, "not a bool"); return; }
    if (last) replyBulk(TRUE_TEXT, 4);
    else replyBulk(FALSE_TEXT, 5);
    return;
  }
  replyArray(matchCount);
  for (let i = 0; i < matchCount; i++) {
    const k = kind(matchNode(i)); // the node before toggling, still in the list
    if (k == K_TRUE) replyInt(0);
    else if (k == K_FALSE) replyInt(1);
    else replyNull();
  }
}
