// GEO replies in Redis's text formats: distances are bulk strings with 4 decimals, coordinates
// Redis's human long double text.
import { replyArray, replyBulk, replyDoubleText } from "ferrite-sdk";
import { formatFixed, formatHuman } from "./fixed";

const text = memory.data(400);

/** addReplyDoubleDistance: "%.4f", a bulk string in every protocol. */
export function replyDistance(d: f64): void { replyBulk(text, formatFixed(d, 4, text)); }

/** addReplyHumanLongDouble: Redis's long-double text, a bulk string in RESP2 and a double in RESP3. */
function replyCoordinate(v: f64): void {
  replyDoubleText(text, formatHuman(v, text));
}

export function replyPosition(lon: f64, lat: f64): void {
  replyArray(2);
  replyCoordinate(lon);
  replyCoordinate(lat);
}
