/**
 * Bounded work per request: documents too long to parse, too many
 * aggregates, NUL characters, oversized or overfull WebSockets — each refused
 * with its code, and the hub still answering afterwards.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMA_DIR } from "../../src/config/paths.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";
import { tcpRelay } from "../helpers/services.js";
import { latencyBudgetMs, waitFor } from "../helpers/wait.js";
import { subscribe, wsClient, wsExecute } from "../helpers/ws-client.js";

let t: TestHub;
let province: string;
beforeAll(async () => {
  t = await startTestHub();
  province = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" });
});
afterAll(async () => {
  await t?.stop();
});

const codeOf = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

describe("over HTTP", () => {
  it("refuses a document of more tokens than the limit before validating it", async () => {
    const aliases = `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    const res = await t.request(aliases, undefined, province);
    expect(codeOf(res)).toBe("QUERY_TOO_COMPLEX");
    expect(res.errors![0]!.message).toMatch(/more than 5000 tokens/);
    const chain = Array.from({ length: 2000 }, (_, i) => `fragment f${i} on Query { ${i < 1999 ? `...f${i + 1}` : "__typename"} }`).join("\n");
    const deep = await t.request(`query { ...f0 }\n${chain}`, undefined, province);
    expect(deep.status).toBe(400);
    expect(codeOf(deep)).toBe("QUERY_TOO_COMPLEX");
  });

  it("refuses more aggregates than the limit, aliased or through fragments, and says so", async () => {
    const stats = Array.from({ length: 30 }, (_, i) => `s${i}: hazardStats(region: "41") { total }`).join(" ");
    const res = await t.request(`{ ${stats} }`, undefined, province);
    expect(codeOf(res)).toBe("QUERY_TOO_COMPLEX");
    expect(res.errors![0]!.message).toMatch(/computes 30 aggregates .* at most 4/);
    const viaFragments = await t.request(`{ ...a ...a2 } fragment a on Query { x: hazardStats { total } y: hazardStats { total } z: overdueHazards(first: 1) { totalCount } } fragment a2 on Query { ...a }`, undefined, province);
    expect(codeOf(viaFragments)).toBe("QUERY_TOO_COMPLEX");
    const allowed = await t.request(`{ a: hazardStats(region: "41") { total } b: hazardStats(region: "4102") { total } }`, undefined, province);
    expect(allowed.errors).toBeUndefined();
  });

  it("counts __typename aliases and directives", async () => {
    const typenames = await t.request(`{ ${Array.from({ length: 40 }, (_, i) => `t${i}: __typename`).join(" ")} }`, undefined, province);
    expect(codeOf(typenames)).toBe("QUERY_TOO_COMPLEX");
    const directives = await t.request(`{ __typename ${"@include(if: true) ".repeat(30)} }`, undefined, province);
    expect(codeOf(directives)).toBe("QUERY_TOO_COMPLEX");
  });

  it("answers a body that is not JSON with a JSON error, and says nothing about Express", async () => {
    const res = await fetch(t.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{ not json" });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-powered-by")).toBeNull();
    expect(await res.json()).toEqual({ errors: [{ message: "the body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
    const big = await fetch(t.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }", variables: { x: "y".repeat(2 * 1024 * 1024) } }) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  });

  it("carries QUERY_TOO_COMPLEX for depth and alias refusals too", async () => {
    const deep = await t.request(`{ regions(first: 1) { edges { node { parent { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } } } }`, undefined, province);
    expect(codeOf(deep)).toBe("QUERY_TOO_COMPLEX");
    const aliased = await t.request(`{ ${Array.from({ length: 40 }, (_, i) => `r${i}: region(code: "41") { code }`).join(" ")} }`, undefined, province);
    expect(codeOf(aliased)).toBe("QUERY_TOO_COMPLEX");
  });

  it("refuses a NUL character in a literal or a variable as BAD_USER_INPUT naming it", async () => {
    const literal = await t.request(`{ enterprises(first: 1, filter: { nameContains: "a\\u0000b" }) { totalCount } }`, undefined, province);
    expect(literal.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "filter.nameContains" });
    const variable = await t.request(`query($f: EnterpriseFilter) { enterprises(first: 1, filter: $f) { totalCount } }`, { f: { nameContains: "a\u0000b" } }, province);
    expect(variable.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "f.nameContains" });
    expect(variable.status).toBe(400);
    expect((await t.request(`{ enterprises(first: 1) { totalCount } }`, undefined, province)).errors).toBeUndefined();
  });
});

describe("over the WebSocket", () => {
  it("closes a socket that sends a message larger than the limit, and serves the next one", async () => {
    const socket = new WebSocket(t.wsUrl, "graphql-transport-ws");
    await new Promise((resolve) => socket.once("open", resolve));
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    socket.send(JSON.stringify({ type: "connection_init", payload: { padding: "x".repeat(2 * 1024 * 1024) } }));
    expect(await closed).toBe(1009);
    const client = wsClient(t.wsUrl, { authorization: `Bearer ${province}` });
    expect(await wsExecute(client, `{ regions(first: 1) { totalCount } }`)).toMatchObject({ data: { regions: { totalCount: expect.any(Number) } } });
    await client.dispose();
  });

  it("runs at most the limit of operations on one socket at once", async () => {
    const client = wsClient(t.wsUrl, { authorization: `Bearer ${province}` });
    const subs = Array.from({ length: 50 }, () => subscribe(client, `subscription { hazardChanged { action } }`));
    const extra = subscribe(client, `subscription { hazardChanged { action } }`);
    await expect(extra.next()).rejects.toThrow(/at most 50 at once/);
    subs[0]!.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = subscribe(client, `subscription { warningIssued { __typename } }`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(again.error()).toBeNull();
    for (const sub of [...subs, again]) sub.stop();
    await client.dispose();
  });

  it("holds the per-socket limit against a burst of subscribe messages sent at once, with the rate limit on", async () => {
    const limited = await startTestHub({ rateLimitPerMinute: 1_000_000 }, { samples: false });
    try {
      const token = await limited.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "4102" });
      const socket = new WebSocket(limited.wsUrl, "graphql-transport-ws");
      await new Promise((resolve) => socket.once("open", resolve));
      const messages: Array<{ type: string; id?: string }> = [];
      socket.on("message", (data) => messages.push(JSON.parse(String(data)) as { type: string }));
      socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
      await waitFor(() => messages.some((m) => m.type === "connection_ack"), { what: "connection_ack" });
      // every message in one write: the hub reads them together
      for (let i = 0; i < 200; i++) socket.send(JSON.stringify({ type: "subscribe", id: `s${i}`, payload: { query: "subscription { hazardChanged { action } }" } }));
      const max = limited.hub.config.limits.wsMaxOperations;
      await waitFor(() => messages.filter((m) => m.type === "error").length >= 200 - max, { what: `${200 - max} refusals` });
      socket.close();
    } finally {
      await limited.stop();
    }
  });

  it("limits the operations of one client over all its sockets", async () => {
    const limited = await startTestHub({ limits: { ...t.hub.config.limits, wsMaxOperations: 5, wsMaxPerClient: 8 } }, { samples: false });
    try {
      const token = await limited.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "4102" });
      const sockets = [0, 1].map(() => wsClient(limited.wsUrl, { authorization: `Bearer ${token}` }));
      const subs = [...Array.from({ length: 5 }, () => subscribe(sockets[0]!, `subscription { hazardChanged { action } }`)), ...Array.from({ length: 3 }, () => subscribe(sockets[1]!, `subscription { hazardChanged { action } }`))];
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(subs.every((sub) => sub.error() === null)).toBe(true);
      const ninth = subscribe(sockets[1]!, `subscription { hazardChanged { action } }`);
      await expect(ninth.next()).rejects.toThrow(/at most 8 at once/);
      await sockets[0]!.dispose(); // its five end with it
      await new Promise((resolve) => setTimeout(resolve, 300));
      const again = subscribe(sockets[1]!, `subscription { hazardChanged { action } }`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(again.error()).toBeNull();
      await sockets[1]!.dispose();
    } finally {
      await limited.stop();
    }
  });

  it("refuses the token limit and NUL characters as over HTTP", async () => {
    const client = wsClient(t.wsUrl, { authorization: `Bearer ${province}` });
    const long = await wsExecute(client, `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: __typename`).join(" ")} }`);
    expect(long.errors![0]!.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    const nul = await wsExecute(client, `query($f: EnterpriseFilter) { enterprises(first: 1, filter: $f) { totalCount } }`, { f: { nameContains: "\u0000" } });
    expect(nul.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "f.nameContains" });
    await client.dispose();
  });
});

describe("_entities on /subgraph", () => {
  const entities = (count: number, selection = "name") =>
    fetch(`${t.hub.url}/subgraph`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${province}` },
      body: JSON.stringify({
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { ${selection} } } }`,
        variables: { r: Array.from({ length: count }, (_, i) => ({ __typename: "Enterprise", creditCode: `91410106MA${String(i).padStart(7, "0")}X` })) },
      }),
    });

  it("refuses more representations than the limit at once, before resolving any", async () => {
    const started = Date.now();
    const res = await entities(16_000);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: "QUERY_TOO_COMPLEX" }, message: expect.stringMatching(/16000 representations; at most 1000/) }] });
    expect(Date.now() - started).toBeLessThan(latencyBudgetMs(5_000));
  });

  it("counts the representations times their selection against the cost limit", async () => {
    const limited = await startTestHub({ limits: { ...t.hub.config.limits, maxCost: 500 } }, { samples: false });
    try {
      const token = await limited.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" });
      const ask = (count: number, selection: string) =>
        fetch(`${limited.hub.url}/subgraph`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { ${selection} } } }`, variables: { r: Array.from({ length: count }, () => ({ __typename: "Enterprise", creditCode: "91410106MA3XU9D44B" })) } }),
        });
      expect((await ask(100, "name sector")).status).toBe(200);
      const refused = await ask(100, "name sector regionCode address lat lon legalRepresentative");
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: "QUERY_TOO_COMPLEX" } }] });
    } finally {
      await limited.stop();
    }
  });
});

describe("introspection", () => {
  it("is refused over HTTP and the WebSocket when turned off (production's default)", async () => {
    const closed = await startTestHub({ introspection: false }, { samples: false });
    try {
      const http = await closed.request(`{ __schema { types { name } } }`);
      expect(http.errors?.[0]?.message).toMatch(/introspection/i);
      const client = wsClient(closed.wsUrl);
      const ws = await wsExecute(client, `{ __type(name: "Query") { name } }`);
      expect(ws.errors?.[0]?.message).toMatch(/introspection/i);
      // and no field suggestions that would spell the schema out
      const typo = await closed.request(`{ shelter { name } }`);
      expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
      const wsTypo = await wsExecute(client, `{ shelter { name } }`);
      expect(wsTypo.errors?.[0]?.message).toMatch(/Cannot query field "shelter"/);
      expect(wsTypo.errors?.[0]?.message).not.toMatch(/Did you mean/);
      await client.dispose();
      expect((await closed.request(`{ regions(first: 1) { totalCount } }`)).errors).toBeUndefined();
    } finally {
      await closed.stop();
    }
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After to a client over its limit, counts each principal on its own, and never limits the probes", async () => {
    const limited = await startTestHub({ rateLimitPerMinute: 5 }, { samples: false });
    try {
      const one = await limited.signToken({ subject: "analyst-one", department: "EMERGENCY", roles: ["ANALYST"], region: "4102" });
      const other = await limited.signToken({ subject: "analyst-other", department: "EMERGENCY", roles: ["ANALYST"], region: "4102" });
      const askWith = (authorization: string) => fetch(`${limited.graphqlUrl}`, { method: "POST", headers: { "content-type": "application/json", authorization }, body: JSON.stringify({ query: "{ regions(first: 1) { totalCount } }" }) });
      const ask = (token: string) => askWith(`Bearer ${token}`);
      // one principal however the header is spelled, and a second token of the same subject: one count
      const again = await limited.signToken({ subject: "analyst-one", department: "EMERGENCY", roles: ["ANALYST"], region: "4102" });
      for (const authorization of [`Bearer ${one}`, `bearer ${one}`, `BEARER  ${one}`, one, `Bearer ${again}`]) expect((await askWith(authorization)).status).toBe(200);
      const refused = await ask(one);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: "RATE_LIMITED" } }] });
      expect((await ask(other)).status).toBe(200);
      for (let i = 0; i < 10; i++) expect((await fetch(`${limited.hub.url}/healthz`)).status).toBe(200);
      // WebSocket operations count against the same limit
      const client = wsClient(limited.wsUrl, { authorization: `Bearer ${other}` });
      const results = [];
      for (let i = 0; i < 6; i++) results.push(await wsExecute(client, "{ regions(first: 1) { totalCount } }"));
      expect(results.slice(0, 5).every((r) => r.errors === undefined)).toBe(true);
      expect(results[5]!.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
      await client.dispose();
    } finally {
      await limited.stop();
    }
  });

  it.skipIf(!process.env.TEST_REDIS_URL)("keeps limiting while Redis does not answer at start, and counts in Redis once it does", async () => {
    const redis = new URL(process.env.TEST_REDIS_URL!);
    const relay = await tcpRelay({ host: redis.hostname, port: Number(redis.port || 6379) }, { stalled: true });
    const limited = await startTestHub({ rateLimitPerMinute: 5, redisUrl: `redis://127.0.0.1:${relay.port}`, redisPrefix: `emhub-test-${crypto.randomUUID()}:` }, { samples: false });
    try {
      const ready = async () => (await (await fetch(`${limited.hub.url}/readyz`)).json()) as { status: string; rateLimit: string };
      const metric = async () => /^emhub_rate_limit_shared (-?\d+)$/m.exec(await (await fetch(`${limited.hub.url}/metrics`)).text())?.[1];
      expect(await ready()).toMatchObject({ status: "ready", rateLimit: "fallback" });
      await waitFor(async () => (await metric()) === "0", { what: "the metric to say fallback" });
      // counted all the same, on this instance
      const token = await limited.signToken({ subject: `stalled-${crypto.randomUUID()}`, department: "EMERGENCY", roles: ["ANALYST"], region: "4102" });
      const ask = () => fetch(limited.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: "{ __typename }" }) });
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await ask()).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      relay.release();
      await waitFor(async () => (await ready()).rateLimit === "shared", { timeoutMs: 120_000, what: "the rate limit to count in Redis again" });
      expect(await metric()).toBe("1");
      const other = await limited.signToken({ subject: `shared-${crypto.randomUUID()}`, department: "EMERGENCY", roles: ["ANALYST"], region: "4102" });
      const inRedis = await fetch(limited.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${other}` }, body: JSON.stringify({ query: "{ __typename }" }) });
      expect(inRedis.headers.get("ratelimit")).toMatch(/r=4/);
    } finally {
      await limited.stop();
      await relay.close();
    }
  });

  it.skipIf(!process.env.TEST_REDIS_URL)("holds across instances through Redis", async () => {
    const redisPrefix = `emhub-test-${crypto.randomUUID()}:`; // the two share it, and nothing else does
    const [a, b] = await Promise.all([0, 1].map(() => startTestHub({ rateLimitPerMinute: 5, redisUrl: process.env.TEST_REDIS_URL!, redisPrefix }, { samples: false })));
    try {
      // a credential the hubs refuse (their development issuers differ): counted by address, all the same
      const credential = `Bearer not-a-token-${crypto.randomUUID()}`;
      const ask = (hub: TestHub) => fetch(hub.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", authorization: credential }, body: JSON.stringify({ query: "{ __typename }" }) });
      const statuses = [];
      for (const hub of [a!, b!, a!, b!, a!, b!]) statuses.push((await ask(hub)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      await a!.stop();
      await b!.stop();
    }
  });
});

describe("documents the XML parser refuses", () => {
  it("are refused with 422, a reason and a run id, never a 500", async () => {
    const met = await t.signToken({ department: "METEOROLOGY", roles: ["SERVICE"], region: "410000" });
    const alert = (body: string) => `<?xml version="1.0"?>${body}<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier></alert>`;
    const documents = [
      alert(`<!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`),
      alert(`<!DOCTYPE alert [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]>`),
      alert(`<!DOCTYPE alert [<!ENTITY big "${"x".repeat(100_000)}">]>`),
      `<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">${"<a>".repeat(20_000)}${"</a>".repeat(20_000)}</alert>`,
    ];
    for (const body of documents) {
      const res = await fetch(`${t.hub.url}/ingest/meteorology`, { method: "POST", headers: { "content-type": "application/cap+xml", authorization: `Bearer ${met}` }, body });
      expect(res.status).toBe(422);
      const answer = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string; runId: string } }> };
      expect(answer.errors[0]!.extensions).toMatchObject({ code: "BAD_DOCUMENT", runId: expect.any(String) });
      expect(answer.errors[0]!.message).toMatch(/DOCTYPE|nested deeper/);
    }
  });
});

describe("trusted documents", () => {
  it("holds the roles the operator names to the operations of schema/operations, however they are written, and leaves the others free", async () => {
    const held = await startTestHub({ trustedDocumentRoles: ["anonymous", "ENTERPRISE"] }, { samples: false });
    try {
      const shelters = fs.readFileSync(path.join(SCHEMA_DIR, "operations", "resources.graphql"), "utf8");
      // the manifest's operation, reformatted and with the file's other operations beside it
      const sent = `# a dashboard's copy\n${shelters.replace(/\n\s+/g, "\n ")}`;
      const named = await fetch(held.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: sent, operationName: "Shelters", variables: { first: 2 } }) });
      expect(((await named.json()) as { errors?: unknown[] }).errors).toBeUndefined();
      const free = await held.request(`{ shelters(first: 1) { totalCount } }`);
      expect(free.errors?.[0]?.extensions?.code).toBe("TRUSTED_DOCUMENTS_ONLY");
      expect(free.status).toBe(403);
      const enterprise = await held.signToken({ department: null, roles: ["ENTERPRISE"], enterprise: "91410106MA46JX0E8X" });
      expect((await held.request(`{ shelters(first: 1) { totalCount } }`, undefined, enterprise)).errors?.[0]?.extensions?.code).toBe("TRUSTED_DOCUMENTS_ONLY");
      const analyst = await held.signToken({ department: "EMERGENCY", roles: ["ANALYST"], region: "4102" });
      expect((await held.request(`{ shelters(first: 1) { totalCount } }`, undefined, analyst)).errors).toBeUndefined();
      const client = wsClient(held.wsUrl);
      expect((await wsExecute(client, `subscription { warningIssued { __typename } }`)).errors?.[0]?.extensions?.code).toBe("TRUSTED_DOCUMENTS_ONLY");
      await client.dispose();
    } finally {
      await held.stop();
    }
  });
});

describe("CORS", () => {
  it("answers a listed origin's preflight and marks its responses; an origin not listed gets no CORS headers", async () => {
    const open = await startTestHub({ corsOrigins: ["https://yjzh.example.gov.cn"] }, { samples: false });
    try {
      const preflight = await fetch(open.graphqlUrl, {
        method: "OPTIONS",
        headers: { origin: "https://yjzh.example.gov.cn", "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("https://yjzh.example.gov.cn");
      expect(preflight.headers.get("access-control-allow-headers")).toMatch(/authorization/);
      const post = await fetch(open.graphqlUrl, { method: "POST", headers: { origin: "https://yjzh.example.gov.cn", "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
      expect(post.status).toBe(200);
      expect(post.headers.get("access-control-allow-origin")).toBe("https://yjzh.example.gov.cn");
      const stranger = await fetch(open.graphqlUrl, { method: "POST", headers: { origin: "https://evil.example", "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
      expect(stranger.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await open.stop();
    }
  });
});
