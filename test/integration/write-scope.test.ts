/**
 * Writes stay inside the writer's scope, and no department sync undoes a
 * decision made in the hub: pushes outside the account's territory, CAP
 * references to another sender's or an unknown alert, and a closed hazard
 * changed again at its source.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { naturalResourcesConnector } from "../../connectors/natural-resources/index.js";
import { loadSyncConfig } from "../../src/config/sync-config.js";
import { syncConnector } from "../../src/sync/sync-connector.js";
import type { DevTokenRequest } from "../../src/access/index.js";
import { toGlobalId } from "../../src/data/global-id.js";
import iconv from "iconv-lite";
import { capAlert, capReference } from "../helpers/cap-alert.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
let province: string;
beforeAll(async () => {
  t = await startTestHub();
  province = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" });
});
afterAll(async () => {
  await t?.stop();
});

const token = (request: Partial<DevTokenRequest> & Pick<DevTokenRequest, "department" | "roles">) => t.signToken({ region: "410000", ...request });

async function push(connector: string, body: string | Buffer, as: string) {
  const response = await fetch(`${t.hub.url}/ingest/${connector}`, { method: "POST", headers: { "content-type": "application/octet-stream", authorization: `Bearer ${as}` }, body: body as BodyInit });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function query(text: string, variables: Record<string, unknown> = {}, as = province): Promise<any> {
  const res = await t.request(text, variables, as);
  expect(res.errors).toBeUndefined();
  return res.data;
}

function emergencyPage(data: Record<string, unknown[]>): string {
  const total = Object.values(data).reduce((n, rows) => n + rows.length, 0);
  return JSON.stringify({ code: 200, msg: "success", page: 1, pageSize: 500, total: total + 1, data });
}

const kaifeng = { creditCode: "91410212MA3X7K2P1F", companyName: "开封祥瑞精细化工有限公司", industryType: "危险化学品", scale: "规上", areaCode: "410212" };

describe("a push is checked record by record against the account's territory", () => {
  it("refuses a county account's rewrite of another city's enterprise and keeps the record as it was", async () => {
    const before = (await query(`{ enterprise(code: "${kaifeng.creditCode}") { address regionCode provenance { version } } }`)).enterprise;
    const county = await token({ department: "EMERGENCY", roles: ["SERVICE"], region: "410106" });
    const res = await push("emergency", emergencyPage({ enterprises: [{ ...kaifeng, address: "改写的地址" }] }), county);
    expect(res.status).toBe(200);
    expect(res.body.counts.updated).toBe(0);
    expect(res.body.rejected).toEqual([expect.objectContaining({ sourceId: kaifeng.creditCode, reason: expect.stringMatching(/^enterprise: OUT_OF_SCOPE: .*410212.*410106/) })]);
    expect((await query(`{ enterprise(code: "${kaifeng.creditCode}") { address regionCode provenance { version } } }`)).enterprise).toEqual(before);
  });

  it("refuses a claim that moves another territory's enterprise into the account's own", async () => {
    const county = await token({ department: "EMERGENCY", roles: ["SERVICE"], region: "410106" });
    const res = await push("emergency", emergencyPage({ enterprises: [{ ...kaifeng, areaCode: "410106" }] }), county);
    expect(res.body.rejected).toEqual([expect.objectContaining({ reason: expect.stringContaining("the stored enterprise") })]);
    expect((await query(`{ enterprise(code: "${kaifeng.creditCode}") { regionCode } }`)).enterprise.regionCode).toBe("410212");
  });

  it("lands the records inside the territory and quarantines the rest of the same document", async () => {
    const city = await token({ department: "EMERGENCY", roles: ["SERVICE"], region: "4102" });
    const inside = { ...kaifeng, creditCode: "91410212MA3X7K2P1F", address: "开封市祥符区精细化工产业园区纬三路8号（更新）" };
    const outside = { creditCode: "91410106MA40N5K13Y", companyName: "郑州测试企业有限公司", industryType: "工贸（机械）", scale: "小微", areaCode: "410106" };
    const res = await push("emergency", emergencyPage({ enterprises: [inside, outside] }), city);
    expect(res.status).toBe(200);
    expect(res.body.counts.updated).toBe(1);
    expect(res.body.rejected.map((r: any) => r.sourceId)).toEqual([outside.creditCode]);
    const quarantine = await query(`{ quarantine(connector: "emergency", first: 50) { edges { node { sourceId reason } } } }`, {}, await token({ department: "EMERGENCY", roles: ["ADMIN"] }));
    expect(quarantine.quarantine.edges.map((e: any) => e.node)).toContainEqual({ sourceId: outside.creditCode, reason: expect.stringContaining("OUT_OF_SCOPE") });
  });
});

describe("a pull is limited to its source's territory, the hub's province by default", () => {
  it("quarantines a pulled point outside Henan and keeps the rest", async () => {
    const feature = (code: string, division: string, lon: number, lat: number) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [lon, lat] },
      properties: { 编号: code, 名称: `测试隐患点${code}`, 灾害类型: "崩塌", 规模等级: "小型", 险情等级: "小型", 位置: "测试", 行政区划代码: division, 威胁人数: 10 },
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emhub-pull-"));
    const file = path.join(dir, "points.geojson");
    fs.writeFileSync(file, JSON.stringify({ type: "FeatureCollection", features: [feature("410106-T-1", "410106100", 113.29, 34.8), feature("110101-T-1", "110101000", 116.4, 39.9)] }));
    const config = loadSyncConfig({ EMHUB_SOURCE_NATURAL_RESOURCES: file });
    const summary = await syncConnector(t.database.db.prisma, naturalResourcesConnector, config, { trigger: "cli", incremental: true });
    expect(summary.counts.created).toBe(1);
    expect(summary.rejections).toEqual([expect.objectContaining({ sourceId: expect.stringContaining("110101"), reason: expect.stringMatching(/OUT_OF_SCOPE: .*110101.*territory 41/) })]);
  });
});

describe("implausible values are quarantined at the door with the field and the reason", () => {
  const chinaTime = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");

  it("refuses an absurd water level and a reading from the future, and lands the real reading", async () => {
    const water = await token({ department: "WATER", roles: ["SERVICE"] });
    const now = chinaTime(new Date(Date.now() - 60_000));
    const readings = [
      { STCD: "40105100", TM: now, Z: 1e308 },
      { STCD: "40105100", TM: "2099-01-01 08:00:00", Z: 76.2 },
      { STCD: "40105100", TM: chinaTime(new Date(Date.now() - 120_000)), Z: 76.4 },
    ];
    const res = await push("water", JSON.stringify({ ST_RIVER_R: readings }), water);
    expect(res.status).toBe(200);
    expect(res.body.counts.created).toBe(1);
    const reasons = res.body.rejected.map((r: any) => r.reason);
    expect(reasons).toContainEqual(expect.stringMatching(/IMPLAUSIBLE: hydroReading .*: level 1e\+308 m is outside/));
    expect(reasons).toContainEqual(expect.stringMatching(/IMPLAUSIBLE: hydroReading .*: observedAt 2099-01-01T00:00:00.000Z lies in the future/));
    const station = (await query(`{ hydroStations(first: 100) { edges { node { code latestReading { level observedAt } } } } }`)).hydroStations.edges.find((e: any) => e.node.code === "40105100").node;
    expect(station.latestReading.level).toBe(76.4);
  });

  it("refuses an enterprise in a division of the province that does not exist", async () => {
    const res = await push("emergency", emergencyPage({ enterprises: [{ ...kaifeng, creditCode: "91419999MA3X7K2P14", areaCode: "419999" }] }), await token({ department: "EMERGENCY", roles: ["SERVICE"] }));
    expect(res.body.counts.created).toBe(0);
    expect(res.body.rejected).toEqual([expect.objectContaining({ reason: expect.stringMatching(/IMPLAUSIBLE: enterprise 91419999MA3X7K2P14: regionCode 419999 is not in the division tree/) })]);
  });

  it("decodes a CAP document in the encoding it declares, and refuses one whose bytes are not in it", async () => {
    const met = await token({ department: "METEOROLOGY", roles: ["SERVICE"] });
    const xml = capAlert({ identifier: "41020041600000_GB1", geocodes: ["410200000000"] }).replace('encoding="UTF-8"', 'encoding="GB2312"');
    expect((await push("meteorology", iconv.encode(xml, "gb2312"), met)).body.counts.created).toBe(1);
    const headline = (await query(`{ warnings(first: 200) { edges { node { identifier headline } } } }`, {}, "")).warnings.edges.find((e: any) => e.node.identifier === "41020041600000_GB1").node.headline;
    expect(headline).toBe("测试气象台发布暴雨黄色预警[Ⅲ级/较重]");
    const mislabelled = await push("meteorology", Buffer.from(xml.replace("_GB1", "_GB2")), met);
    expect(mislabelled.status).toBe(422);
    expect(mislabelled.body.errors[0].message).toMatch(/not valid GB2312/);
  });

  it("refuses a CAP 1.1 alert and an alert holding an undefined entity, with reasons", async () => {
    const met = await token({ department: "METEOROLOGY", roles: ["SERVICE"] });
    const cap11 = capAlert({ identifier: "41020041600000_NS1", geocodes: ["410200000000"] }).replace("cap:1.2", "cap:1.1");
    const res11 = await push("meteorology", `${cap11}<!-- urn:oasis:names:tc:emergency:cap:1.2 -->`, met);
    expect(res11.status).toBe(422);
    expect(res11.body.errors[0].message).toMatch(/not CAP 1.2/);
    const lol = capAlert({ identifier: "41020041600000_LOL1", geocodes: ["410200000000"] }).replace("<headline>", "<headline>&lol9;");
    const res = await push("meteorology", lol, met);
    expect(res.body.counts.created).toBe(0);
    expect(res.body.rejected).toEqual([expect.objectContaining({ reason: expect.stringContaining("undefined entity &lol9;") })]);
  });
});

describe("CAP references follow CAP", () => {
  it("refuses a Cancel from another sender, and the other sender's warning stays in force", async () => {
    const sent = new Date(Date.now() - 60_000);
    const original = { identifier: "41020041600000_SCOPE1", sender: "41020041600000", sent };
    const met = await token({ department: "METEOROLOGY", roles: ["SERVICE"] });
    expect((await push("meteorology", capAlert({ ...original, geocodes: ["410200000000"] }), met)).body.counts.created).toBe(1);
    const county = await token({ department: "METEOROLOGY", roles: ["SERVICE"], region: "410106" });
    const cancel = capAlert({ identifier: "41010641600000_SCOPE1C", sender: "41010641600000", msgType: "Cancel", references: [capReference(original, sent)], geocodes: ["410106000000"] });
    const res = await push("meteorology", cancel, county);
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([expect.objectContaining({ reason: "warning: REFERENCE: 41020041600000_SCOPE1 is an alert of 41020041600000; an Update or Cancel from 41010641600000 may only supersede its own alerts" })]);
    const warnings = await query(`{ warnings(first: 200) { edges { node { identifier status } } } }`, {}, "");
    expect(warnings.warnings.edges.map((e: any) => e.node)).toContainEqual({ identifier: "41020041600000_SCOPE1", status: "ACTIVE" });
  });

  it("refuses an Update that references an alert the hub never received", async () => {
    const met = await token({ department: "METEOROLOGY", roles: ["SERVICE"] });
    const update = capAlert({ identifier: "41020041600000_SCOPE2U", msgType: "Update", references: ["41020041600000,41020041600000_NEVER,2026-07-20T08:00:00+08:00"], geocodes: ["410200000000"] });
    const res = await push("meteorology", update, met);
    expect(res.body.counts.created).toBe(0);
    expect(res.body.rejected).toEqual([expect.objectContaining({ reason: expect.stringContaining("never received") })]);
  });

  it("refuses a sender from outside the account's territory", async () => {
    const county = await token({ department: "METEOROLOGY", roles: ["SERVICE"], region: "410106" });
    const alert = capAlert({ identifier: "41020041600000_SCOPE3", geocodes: ["410106000000"] });
    const res = await push("meteorology", alert, county);
    expect(res.body.rejected).toEqual([expect.objectContaining({ reason: expect.stringContaining("OUT_OF_SCOPE") })]);
  });
});

describe("alerts that are not Actual", () => {
  it("stores a Test or Exercise alert as NOT_ACTUAL, for the issuing department and ADMIN only", async () => {
    const met = await token({ department: "METEOROLOGY", roles: ["SERVICE"] });
    for (const status of ["Test", "Exercise"]) {
      const alert = capAlert({ identifier: `41020041600000_${status.toUpperCase()}1`, geocodes: ["410200000000"] }).replace("<status>Actual</status>", `<status>${status}</status>`);
      expect((await push("meteorology", alert, met)).body.counts.created).toBe(1);
    }
    const list = `{ warnings(first: 200) { edges { node { identifier status capStatus } } } }`;
    const mine = (await query(list, {}, await token({ department: "METEOROLOGY", roles: ["SUPERVISOR"] }))).warnings.edges.map((e: any) => e.node);
    expect(mine).toContainEqual({ identifier: "41020041600000_TEST1", status: "NOT_ACTUAL", capStatus: "Test" });
    expect(mine).toContainEqual({ identifier: "41020041600000_EXERCISE1", status: "NOT_ACTUAL", capStatus: "Exercise" });
    const admin = (await query(list, {}, await token({ department: "EMERGENCY", roles: ["ADMIN"] }))).warnings.edges.map((e: any) => e.node.identifier);
    expect(admin).toContain("41020041600000_TEST1");
    for (const other of ["", province]) {
      const seen = (await query(list, {}, other)).warnings.edges.map((e: any) => e.node.identifier);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.some((id: string) => id.endsWith("_TEST1") || id.endsWith("_EXERCISE1"))).toBe(false);
    }
  });

  it("does not let an exercise cancel an actual alert", async () => {
    const met = await token({ department: "METEOROLOGY", roles: ["SERVICE"] });
    const sent = new Date(Date.now() - 60_000);
    const actual = { identifier: "41020041600000_REAL1", sender: "41020041600000", sent };
    await push("meteorology", capAlert({ ...actual, geocodes: ["410200000000"] }), met);
    const drill = capAlert({ identifier: "41020041600000_DRILL1C", msgType: "Cancel", references: [capReference(actual, sent)], geocodes: ["410200000000"] }).replace("<status>Actual</status>", "<status>Exercise</status>");
    const res = await push("meteorology", drill, met);
    expect(res.body.rejected).toEqual([expect.objectContaining({ reason: expect.stringContaining("is an actual alert") })]);
    const seen = (await query(`{ warnings(first: 200) { edges { node { identifier status } } } }`, {}, "")).warnings.edges.map((e: any) => e.node);
    expect(seen).toContainEqual({ identifier: "41020041600000_REAL1", status: "ACTIVE" });
  });
});

describe("the hub's workflow owns a hazard's state once it has acted", () => {
  const enterprise = { creditCode: "91410212MA3X7K2P1F", companyName: "开封祥瑞精细化工有限公司", industryType: "危险化学品", scale: "规上", areaCode: "410212" };
  const hazard = (state: number, description: string) => ({
    id: "YH-SCOPE-1",
    creditCode: enterprise.creditCode,
    dangerName: description,
    dangerLevel: 0,
    dangerState: state,
    dangerSrc: 1,
    registTime: "2026-11-01 09:00:00",
    rectifyDeadline: "2026-12-31",
    liablePerson: "赵海涛",
  });
  const HISTORY = `query ($id: ID!) { node(id: $id) { ... on Hazard { id state version sourceState closedAt acceptedBy events { seq action fromState toState } } } }`;

  it("keeps a hazard closed in the hub closed through a changed push, and records what the source said", async () => {
    const service = await token({ department: "EMERGENCY", roles: ["SERVICE"] });
    const first = await push("emergency", emergencyPage({ enterprises: [enterprise], hazards: [hazard(0, "储罐区报警器未检定")] }), service);
    expect(first.body.counts.created).toBe(1);
    const id = (await query(`{ hazards(first: 5, filter: { enterpriseCode: "${enterprise.creditCode}", nameContains: "储罐区报警器未检定" }) { edges { node { id version } } } }`)).hazards.edges[0].node;
    const supervisor = await token({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "4102" });
    const submit = await t.request(`mutation ($id: ID!, $v: Int!) { submitRectification(input: { id: $id, expectedVersion: $v, note: "已整改" }) { version state } }`, { id: id.id, v: id.version }, supervisor);
    expect(submit.errors).toBeUndefined();
    const accept = await t.request(`mutation ($id: ID!, $v: Int!) { acceptHazard(input: { id: $id, expectedVersion: $v, opinion: "同意销号" }) { version state } }`, { id: id.id, v: (submit.data as any).submitRectification.version }, supervisor);
    expect(accept.errors).toBeUndefined();

    const changed = await push("emergency", emergencyPage({ enterprises: [enterprise], hazards: [{ ...hazard(0, "储罐区报警器未检定"), dangerManageFunds: 999 }] }), service);
    expect(changed.status).toBe(200);
    const after = (await query(HISTORY, { id: id.id })).node;
    expect(after.state).toBe("CLOSED");
    expect(after.closedAt).not.toBeNull();
    expect(after.acceptedBy).not.toBeNull();
    expect(after.sourceState).toBe("RECTIFYING");
    expect(after.events.map((e: any) => e.action)).toEqual(["SYNC", "SUBMIT", "ACCEPT", "SOURCE_STATE"]);

    // the same report again adds nothing to the history
    await push("emergency", emergencyPage({ enterprises: [enterprise], hazards: [{ ...hazard(0, "储罐区报警器未检定"), dangerManageFunds: 1000 }] }), service);
    expect((await query(HISTORY, { id: id.id })).node.events).toHaveLength(4);
    expectReplays(after);
  });

  it("keeps every change of state, from either side, in a history that replays to the current state", async () => {
    const service = await token({ department: "EMERGENCY", roles: ["SERVICE"] });
    const supervisor = await token({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "4102" });
    // a seeded walk: the source reports states, the hub takes the steps the workflow allows
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const item = { ...hazard(9, "消防通道堆放杂物"), id: "YH-SCOPE-2" };
    await push("emergency", emergencyPage({ enterprises: [enterprise], hazards: [item] }), service);
    const id = toGlobalId("Hazard", (await t.database.db.prisma.hazard.findFirstOrThrow({ where: { sourceId: "YH-SCOPE-2" } })).id);
    for (let step = 0; step < 14; step++) {
      const current = (await query(HISTORY, { id })).node;
      expectReplays(current);
      if (next() < 0.5) {
        const state = [0, 1, 9][Math.floor(next() * 3)]!;
        await push("emergency", emergencyPage({ enterprises: [enterprise], hazards: [{ ...item, dangerState: state, dangerManageFunds: step }] }), service);
      } else {
        const v = current.version;
        const steps: Record<string, string> = {
          REPORTED: `planRectification(input: { id: "${id}", expectedVersion: ${v}, measures: "清理", responsiblePerson: "赵海涛", deadline: "2026-12-31" })`,
          RECTIFYING: `submitRectification(input: { id: "${id}", expectedVersion: ${v}, note: "已清理" })`,
          PENDING_ACCEPTANCE: next() < 0.5 ? `rejectHazard(input: { id: "${id}", expectedVersion: ${v}, opinion: "未到位" })` : `acceptHazard(input: { id: "${id}", expectedVersion: ${v}, opinion: "同意" })`,
        };
        const mutation = steps[current.state];
        if (mutation) expect((await t.request(`mutation { ${mutation} { state } }`, {}, supervisor)).errors).toBeUndefined();
      }
    }
    expectReplays((await query(HISTORY, { id })).node);
  });

  it("never undoes a workflow step that races a sync of the same hazard", async () => {
    const service = await token({ department: "EMERGENCY", roles: ["SERVICE"] });
    const supervisor = await token({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "4102" });
    const items = Array.from({ length: 12 }, (_, i) => ({ ...hazard(0, `受限空间作业未审批${i}`), id: `YH-RACE-${i}` }));
    await push("emergency", emergencyPage({ enterprises: [enterprise], hazards: items }), service);
    let submitted = 0;
    for (const item of items) {
      const id = toGlobalId("Hazard", (await t.database.db.prisma.hazard.findFirstOrThrow({ where: { sourceId: item.id } })).id);
      const [step] = await Promise.all([
        t.request(`mutation { submitRectification(input: { id: "${id}", expectedVersion: 1, note: "已整改" }) { state } }`, {}, supervisor),
        push("emergency", emergencyPage({ enterprises: [enterprise], hazards: [{ ...item, dangerManageFunds: 500 }] }), service),
      ]);
      const after = (await query(HISTORY, { id })).node;
      expectReplays(after);
      if (step.errors === undefined) {
        submitted++;
        expect(after.state).toBe("PENDING_ACCEPTANCE");
      } else {
        expect(step.errors[0]!.extensions!.code).toBe("CONFLICT");
        expect(after.state).toBe("RECTIFYING");
      }
    }
    expect(submitted).toBeGreaterThan(0);
  });

  /** Folding the events from no state gives the current state, each event starting where the last ended. */
  function expectReplays(hazard: { state: string; events: Array<{ seq: number; fromState: string | null; toState: string }> }) {
    let state: string | null = null;
    hazard.events.forEach((event, i) => {
      expect(event.seq).toBe(i + 1);
      expect(event.fromState).toBe(state);
      state = event.toState;
    });
    expect(state).toBe(hazard.state);
  }
});

describe("authorities are real", () => {
  const STEP = `{ state version supervisedBy supervisingAuthority { code name } events { action note } }`;
  const supervise = (id: string, version: number, authority: string | null, as: string) =>
    t.request(`mutation($input: SuperviseHazardInput!) { superviseHazard(input: $input) ${STEP} }`, { input: { id, expectedVersion: version, deadline: "2026-12-31", ...(authority === null ? {} : { authority }) } }, as);
  const accept = (id: string, version: number, as: string) =>
    t.request(`mutation($input: AcceptHazardInput!) { acceptHazard(input: $input) ${STEP} }`, { input: { id, expectedVersion: version, opinion: "整改到位" } }, as);

  let serial = 0;
  async function fixtureHazard(fields: { enterpriseCode: string; regionCode: string; sector: string; grade: "GENERAL" | "MAJOR"; state: string; supervisedBy?: string }) {
    const id = `AUTH-${++serial}`;
    await t.database.db.prisma.hazard.create({
      data: { id, ...fields, state: fields.state as never, description: `authority fixture ${id}`, foundAt: new Date("2026-11-01T02:00:00Z"), sourceDepartment: "EMERGENCY", sourceSystem: "fixture", sourceId: id, fetchedAt: new Date(), contentHash: "fixture" },
    });
    return toGlobalId("Hazard", id);
  }
  const kaifengMajor = (state = "RECTIFYING", supervisedBy?: string) =>
    fixtureHazard({ enterpriseCode: kaifeng.creditCode, regionCode: "410212", sector: "危险化学品", grade: "MAJOR", state, supervisedBy });

  it("refuses an authority that is not in the list, does not cover the hazard or does not supervise its sector, naming input.authority", async () => {
    const city = await token({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410200" });
    const id = await kaifengMajor();
    for (const [authority, reason] of [
      ["EMERGENCY@410100", /郑州市应急管理局 \(EMERGENCY@410100\) does not cover the hazard's division 410212/],
      ["WATER@410200", /开封市水利局 \(WATER@410200\) does not supervise the hazard's sector 危险化学品/],
      ["EMERGENCY@990000", /'EMERGENCY@990000' is no supervising authority of the reference list/],
      ["火星应急管理局", /'火星应急管理局' is no supervising authority/],
    ] as const) {
      const res = await supervise(id, 1, authority, city);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "input.authority" });
      expect(res.errors![0]!.message).toMatch(reason);
    }
  });

  it("matches names exactly and stores the authority's code", async () => {
    const city = await token({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410200" });
    const res = await supervise(await kaifengMajor(), 1, "开封市应急管理局", city);
    expect(res.errors).toBeUndefined();
    expect((res.data as any).superviseHazard).toMatchObject({ supervisedBy: "EMERGENCY@410200", supervisingAuthority: { code: "EMERGENCY@410200", name: "开封市应急管理局" } });
  });

  it("lets a higher authority take a listing over, records it, and then only the higher one decides", async () => {
    const city = await token({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410200" });
    const provincial = await token({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" });
    const id = await kaifengMajor("PENDING_ACCEPTANCE", "开封市应急管理局");
    const taken = await supervise(id, 1, null, provincial);
    expect(taken.errors).toBeUndefined();
    const hazard = (taken.data as any).superviseHazard;
    expect(hazard).toMatchObject({ supervisedBy: "EMERGENCY@410000", supervisingAuthority: { name: "河南省应急管理厅" } });
    expect(hazard.events.at(-1)).toEqual({ action: "SUPERVISE", note: "挂牌督办: EMERGENCY@410000, 期限 2026-12-31 (接管 开封市应急管理局 的挂牌督办)" });
    expect((await supervise(id, 2, null, city)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await accept(id, 2, city)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await accept(id, 2, provincial)).data).toMatchObject({ acceptHazard: { state: "CLOSED" } });
  });

  it("opens a hazard to its sector's regulator and closes it to other departments (条)", async () => {
    const fireworks = "91410212MA9FWK0L51";
    await t.database.db.prisma.enterprise.create({ data: { creditCode: fireworks, name: "开封测试烟花爆竹有限公司", regionCode: "410212", sector: "烟花爆竹", sourceDepartment: "EMERGENCY", sourceSystem: "fixture", sourceId: fireworks, fetchedAt: new Date(), contentHash: "fixture" } });
    const plant = await fixtureHazard({ enterpriseCode: fireworks, regionCode: "410212", sector: "烟花爆竹", grade: "GENERAL", state: "PENDING_ACCEPTANCE" });
    const site = await fixtureHazard({ enterpriseCode: kaifeng.creditCode, regionCode: "410212", sector: "建筑施工", grade: "GENERAL", state: "PENDING_ACCEPTANCE" });
    const water = await token({ department: "WATER", roles: ["SUPERVISOR"], region: "410200" });
    const housing = await token({ department: "HOUSING", roles: ["SUPERVISOR"], region: "410200" });
    const emergency = await token({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410200" });
    expect((await accept(plant, 1, water)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await accept(plant, 1, housing)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await accept(site, 1, water)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await accept(site, 1, housing)).data).toMatchObject({ acceptHazard: { state: "CLOSED" } });
    expect((await accept(plant, 1, emergency)).data).toMatchObject({ acceptHazard: { state: "CLOSED" } });
  });
});
