// FalkorDB reports parse errors as libcypher-parser positions them:
// "errMsg: <what> line: <l>, column: <c>, offset: <o> errCtx: <the line> errCtxOffset: <c-1>".
import { fail } from "./failure";

export function syntaxError(q: string, offset: i32, what: string): void {
  let lineStart = 0, line = 1;
  for (let i = 0; i < offset && i < q.length; i++) {
    if (q.charCodeAt(i) == 10) {
      line++;
      lineStart = i + 1;
    }
  }
  let lineEnd = q.indexOf("\n", lineStart);
  if (lineEnd < 0) lineEnd = q.length;
  const column = offset - lineStart + 1;
  fail("errMsg: " + what + " line: " + line.toString() + ", column: " + column.toString() + ", offset: " + offset.toString() +
    " errCtx: " + q.substring(lineStart, lineEnd) + " errCtxOffset: " + (column - 1).toString());
}
