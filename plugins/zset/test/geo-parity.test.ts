// Ferrite against a redis-server started for this file, on random points: every GEO reply must be
// the same bytes (positions, hashes, 4-decimal distances, which members a search finds and their order,
// ties in distance included).
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { against } from "../../../test/helpers/target.js";
import { rawReplies } from "../../../test/helpers/raw-resp.js";
import { prng } from "../../../test/helpers/prng.js";

const ferrite = useServer([], { kind: "ferrite", flush: true });
const redis = useServer([], { kind: "redis", flush: true });

const UNITS = ["m", "km", "ft", "mi"];

/** Points around a centre (some sharing a position, for ties), as GEOADD arguments. */
function cluster(rand: () => number, n: number, lon: number, lat: number, spread: number, prefix: string): string[] {
  const args: string[] = [];
  let last = [lon, lat];
  for (let i = 0; i < n; i++) {
    const p = rand() < 0.1 ? last : [
      Math.max(-180, Math.min(180, lon + (rand() - 0.5) * spread)),
      Math.max(-85.05, Math.min(85.05, lat + (rand() - 0.5) * spread)),
    ];
    last = p;
    args.push(p[0].toFixed(6), p[1].toFixed(6), `${prefix}${i}`);
  }
  return args;
}

/** A random search around a random place, with random options. */
function randomSearch(rand: () => number, key: string, members: number, prefix: string): string[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const from = rand() < 0.5
    ? ["FROMMEMBER", `${prefix}${Math.floor(rand() * members)}`]
    : ["FROMLONLAT", ((rand() - 0.5) * 360).toFixed(5), ((rand() - 0.5) * 170).toFixed(5)];
  const size = () => String(Math.floor(10 ** (rand() * 7)));
  const by = rand() < 0.5 ? ["BYRADIUS", size(), pick(UNITS)] : ["BYBOX", size(), size(), pick(UNITS)];
  const opts: string[] = [];
  if (rand() < 0.6) opts.push(pick(["ASC", "DESC"]));
  if (rand() < 0.4) opts.push("COUNT", String(1 + Math.floor(rand() * 20)), ...(rand() < 0.3 ? ["ANY"] : []));
  for (const w of ["WITHDIST", "WITHHASH", "WITHCOORD"]) if (rand() < 0.4) opts.push(w);
  return ["GEOSEARCH", key, ...from, ...by, ...opts];
}

async function same(...commands: string[][]): Promise<void> {
  const [f, r] = await Promise.all([ferrite.port, redis.port].map((port) => rawReplies(port, 2, ...commands)));
  for (let i = 0; i < commands.length; i++) expect(f[i], commands[i].join(" ")).toBe(r[i]);
}

describe.skipIf(against === "redis")("GEO parity with redis-server", () => {
  it("GEOPOS, GEOHASH and GEODIST agree on random points", async () => {
    const rand = prng(7);
    const add = ["GEOADD", "g", ...cluster(rand, 300, 0, 0, 360, "p")];
    await same(add);
    const members = Array.from({ length: 300 }, (_, i) => `p${i}`);
    const dists = Array.from({ length: 200 }, () =>
      ["GEODIST", "g", `p${Math.floor(rand() * 300)}`, `p${Math.floor(rand() * 300)}`, UNITS[Math.floor(rand() * 4)]]);
    await same(["GEOPOS", "g", ...members], ["GEOHASH", "g", ...members], ...dists, ["ZRANGE", "g", "0", "-1"]);
  });

  for (const [name, n, lon, lat, spread] of [
    ["a small set (listpack) around Sicily", 100, 14, 37.5, 4],
    ["a big set (skiplist) around Sicily", 3000, 14, 37.5, 6],
    ["points across the antimeridian and near a pole", 1500, 179, 80, 12],
    ["points all over the world", 3000, 0, 0, 360],
  ] as const) {
    it(`GEOSEARCH, GEORADIUS* and the stores agree on ${name}`, async () => {
      const rand = prng(n + lon);
      await same(["GEOADD", "g", ...cluster(rand, n, lon, lat, spread, "p")]);
      const searches = Array.from({ length: 150 }, () => randomSearch(rand, "g", n, "p"));
      // Centre on the cluster too, where results are plentiful.
      for (let i = 0; i < 150; i++) {
        const s = randomSearch(rand, "g", n, "p");
        if (s[2] === "FROMLONLAT") [s[3], s[4]] = [(lon + (rand() - 0.5) * spread).toFixed(5), (lat + (rand() - 0.5) * spread).toFixed(5)];
        searches.push(s);
      }
      await same(...searches);
      const radius = searches.slice(0, 40).map((s) => {
        const [, , from, a, b] = s;
        const rest = s.slice(s.indexOf(s.find((x) => x.startsWith("BY"))!) + 1);
        const [r, unit] = s.includes("BYRADIUS") ? rest : [rest[0], rest[2]];
        const tail = s.slice(s.indexOf(unit) + 1);
        return from === "FROMMEMBER" ? ["GEORADIUSBYMEMBER", "g", a, r, unit, ...tail] : ["GEORADIUS_RO", "g", a, b, r, unit, ...tail];
      });
      await same(...radius);
      const stores = searches.slice(40, 70).map((s) => ["GEOSEARCHSTORE", "dst", ...s.slice(1).filter((x) => !x.startsWith("WITH")),
        ...(rand() < 0.5 ? ["STOREDIST"] : [])]);
      for (const store of stores) await same(store, ["ZRANGE", "dst", "0", "-1"], ["ZCARD", "dst"]);
    });
  }
});
