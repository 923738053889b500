// What connections from outside the machine may do, as Redis decides it: protected mode refuses them
// while the default user has no password, and `enable-module-command` (Redis's name, for MODULE) may
// allow MODULE to everyone (yes), to nobody (no), or only from loopback (local, Ferrite's default:
// installing plugins is a primary use, where Redis defaults to no). `enable-protected-configs` does the
// same for CONFIG SET of the configs Redis protects (dir, dbfilename), default no as in Redis.
import type { Config } from "../config/config.js";
import type { Command, CommandClient as Client } from "../command/command-table.js";
import type { User } from "./user.js";

export const PROTECTED_MODE_DENIED =
  "-DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. In this mode connections are only accepted from the loopback interface. If you want to connect from external computers to Redis you may adopt one of the following solutions: 1) Just disable protected mode sending the command 'CONFIG SET protected-mode no' from the loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. 2) Alternatively you can just disable the protected mode by editing the Redis configuration file, and setting the protected mode option to 'no', and then restarting the server. 3) If you started the server manually just for testing, restart it with the '--protected-mode no' option. 4) Setup a an authentication password for the default user. NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.\r\n";

const MODULE_REFUSED =
  'ERR MODULE command not allowed. If the enable-module-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.';

/** Redis's connIsLocal: 127.0.0.0/8 or ::1 (Node reports IPv4 peers of a dual-stack socket as ::ffff:a.b.c.d). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4.startsWith("127.") || address === "::1";
}

/** A new connection protected mode refuses: from outside, while `default` needs no password. */
export function protectedModeRefuses(config: Config, defaultUser: User, remoteAddress: string | undefined): boolean {
  return config.bool("protected-mode") && defaultUser.nopass && !isLoopback(remoteAddress);
}

/** Redis's CMD_PROTECTED MODULE subcommands: LIST and HELP stay open to every authenticated client. */
const PROTECTED = new Set(["module|load", "module|loadex", "module|unload"]);

/** Redis's allowProtectedAction: an `enable-*` setting of yes, or local and the client on loopback. */
export function allowsProtected(config: Config, setting: "enable-module-command" | "enable-protected-configs", client: Client): boolean {
  const value = config.get(setting);
  return value === "yes" || (value === "local" && isLoopback(client.socket.remoteAddress));
}

/** The error for a MODULE command `enable-module-command` does not allow this client, or null. */
export function moduleCommandRefusal(config: Config, client: Client, cmd: Command): string | null {
  if (!cmd.handler || !PROTECTED.has(cmd.spec.name) || client.replaying) return null;
  return allowsProtected(config, "enable-module-command", client) ? null : MODULE_REFUSED;
}
