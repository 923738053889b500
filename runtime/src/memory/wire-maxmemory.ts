// Connects the maxmemory configs and the plugin registry to the server's MaxMemory.
import type { CommandServer as Server } from "../command/command-table.js";
import { log } from "../log.js";

const CONFIGS = ["maxmemory", "maxmemory-policy", "maxmemory-samples", "maxmemory-eviction-tenacity"];

export function wireMaxMemory(server: Server): void {
  const memory = server.memory;
  const config = server.config;
  memory.accounting.plugins = () => server.plugins.all();
  const apply = () => {
    memory.limit = config.int("maxmemory");
    memory.setPolicy(config.get("maxmemory-policy"));
    memory.samples = config.int("maxmemory-samples");
    memory.tenacity = config.int("maxmemory-eviction-tenacity");
  };
  apply();
  config.onChange("maxmemory-clients", (value) => {
    if (value !== "0") log("warning", "WARNING: maxmemory-clients is set, but Ferrite does not evict clients: the limit has no effect.");
  });
  for (const name of CONFIGS) {
    config.onChange(name, () => {
      apply();
      // As Redis does on CONFIG SET maxmemory: start evicting now rather than at the next write.
      if (memory.limit !== 0 && memory.accounting.used() > memory.limit) {
        log("warning", "WARNING: the new maxmemory value set via CONFIG SET is smaller than the current memory usage. This will result in key eviction and/or the inability to accept new write commands depending on the maxmemory-policy.");
        memory.continueLater();
      }
    });
  }
}
