/**
 * Where each connector pulls from and how often, read from the environment:
 *
 *   EMHUB_SOURCE_<CONNECTOR>         URLs, files or folders, comma-separated (default: the sample feeds)
 *   EMHUB_SYNC_INTERVAL_<CONNECTOR>  seconds between scheduled pulls, 0 = never (default below)
 *   EMHUB_SOURCE_TERRITORY_<CONNECTOR>  the division the source may write (default: the province)
 *   EMHUB_PROVINCE                   the hub's province (default 410000, Henan): nothing is written outside it
 *   EMHUB_SOURCE_TIMEOUT             seconds one HTTP attempt may take (default 30)
 *   EMHUB_SOURCE_TRIES               HTTP attempts per document (default 3)
 *
 * <CONNECTOR> is the connector's name in capitals with "_" for "-":
 * EMERGENCY, WATER, METEOROLOGY, NATURAL_RESOURCES, TRANSPORT.
 */
import { parseDivisionPrefix } from "../core/division.js";

export const CONNECTOR_NAMES = ["emergency", "monitoring", "water", "meteorology", "natural-resources", "transport", "disaster"] as const;

/** Seconds between scheduled pulls when EMHUB_SYNC_INTERVAL_<CONNECTOR> is not set. */
export const DEFAULT_INTERVALS: Readonly<Record<string, number>> = { meteorology: 300, water: 600 };
export const DEFAULT_INTERVAL = 3600;
/** Henan. */
export const DEFAULT_PROVINCE = "41";

export interface ConnectorSyncConfig {
  /** URLs (http, https), files or folders; null: the connector's sample feeds. */
  sources: string[] | null;
  /** Seconds between scheduled pulls; 0: not scheduled. */
  intervalSeconds: number;
  /** The division prefix the source may write (a city's bureau feeds its city; by default the province). */
  territory?: string | null;
}

export interface FetchConfig {
  /** One HTTP attempt, body included, in milliseconds. */
  timeoutMs: number;
  /** Attempts per document (1 = no retry). */
  tries: number;
  /** Wait before the second attempt; doubled for every further one. */
  backoffMs: number;
  /** Largest document a source may deliver, in bytes: a larger one is a failed fetch, read no further. */
  maxBytes: number;
}

export interface SyncConfig {
  connectors: Record<string, ConnectorSyncConfig>;
  fetch: FetchConfig;
  /** The hub's province as a division prefix ("41"): no source or account writes outside it. */
  province: string;
}

export function envSuffix(connector: string): string {
  return connector.toUpperCase().replace(/-/g, "_");
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    problems.push(`${name}: expected a whole number ≥ ${min}, got '${raw}'`);
    return fallback;
  }
  return value;
}

function unknownConnectorVariables(env: NodeJS.ProcessEnv, names: readonly string[]): string[] {
  const known = new Set(names.map(envSuffix));
  return Object.keys(env)
    .map((key) => /^EMHUB_(?:SOURCE_TERRITORY|SOURCE|SYNC_INTERVAL)_(.+)$/.exec(key))
    .filter((match): match is RegExpExecArray => match !== null && !["TIMEOUT", "TRIES"].includes(match[1]!) && !known.has(match[1]!))
    .map((match) => `${match[0]}: no connector '${match[1]}' (known: ${[...known].join(", ")})`);
}

/** The sync configuration; throws naming every bad variable. */
export function loadSyncConfig(env: NodeJS.ProcessEnv = process.env, names: readonly string[] = CONNECTOR_NAMES): SyncConfig {
  const problems = unknownConnectorVariables(env, names);
  const province = territoryOf(env, "EMHUB_PROVINCE", problems) ?? DEFAULT_PROVINCE;
  const connectors: Record<string, ConnectorSyncConfig> = {};
  for (const name of names) {
    const suffix = envSuffix(name);
    const sources = (env[`EMHUB_SOURCE_${suffix}`] ?? "")
      .split(",")
      .map((source) => source.trim())
      .filter((source) => source !== "");
    connectors[name] = {
      sources: sources.length > 0 ? sources : null,
      intervalSeconds: wholeNumber(env, `EMHUB_SYNC_INTERVAL_${suffix}`, DEFAULT_INTERVALS[name] ?? DEFAULT_INTERVAL, 0, problems),
      territory: territoryOf(env, `EMHUB_SOURCE_TERRITORY_${suffix}`, problems) ?? province,
    };
  }
  const fetch: FetchConfig = {
    timeoutMs: wholeNumber(env, "EMHUB_SOURCE_TIMEOUT", 30, 1, problems) * 1000,
    tries: wholeNumber(env, "EMHUB_SOURCE_TRIES", 3, 1, problems),
    backoffMs: 1000,
    maxBytes: wholeNumber(env, "EMHUB_SOURCE_MAX_MB", 20, 1, problems) * 1024 * 1024,
  };
  if (problems.length > 0) throw new Error(`invalid configuration: ${problems.join("; ")}`);
  return { connectors, fetch, province };
}

/** A division code or prefix ("4102", "410200"), as its significant prefix; null when unset. */
function territoryOf(env: NodeJS.ProcessEnv, name: string, problems: string[]): string | null {
  const value = env[name]?.trim();
  if (!value) return null;
  const parsed = parseDivisionPrefix(value);
  if (!parsed.ok) {
    problems.push(`${name}: '${value}' is not a division code (${parsed.reason})`);
    return null;
  }
  return parsed.code;
}

/** A connector's settings; defaults for a connector the configuration does not name. */
export function connectorSyncConfig(config: SyncConfig, connector: string): ConnectorSyncConfig {
  return config.connectors[connector] ?? { sources: null, intervalSeconds: DEFAULT_INTERVALS[connector] ?? DEFAULT_INTERVAL, territory: config.province };
}
