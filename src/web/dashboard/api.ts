/** The dashboard's access to the hub: GraphQL over HTTP, GeoJSON layers and graphql-ws, all with the signed-in token. */
import type { FeatureCollection, Geometry } from "geojson";
import { createClient, type Client } from "graphql-ws";

const TOKEN_KEY = "emhub.dashboard.token";

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY) ?? "",
  set: (value: string) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

const authorization = () => ({ authorization: `Bearer ${token.get()}` });

export class HubError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json", ...authorization() }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length) throw new HubError(body.errors[0]!.message, body.errors[0]!.extensions?.code);
  return body.data!;
}

export interface Feature {
  id: string;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}

export async function layer(name: string, region?: string): Promise<Feature[]> {
  const response = await fetch(`/geo/${name}.geojson${region ? `?region=${encodeURIComponent(region)}` : ""}`, { headers: authorization() });
  if (!response.ok) return [];
  return ((await response.json()) as { features: Feature[] }).features;
}

export async function boundary(): Promise<FeatureCollection> {
  return (await fetch("/geo/boundary.geojson")).json();
}

/** A CSV route (the bulletin) fetched with the token and handed to the browser as a download. */
export async function download(path: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: authorization() });
  if (!response.ok) throw new Error(`${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  link.click();
  URL.revokeObjectURL(url);
}

export function liveClient(onState: (state: "open" | "closed") => void): Client {
  const url = new URL("/graphql", window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return createClient({
    url: url.href,
    connectionParams: authorization,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: { connected: () => onState("open"), closed: () => onState("closed") },
  });
}

/** Subscribes and calls `next` with each result's data. */
export function watch<T>(client: Client, query: string, variables: Record<string, unknown>, next: (data: T) => void): () => void {
  return client.subscribe<T>({ query, variables }, { next: (result) => result.data && next(result.data as T), error: () => {}, complete: () => {} });
}
