// One client's CLIENT TRACKING state (Redis's CLIENT_TRACKING_* flags, client_tracking_redirection and
// client_tracking_prefixes). A client that does not track has none (Client.tracking is null), so a
// command's only cost for the feature is that one null check.

export class ClientTracking {
  /** BCAST: invalidations for every key under its prefixes, nothing remembered per read. */
  bcast = false;
  /** OPTIN: reads are remembered only right after CLIENT CACHING yes; OPTOUT: except right after CLIENT CACHING no. */
  optin = false;
  optout = false;
  /** CLIENT CACHING given for the next command (Redis's CLIENT_TRACKING_CACHING). */
  caching = false;
  /** NOLOOP: no invalidations for keys the client changed itself. */
  noloop = false;
  /** The redirect client went away: invalidations are dropped (RESP3 clients are told so). */
  brokenRedirect = false;
  /** The client ID that receives the invalidations, 0 for the client itself. */
  redirect = 0;
  /** BCAST's prefixes (latin1), "" for every key. */
  readonly prefixes = new Set<string>();

  /** Whether a read-only command's keys are remembered for this client now (trackingRememberKeys's gate). */
  remembersReads(): boolean {
    if (this.bcast) return false;
    return this.optin ? this.caching : !(this.optout && this.caching);
  }

  /** CLIENT TRACKINGINFO's flags, in Redis's order (the client tracks: `on` comes first). */
  flags(): string[] {
    const flags = ["on"];
    if (this.bcast) flags.push("bcast");
    if (this.optin) flags.push("optin");
    if (this.optin && this.caching) flags.push("caching-yes");
    if (this.optout) flags.push("optout");
    if (this.optout && this.caching) flags.push("caching-no");
    if (this.noloop) flags.push("noloop");
    if (this.brokenRedirect) flags.push("broken_redirect");
    return flags;
  }
}
