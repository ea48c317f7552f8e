/**
 * POST /ingest/<connector> on the real server: who may push, what a push
 * answers, CAP Update/Cancel superseding earlier alerts, expired warnings,
 * and malformed documents refused while the hub keeps serving its data.
 */
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevTokenRequest } from "../../src/access/index.js";
import { CONNECTORS_DIR } from "../../src/config/paths.js";
import { WarningsDocument } from "../generated/graphql.js";
import { capAlert, capReference } from "../helpers/cap-alert.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
let reader: string;
beforeAll(async () => {
  t = await startTestHub();
  reader = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" });
});
afterAll(async () => {
  await t?.stop();
});

const service = (department: DevTokenRequest["department"], roles: DevTokenRequest["roles"] = ["SERVICE"]) =>
  t.signToken({ department, roles, region: "410000" });

async function push(connector: string, body: string | Buffer, token?: string, contentType = "application/octet-stream") {
  const response = await fetch(`${t.hub.url}/ingest/${connector}`, {
    method: "POST",
    headers: { "content-type": contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    // a Buffer is bytes to fetch; the DOM's typing of BodyInit (pulled in by the gateway's types) does not say so
    body: body as BodyInit,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const warningsByIdentifier = async (identifier: string) => {
  const res = await t.request(WarningsDocument, { first: 200 }, reader);
  expect(res.errors).toBeUndefined();
  return res.data!.warnings.edges.map((e) => e.node).filter((w) => w.identifier === identifier);
};

describe("who may push", () => {
  const alert = capAlert({ identifier: "41020041600000_AUTH", geocodes: ["410200000000"] });

  it("answers 404 for an unknown connector", async () => {
    const res = await push("fire", alert, await service("METEOROLOGY"));
    expect(res.status).toBe(404);
    expect(res.body.errors[0].extensions.code).toBe("NOT_FOUND");
  });

  it("answers 401 without a token or with a bad one", async () => {
    for (const token of [undefined, "not-a-token"]) {
      const res = await push("meteorology", alert, token);
      expect(res.status).toBe(401);
      expect(res.body.errors[0]).toMatchObject({ message: expect.stringContaining("not authenticated"), extensions: { code: "UNAUTHENTICATED" } });
    }
  });

  it("answers 403 to a department that issues no warnings and to a non-service role", async () => {
    const transport = await push("meteorology", alert, await service("TRANSPORT"));
    expect(transport.status).toBe(403);
    expect(transport.body.errors[0]).toMatchObject({ message: expect.stringContaining("only the departments that issue warnings"), extensions: { code: "FORBIDDEN" } });
    const water = await push("water", alert, await service("METEOROLOGY"));
    expect(water.status).toBe(403);
    expect(water.body.errors[0].message).toContain("only WATER may push to water");
    const supervisor = await push("meteorology", alert, await service("METEOROLOGY", ["SUPERVISOR"]));
    expect(supervisor.status).toBe(403);
    expect(supervisor.body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(await warningsByIdentifier("41020041600000_AUTH")).toEqual([]);
  });
});

describe("pushing warnings", () => {
  it("accepts an alert, then its Cancel supersedes it", async () => {
    const sent = new Date(Date.now() - 60_000);
    const first = { identifier: "41020041600000_PUSH1", sent };
    const accepted = await push("meteorology", capAlert({ ...first, geocodes: ["410200000000"], level: "ORANGE" }), await service("METEOROLOGY"), "application/cap+xml");
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ runId: expect.any(String), accepted: 1, counts: { created: 1, rejected: 0 }, rejected: [] });
    expect((await warningsByIdentifier(first.identifier))[0]).toMatchObject({ status: "ACTIVE", level: "ORANGE", supersededBy: null });

    const cancel = capAlert({ identifier: "41020041600000_PUSH2", msgType: "Cancel", references: [capReference(first, sent)], geocodes: ["410200000000"] });
    const cancelled = await push("meteorology", cancel, await service("METEOROLOGY", ["SERVICE", "ADMIN"]));
    expect(cancelled.status).toBe(200);
    const [original] = await warningsByIdentifier(first.identifier);
    expect(original).toMatchObject({ status: "CANCELLED", supersededBy: { identifier: "41020041600000_PUSH2", msgType: "Cancel" } });
  });

  it("keeps an expired warning queryable as EXPIRED, no longer active", async () => {
    const identifier = "41020041600000_OLD";
    const res = await push("meteorology", capAlert({ identifier, sent: new Date(Date.now() - 3 * 3600_000), expiresInMinutes: 60, geocodes: ["410200000000"] }), await service("METEOROLOGY"));
    expect(res.status).toBe(200);
    expect((await warningsByIdentifier(identifier))[0]?.status).toBe("EXPIRED");
    const active = await t.request(WarningsDocument, { first: 200, filter: { status: "ACTIVE" } }, reader);
    expect(active.data!.warnings.edges.map((e) => e.node.identifier)).not.toContain(identifier);
  });
});

describe("warnings from every department", () => {
  const issuedBy = async (identifier: string) => {
    const res = await t.request<{ warnings: { edges: Array<{ node: { identifier: string; type: string; level: string; provenance: { sourceDepartment: string } } }> } }, never>(
      "{ warnings(first: 200) { edges { node { identifier type level provenance { sourceDepartment } } } } }",
      undefined,
      reader,
    );
    return res.data!.warnings.edges.map((e) => e.node).find((w) => w.identifier === identifier) ?? null;
  };

  it("takes a flood warning (SL 758) from the water department as the water department's, and refuses it a rainstorm one", async () => {
    const water = await service("WATER");
    const flood = await push("meteorology", capAlert({ identifier: "410200SW_FLOOD1", sender: "410200水文", event: "洪水", level: "BLUE", geocodes: ["410200000000"] }), water);
    expect(flood.status).toBe(200);
    expect(flood.body).toMatchObject({ accepted: 1, rejected: [] });
    expect(await issuedBy("410200SW_FLOOD1")).toMatchObject({ type: "洪水", level: "BLUE", provenance: { sourceDepartment: "WATER" } });

    const rainstorm = await push("meteorology", capAlert({ identifier: "410200SW_RAIN1", sender: "410200水文", event: "暴雨", level: "ORANGE", geocodes: ["410200000000"] }), water);
    expect(rainstorm.status).toBe(200);
    expect(rainstorm.body.accepted).toBe(0);
    expect(rainstorm.body.rejected[0].reason).toMatch(/FORBIDDEN: WATER issues 洪水、枯水、干旱 warnings \(SL 758.*\), not 暴雨/);
    expect(await issuedBy("410200SW_RAIN1")).toBeNull();
  });

  it("holds each department to its own colours: a blue drought from water, none from meteorology; a geological risk warning from natural resources", async () => {
    const drought = async (department: "WATER" | "METEOROLOGY", identifier: string) =>
      push("meteorology", capAlert({ identifier, sender: `410200${department}`, event: "干旱", level: "BLUE", geocodes: ["410200000000"] }), await service(department));
    expect((await drought("WATER", "410200_DROUGHT_W")).body.accepted).toBe(1);
    const meteorological = await drought("METEOROLOGY", "410200_DROUGHT_M");
    expect(meteorological.body.accepted).toBe(0);
    expect(meteorological.body.rejected[0].reason).toContain("干旱 has no BLUE (蓝色) warning: 橙色、红色 only (气象灾害预警信号发布与传播办法（中国气象局令第16号）");
    const blueHeat = await push("meteorology", capAlert({ identifier: "410200_HEAT_BLUE", event: "高温", level: "BLUE", geocodes: ["410200000000"] }), await service("METEOROLOGY"));
    expect(blueHeat.body.rejected[0].reason).toContain("高温 has no BLUE (蓝色) warning");

    const geological = await push(
      "meteorology",
      capAlert({ identifier: "410200ZR_GEO1", sender: "410200自然资源", event: "地质灾害气象风险", level: "ORANGE", geocodes: ["410200000000"] }),
      await service("NATURAL_RESOURCES"),
    );
    expect(geological.body).toMatchObject({ accepted: 1, rejected: [] });
    expect(await issuedBy("410200ZR_GEO1")).toMatchObject({ type: "地质灾害气象风险", level: "ORANGE", provenance: { sourceDepartment: "NATURAL_RESOURCES" } });
  });
});

describe("pushed documents", () => {
  it("refuses XML that does not parse with 422 and its reason, records the run as failed, and keeps serving", async () => {
    const before = (await t.request(WarningsDocument, { first: 200 }, reader)).data!.warnings.totalCount;
    const res = await push("meteorology", "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>x</identifier>", await service("METEOROLOGY"));
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ message: expect.stringMatching(/XML/i), extensions: { code: "BAD_DOCUMENT" } });
    const run = await t.database.db.prisma.syncRun.findUniqueOrThrow({ where: { id: res.body.errors[0].extensions.runId } });
    expect(run).toMatchObject({ connector: "meteorology", trigger: "push", ok: false });
    expect(run.error).toBe(res.body.errors[0].message);
    const after = await t.request(WarningsDocument, { first: 200 }, reader);
    expect(after.status).toBe(200);
    expect(after.data!.warnings.totalCount).toBe(before);
  });

  it("refuses a CSV in the wrong encoding", async () => {
    const csv = iconv.decode(fs.readFileSync(path.join(CONNECTORS_DIR, "transport/samples/road-hazards.csv")), "gb18030");
    const res = await push("transport", Buffer.from(csv, "utf8"), await service("TRANSPORT"), "text/csv");
    expect(res.status).toBe(422);
    expect(res.body.errors[0].message).toContain("not GB18030");
  });

  it("never retires: a push holding one record leaves the others live", async () => {
    const prisma = t.database.db.prisma;
    const live = await prisma.roadHazard.count({ where: { retiredAt: null } });
    const csv = fs.readFileSync(path.join(CONNECTORS_DIR, "transport/samples/road-hazards.csv"));
    const lines = iconv.decode(csv, "gb18030").split(/\r?\n/);
    const res = await push("transport", iconv.encode(`${lines[0]}\n${lines[1]}\n`, "gb18030"), await service("TRANSPORT"), "text/csv");
    expect(res.status).toBe(200);
    expect(res.body.counts).toMatchObject({ fetched: 1, unchanged: 1, retired: 0 });
    expect(await prisma.roadHazard.count({ where: { retiredAt: null } })).toBe(live);
  });

  it("lists the records it refused with their reasons", async () => {
    const page = JSON.parse(fs.readFileSync(path.join(CONNECTORS_DIR, "emergency/samples/page-1-of-1.json"), "utf8"));
    const shelter = { ...page.data.shelters[0], shelterCode: "410106-BN-PUSH", shelterClass: "Ⅸ类" };
    const body = JSON.stringify({ code: 200, msg: "success", page: 2, pageSize: 1, total: 2, data: { shelters: [shelter] } });
    const res = await push("emergency", body, await service("EMERGENCY"), "application/json");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 0, counts: { fetched: 1, rejected: 1 } });
    expect(res.body.rejected).toEqual([{ sourceId: "410106-BN-PUSH", reason: expect.stringContaining("shelterClass") }]);
  });
});
