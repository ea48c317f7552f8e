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
 *       hub: true                       # an emhub instance: shown EMHUB_GATEWAY_SECRET
 *     - name: earthquake
 *       url: http://dzj.example.gov.cn/graphql
 *       sdl: earthquake.graphql         # optional: compose from this file instead of asking the service
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { createGatewayRuntime, type GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { composeServices } from "@theguild/federation-composition";
import express from "express";
import { GraphQLError, parse } from "graphql";
import YAML from "yaml";
import { z } from "zod";
import type { HubConfig } from "../config/config.js";
import { SCHEMA_DIR } from "../config/paths.js";
import { ErrorCode } from "../errors/hub-error.js";
import { createAuthenticator, type Authenticator } from "../server/authenticate.js";
import { operationRefusal } from "../server/operation-guards.js";
import { clientLimiter } from "../server/rate-limit.js";
import { identifyRequest } from "../server/request-context.js";
import { loadTrustedDocuments, type TrustedDocuments } from "../server/trusted-documents.js";
import { leaveOutAbsentEntities } from "./absent-entities.js";
import { GATEWAY_SECRET_HEADER } from "./gateway-trust.js";

const GatewayConfigSchema = z.object({
  supergraph: z.string().default("supergraph.graphql"),
  subgraphs: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z][a-z0-9_-]*$/i, "letters, digits, - and _"),
        url: z.string().url(),
        sdl: z.string().optional(),
        // an emhub instance: it is shown the gateway secret (EMHUB_GATEWAY_SECRET), and no other subgraph is
        hub: z.boolean().default(false),
      }),
    )
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

/** The headers a subgraph is sent besides the caller's: the gateway secret, to emhub instances only. */
function gatewayHeaders(subgraph: { hub?: boolean }, secret: string | null): Record<string, string> {
  return subgraph.hub && secret ? { [GATEWAY_SECRET_HEADER]: secret } : {};
}

/** A subgraph's SDL: its file, or what it answers to `{ _service { sdl } }` (an emhub instance answers the gateway secret). */
async function subgraphSdl(subgraph: GatewayConfig["subgraphs"][number], secret: string | null): Promise<string> {
  if (subgraph.sdl) return fs.readFileSync(subgraph.sdl, "utf8");
  const response = await fetch(subgraph.url, { method: "POST", headers: { "content-type": "application/json", ...gatewayHeaders(subgraph, secret) }, body: JSON.stringify({ query: "{ _service { sdl } }" }) });
  const body = (await response.json().catch(() => null)) as { data?: { _service?: { sdl?: string } } } | null;
  const sdl = body?.data?._service?.sdl;
  if (!sdl) {
    const hint = response.status === 403 && subgraph.hub ? ": give the hub and the gateway the same EMHUB_GATEWAY_SECRET, or compose from the SDL file (sdl: schema/subgraph.graphql)" : "";
    throw new CompositionError(`subgraph ${subgraph.name} at ${subgraph.url} did not give its SDL (HTTP ${response.status})${hint}`);
  }
  return sdl;
}

/** The supergraph SDL of the subgraphs, or a CompositionError listing every problem. */
export function compose(subgraphs: Array<{ name: string; url: string; sdl: string }>): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new CompositionError(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join("\n")}`);
  return result.supergraphSdl;
}

export async function composeFromConfig(config: GatewayConfig, secret: string | null = null): Promise<string> {
  const subgraphs = await Promise.all(config.subgraphs.map(async (s) => ({ name: s.name, url: s.url, sdl: await subgraphSdl(s, secret) })));
  const supergraph = compose(subgraphs);
  fs.writeFileSync(config.supergraph, supergraph);
  return supergraph;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

export interface GatewayOptions {
  /** The hub's configuration: its limits, introspection, trusted-document roles, rate limit and gateway secret hold at the gateway too. */
  config: HubConfig;
  /** The subgraphs that are emhub instances (shown the gateway secret). */
  hubs: readonly string[];
}

/**
 * Serves a supergraph with Hive Gateway on `port`. The gateway holds its
 * callers to what the hub holds its own to: the same depth, alias, directive,
 * token and cost limits; the same trusted documents for the same roles, judged
 * on the caller's verified token; the same per-principal rate limit; no
 * introspection and no GraphiQL page where introspection is off. It forwards
 * the caller's Authorization to every subgraph, and the gateway secret to the
 * hubs, which then run its query plans under the caller's rights.
 */
export async function serveGateway(supergraph: string, port: number, host: string, options: GatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  const auth = await createAuthenticator(config);
  const trusted = loadTrustedDocuments(path.join(SCHEMA_DIR, "operations"), config.trustedDocumentRoles);
  const hubs = new Set(options.hubs);
  const armour = { propagateOnRejection: true, exposeLimits: true };
  const gateway = createGatewayRuntime({
    supergraph,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, subgraphName }) => ({
        authorization: request.headers.get("authorization"),
        ...gatewayHeaders({ hub: hubs.has(subgraphName) }, config.gatewaySecret),
      }),
    },
    plugins: () => [
      maxTokensPlugin({ n: config.limits.maxTokens, ...armour }),
      maxDepthPlugin({ n: config.limits.maxDepth, ignoreIntrospection: true, ...armour }),
      maxAliasesPlugin({ n: config.limits.maxAliases, allowList: [], ...armour }),
      maxDirectivesPlugin({ n: 20, ...armour }),
      costLimitPlugin({ maxCost: config.limits.maxCost, ignoreIntrospection: true, ...armour }),
      trustedDocumentsAtEdge(auth, trusted),
      absentEntitiesLeftOut(),
    ],
    disableIntrospection: config.introspection ? undefined : { disableIf: () => true },
    graphiql: config.introspection,
    landingPage: false,
    maskedErrors: true,
    logging: "error",
  });
  const limiter = clientLimiter(config.rateLimitPerMinute, config.redisUrl ? { url: config.redisUrl, prefix: config.redisPrefix } : null);
  const app = express();
  app.disable("x-powered-by");
  app.use(identifyRequest({ auth }));
  if (limiter) app.use(limiter.http);
  app.use((req, res) => void gateway(req, res));
  const server = http.createServer(app);
  server.keepAliveTimeout = config.keepAliveSeconds * 1000;
  server.headersTimeout = config.keepAliveSeconds * 1000 + 5000;
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
      await limiter?.close();
    },
  };
}

/** Entities the hub does not show the caller are absent, not errors (absent-entities.ts). */
function absentEntitiesLeftOut(): GatewayPlugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const cleaned = leaveOutAbsentEntities(result);
          if (cleaned !== result) setResult(cleaned);
        },
      };
    },
  };
}

/** Holds the principals the hub holds to its manifest to it here, on their verified token, before any subgraph is asked. */
function trustedDocumentsAtEdge(auth: Authenticator, trusted: TrustedDocuments): GatewayPlugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      let principal;
      try {
        principal = await auth.authenticate(request?.headers.get("authorization"));
      } catch (error) {
        return setResultAndStopExecution({ errors: [new GraphQLError(`not authenticated: ${(error as Error).message}`, { extensions: { code: ErrorCode.UNAUTHENTICATED } })] });
      }
      const refused = operationRefusal(trusted, principal, args.document, args.operationName, args.variableValues as Record<string, unknown> | undefined);
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
  };
}
