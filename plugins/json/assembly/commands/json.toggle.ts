// JSON.TOGGLE key [path]: flips the booleans at path. JSONPath: 1 / 0 (the new value) per match, nil
// for a match that is not a boolean; legacy: the last new value as "true" / "false".
import { replyArray, replyBulk, replyInt, replyNull, FIND_WRITE } from "ferrite-sdk";
import { JSON_TOGGLE } from "../events";
import { boolNode, K_FALSE, K_TRUE, kind } from "../node";
import { legacy, matchCount, matchNode, matchSlot } from "../path";
import { openExisting, pathLen, pathPtr } from "../query";
import { replyPathMissingOr } from "../replies";

const TRUE_TEXT = memory.data<u8>([0x74, 0x72, 0x75, 0x65]);
const FALSE_TEXT = memory.data<u8>([0x66, 0x61, 0x6c, 0x73, 0x65]);

export function run(argc: i32, argv: usize): void {
  if (!openExisting(argc, argv, 2, FIND_WRITE)) return;
  let toggled = 0;
  let last = false;
  for (let i = 0; i < matchCount; i++) {
    const k = kind(matchNode(i));
    if (k != K_TRUE && k != K_FALSE) continue;
    last = k == K_FALSE;
    store<u32>(matchSlot(i), <u32>boolNode(last)); // the shared nodes: nothing to allocate or free
    toggled++;
  }
  if (toggled > 0) JSON_TOGGLE.emitArg(argv, 1);
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
