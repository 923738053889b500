// What a config is: its name, kind, default and checks (definitions.ts lists them).

export type ConfigKind = "int" | "memory" | "bool" | "string" | "enum" | "float";

export interface ConfigDef {
  name: string;
  kind: ConfigKind;
  default: string;
  /** Only settable at startup (command line or config file). */
  immutable?: boolean;
  /** Redis's PROTECTED_CONFIG: CONFIG SET refuses it unless enable-protected-configs allows the client. */
  protected?: boolean;
  /** Startup-only and may be given several times (`--loadmodule a --loadmodule b`). */
  repeatable?: boolean;
  values?: string[];
  min?: number;
  max?: number;
  /** A float's bounds are exclusive (an error rate in (0, 1)). */
  exclusive?: boolean;
  /** Other names CONFIG GET/SET and the config file accept (Redis's `hash-max-ziplist-entries`). */
  aliases?: string[];
  /** Hidden from CONFIG GET, like Redis's sensitive configs are not (we keep requirepass visible, as Redis does). */
  hidden?: boolean;
  /** A value with its own grammar: the canonical text of `raw` applied over the `current` value, or an error. */
  parse?: (raw: string, current: string) => { value: string } | { error: string };
  /** Extra check of a string value: Redis's error text, or null when valid. */
  check?: (value: string) => string | null;
}
