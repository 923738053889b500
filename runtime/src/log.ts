// Redis-style log lines (`pid:M dd Mon yyyy hh:mm:ss.mmm * text`) to stdout or the configured logfile.
import { appendFileSync } from "node:fs";

export type LogLevel = "debug" | "verbose" | "notice" | "warning";
const RANK: Record<LogLevel | "nothing", number> = { debug: 0, verbose: 1, notice: 2, warning: 3, nothing: 4 };
const MARK: Record<LogLevel, string> = { debug: ".", verbose: "-", notice: "*", warning: "#" };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

let threshold = RANK.notice;
let file = "";

export function configureLog(level: string, logfile: string): void {
  threshold = RANK[level as LogLevel] ?? RANK.notice;
  file = logfile;
}

export function setLogLevel(level: string): void {
  threshold = RANK[level as LogLevel] ?? RANK.notice;
}

export function log(level: LogLevel, text: string): void {
  if (RANK[level] < threshold) return;
  const d = new Date();
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const stamp = `${pad(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
  const line = `${process.pid}:M ${stamp} ${MARK[level]} ${text}\n`;
  if (file) appendFileSync(file, line);
  else process.stdout.write(line);
}
