// LATENCY LATEST, HISTORY, RESET, DOCTOR, HISTOGRAM, HELP over the latency monitor and the commands'
// histograms, with latency.c's replies.
import type { Command, CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import { replyHelp } from "./help.js";
import { latencyReport } from "./latency-doctor.js";

const HELP = [
  "DOCTOR",
  "    Return a human readable latency analysis report.",
  "HISTORY <event>",
  "    Return time-latency samples for the <event> class.",
  "LATEST",
  "    Return the latest latency samples for all events.",
  "RESET [<event> ...]",
  "    Reset latency data of one or more <event> classes.",
  "    (default: reset all data for all event classes)",
  "HISTOGRAM [COMMAND ...]",
  "    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.",
  "    If no commands are specified then all histograms are replied.",
];

/** A command and its subcommands, those with a histogram. */
function withHistograms(cmd: Command, out: Command[]): void {
  if (cmd.histogram !== null) out.push(cmd);
  if (cmd.subcommands) for (const sub of cmd.subcommands.values()) if (sub.histogram !== null) out.push(sub);
}

/** LATENCY HISTOGRAM [command …]: each named command (`container|sub` names one subcommand) that ran, unknown names skipped. */
function histogram(c: Client, s: Server): void {
  const shown: Command[] = [];
  if (c.argc() === 2) {
    for (const cmd of s.commands.all()) withHistograms(cmd, shown);
  } else {
    for (let i = 2; i < c.argc(); i++) {
      const [name, sub] = c.argString(i).toLowerCase().split("|", 2);
      const top = s.commands.get(name);
      const cmd = sub === undefined ? top : top?.subcommands?.get(sub);
      if (cmd) withHistograms(cmd, shown);
    }
  }
  const w = c.writer;
  w.map(shown.length);
  for (const cmd of shown) {
    w.bulkString(cmd.name);
    cmd.histogram!.write(w);
  }
}

export const latencyHandlers: Record<string, CoreHandler> = {
  "latency|latest"(c, s) {
    const w = c.writer;
    const events = s.observability.latency.events;
    w.array(events.size);
    for (const [event, series] of events) {
      const last = series.latest();
      w.array(4);
      w.bulkString(event);
      w.int(last.time);
      w.int(last.ms);
      w.int(series.max);
    }
  },
  "latency|history"(c, s) {
    const samples = s.observability.latency.events.get(c.argString(2))?.history() ?? [];
    c.writer.array(samples.length);
    for (const sample of samples) {
      c.writer.array(2);
      c.writer.int(sample.time);
      c.writer.int(sample.ms);
    }
  },
  "latency|reset"(c, s) {
    const latency = s.observability.latency;
    if (c.argc() === 2) return c.writer.int(latency.reset());
    let resets = 0;
    for (let i = 2; i < c.argc(); i++) resets += latency.reset(c.argString(i));
    c.writer.int(resets);
  },
  "latency|histogram": histogram,
  "latency|doctor"(c, s) {
    c.writer.verbatim(latencyReport(s.observability.latency, s.observability.slowlog.slowerThanUs));
  },
  "latency|help"(c) {
    replyHelp(c, HELP);
  },
};
