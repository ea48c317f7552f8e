/**
 * `emhub gateway`: composes a supergraph from the subgraphs a configuration
 * file lists — the hub and department services, each by URL (its SDL read
 * from `_service`) or by SDL file — with @theguild/federation-composition,
 * writes it, and serves it with Hive Gateway. The caller's Authorization
 * header goes to every subgraph, and each applies its own policy.
 *
 *   # gateway.yaml
 *   supergraph: supergraph.graphql      # where the composed supergraph is written
 *   subgraphs:
 *     - name: emhub
 *       url: http://hub:4000/subgraph
 *     - name: earthquake
 *       url: http://dzj.example.gov.cn/graphql
 *       sdl: earthquake.graphql         # optional: compose from this file instead of asking the service
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { composeServices } from "@theguild/federation-composition";
import { parse } from "graphql";
import YAML from "yaml";
import { z } from "zod";

const GatewayConfigSchema = z.object({
  supergraph: z.string().default("supergraph.graphql"),
  subgraphs: z
    .array(z.object({ name: z.string().regex(/^[a-z][a-z0-9_-]*$/i, "letters, digits, - and _"), url: z.string().url(), sdl: z.string().optional() }))
    .min(1, "list at least one subgraph"),
});
export type GatewayConfig = z.infer<typeof GatewayConfigSchema>;

export class CompositionError extends Error {}

export function loadGatewayConfig(file: string): GatewayConfig {
  const parsed = GatewayConfigSchema.safeParse(YAML.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new CompositionError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const base = path.dirname(path.resolve(file));
  return {
    supergraph: path.resolve(base, parsed.data.supergraph),
    subgraphs: parsed.data.subgraphs.map((s) => ({ ...s, sdl: s.sdl ? path.resolve(base, s.sdl) : undefined })),
  };
}

/** A subgraph's SDL: its file, or what it answers to `{ _service { sdl } }`. */
async function subgraphSdl(subgraph: GatewayConfig["subgraphs"][number]): Promise<string> {
  if (subgraph.sdl) return fs.readFileSync(subgraph.sdl, "utf8");
  const response = await fetch(subgraph.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ _service { sdl } }" }) });
  const body = (await response.json().catch(() => null)) as { data?: { _service?: { sdl?: string } } } | null;
  const sdl = body?.data?._service?.sdl;
  if (!sdl) throw new CompositionError(`subgraph ${subgraph.name} at ${subgraph.url} did not give its SDL (HTTP ${response.status})`);
  return sdl;
}

/** The supergraph SDL of the subgraphs, or a CompositionError listing every problem. */
export function compose(subgraphs: Array<{ name: string; url: string; sdl: string }>): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new CompositionError(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join("\n")}`);
  return result.supergraphSdl;
}

export async function composeFromConfig(config: GatewayConfig): Promise<string> {
  const subgraphs = await Promise.all(config.subgraphs.map(async (s) => ({ name: s.name, url: s.url, sdl: await subgraphSdl(s) })));
  const supergraph = compose(subgraphs);
  fs.writeFileSync(config.supergraph, supergraph);
  return supergraph;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

/** Serves a supergraph with Hive Gateway on `port`, forwarding the caller's Authorization to the subgraphs. */
export async function serveGateway(supergraph: string, port: number, host = "127.0.0.1"): Promise<RunningGateway> {
  const gateway = createGatewayRuntime({
    supergraph,
    propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") }) },
    logging: "warn",
  });
  const server = http.createServer(gateway);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/graphql`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await gateway.dispose();
    },
  };
}
