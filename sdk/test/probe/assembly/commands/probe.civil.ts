// PROBE.CIVIL days: the civil date of a day number, its weekday, and the day number computed back.
import {
  argLen, argPtr, civilDay, civilFromDays, civilMonth, civilYear, daysFromCivil, parseI64, parsedI64, replyArray, replyInt,
  weekdayOfDays,
} from "ferrite-sdk";

export function run(_argc: i32, argv: usize): void {
  parseI64(argPtr(argv, 1), argLen(argv, 1));
  const days = parsedI64;
  civilFromDays(days);
  replyArray(5);
  replyInt(civilYear);
  replyInt(civilMonth);
  replyInt(civilDay);
  replyInt(weekdayOfDays(days));
  replyInt(daysFromCivil(civilYear, civilMonth, civilDay));
}
