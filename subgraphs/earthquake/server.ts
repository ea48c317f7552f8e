/**
 * 地震局's earthquake service: quick reports (速报) as a GraphQL Federation 2
 * subgraph, the way a department that keeps its own data would publish it
 * into the province's shared graph. It owns `Earthquake`, adds
 * `Region.earthquakes(since)` to the hub's regions (joined by division code),
 * and points to the shelters it designates for earthquakes (地震应急避难场所)
 * near an epicentre by their code, which the hub resolves under its own
 * policy. Quick reports and the register of designated shelters are public,
 * so this service asks for no token; the gateway forwards the caller's token
 * all the same, to the hub, which decides what it shows.
 *
 *   node dist/subgraphs/earthquake/server.js [port]   (default 4201)
 */
import fs from "node:fs";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";

/** The data files beside the source (run from source) or in the source folder (run from dist/). */
const DATA_DIR = [import.meta.dirname, path.resolve(import.meta.dirname, "../../../subgraphs/earthquake")].find((dir) => fs.existsSync(path.join(dir, "reports.json")))!;

interface QuickReport {
  id: string;
  time: string;
  lat: number;
  lon: number;
  depthKm: number;
  magnitude: number;
  place: string;
  regionCode: string;
}

interface DesignatedShelter {
  code: string;
  lat: number;
  lon: number;
}

export const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  """An earthquake quick report (地震速报)"""
  type Earthquake @key(fields: "id") {
    id: ID!
    """Origin time, ISO 8601"""
    time: String!
    lat: Float!
    lon: Float!
    depthKm: Float!
    magnitude: Float!
    """Where, as the report says (参考位置)"""
    place: String!
    """Division code of the epicentre"""
    regionCode: String!
    region: Region!
    """Shelters designated for earthquakes within radiusKm of the epicentre, nearest first (null where the hub does not show one to you)"""
    nearbyShelters(radiusKm: Float = 20): [Shelter]!
  }

  type Region @key(fields: "code") {
    code: String!
    """Quick reports of earthquakes in this division (and the divisions under it), newest first"""
    earthquakes(since: String): [Earthquake!]!
  }

  type Shelter @key(fields: "code", resolvable: false) {
    code: String!
  }

  type Query {
    """Quick reports, newest first"""
    earthquakes(since: String, minMagnitude: Float): [Earthquake!]!
    earthquake(id: ID!): Earthquake
  }
`);

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), "utf8")) as T;

/** The significant prefix of a division code: 410200 → 4102, 410000 → 41. */
const prefixOf = (code: string) => code.replace(/(00)+$/, "");

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

export function resolvers(reports: QuickReport[], shelters: DesignatedShelter[]) {
  const newestFirst = [...reports].sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
  const since = (value: string | null | undefined) => (value ? Date.parse(value) : -Infinity);
  return {
    Query: {
      earthquakes: (_: unknown, args: { since?: string; minMagnitude?: number }) =>
        newestFirst.filter((r) => Date.parse(r.time) >= since(args.since) && r.magnitude >= (args.minMagnitude ?? -Infinity)),
      earthquake: (_: unknown, args: { id: string }) => reports.find((r) => r.id === args.id) ?? null,
    },
    Earthquake: {
      __resolveReference: (reference: { id: string }) => reports.find((r) => r.id === reference.id) ?? null,
      region: (report: QuickReport) => ({ __typename: "Region", code: report.regionCode }),
      nearbyShelters: (report: QuickReport, args: { radiusKm: number }) =>
        shelters
          .map((shelter) => ({ shelter, km: distanceKm(report.lat, report.lon, shelter.lat, shelter.lon) }))
          .filter(({ km }) => km <= args.radiusKm)
          .sort((a, b) => a.km - b.km)
          .map(({ shelter }) => ({ __typename: "Shelter", code: shelter.code })),
    },
    Region: {
      __resolveReference: (reference: { code: string }) => ({ code: reference.code }),
      earthquakes: (region: { code: string }, args: { since?: string }) =>
        newestFirst.filter((r) => r.regionCode.startsWith(prefixOf(region.code)) && Date.parse(r.time) >= since(args.since)),
    },
  };
}

export function earthquakeSchema() {
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers(readJson<QuickReport[]>("reports.json"), readJson<DesignatedShelter[]>("designated-shelters.json")) as never });
}

/** Starts the service on `port` (0: any free port); resolves to its URL and a stop function. */
export async function startEarthquakeService(port: number, host = "127.0.0.1"): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = new ApolloServer({ schema: earthquakeSchema() });
  const { url } = await startStandaloneServer(server, { listen: { port, host } });
  return { url, stop: () => server.stop() };
}

if (process.argv[1] === import.meta.filename) {
  const { url } = await startEarthquakeService(Number(process.argv[2] ?? 4201), "0.0.0.0");
  console.log(`earthquake subgraph on ${url}`);
}
