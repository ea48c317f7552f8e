/**
 * Online monitoring of major hazard sources and major risk points: points and
 * readings from the monitoring connector, scoped like the enterprise file;
 * pushed readings with their quarantine; alarms with their lifecycle, live;
 * escalation of an alarm nobody acknowledged; retention of raw readings; and
 * 在线监测率 from the data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/data/global-id.js";
import { HYDRO_READINGS, MONITORING_READINGS } from "../../src/data/reading-partitions.js";
import { escalateAlarms, keepReadings } from "../../src/sync/monitoring-jobs.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";
import { expectSubscriptions, subscribe, wsClient } from "../helpers/ws-client.js";
import { latencyBudgetMs } from "../helpers/wait.js";

let t: TestHub;
beforeAll(async () => {
  // the samples placed now: their readings are the last minutes', their points online but one
  t = await startTestHub({}, { placeAt: new Date() });
});
afterAll(async () => {
  await t?.stop();
});

const supervisor = (region: string) => t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region });
const enterprise = (code: string) => t.signToken({ department: null, roles: ["ENTERPRISE"], enterprise: code, subject: `user-of-${code}` });
const chinaTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");

type Point = { code: string; online: boolean; offlineSince: string | null; lastValue: number | null; alarmLevel: string | null; regionCode: string };
const points = async (token: string) => {
  const res = await t.request<{ monitoringPoints: { edges: Array<{ node: Point }> } }, never>(
    "{ monitoringPoints(first: 100) { edges { node { code online offlineSince lastValue alarmLevel regionCode } } } }",
    undefined,
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.monitoringPoints.edges.map((e) => e.node);
};

async function push(document: unknown, token: string) {
  const res = await fetch(`${t.hub.url}/ingest/monitoring`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(document) });
  return { status: res.status, body: (await res.json()) as { counts: Record<string, number>; rejected: Array<{ sourceId: string; reason: string }> } };
}
const service = (region: string) => t.signToken({ department: "EMERGENCY", roles: ["SERVICE"], region, subject: `monitoring-gateway-${region}` });

describe("monitoring points", () => {
  it("are read like the enterprise file: by territory, by the regulator of the sector, by the enterprise for its own", async () => {
    const kaifeng = await points(await supervisor("4102"));
    expect(kaifeng.length).toBe(12);
    expect(kaifeng.every((p) => p.regionCode.startsWith("4102"))).toBe(true);
    expect((await points(await supervisor("41"))).length).toBe(16);
    expect(await points(await t.signToken({ department: "HOUSING", roles: ["SUPERVISOR"], region: "41" }))).toEqual([]);
    expect((await points(await enterprise("91410212MA44RT0B6T"))).map((p) => p.code)).toEqual(["JC-410212-003-AT01", "JC-410212-003-LT01"]);
    expect(await points("")).toEqual([]);
  });

  it("say which are offline and since when, in the list and in the enterprise's file", async () => {
    const all = await points(await supervisor("41"));
    expect(all.find((p) => p.code === "JC-410205-005-CV01")).toMatchObject({ online: true, offlineSince: null });
    const stopped = all.find((p) => p.code === "JC-410505-009-LT01")!;
    expect(stopped).toMatchObject({ online: false, lastValue: 4.3 });
    expect(Date.now() - Date.parse(stopped.offlineSince!)).toBeGreaterThan(2.5 * 3_600_000);
    const file = await (await fetch(`${t.hub.url}/enterprises/91410505MA3X2L7J88/file`, { headers: { authorization: `Bearer ${await supervisor("41")}` } })).json();
    expect(file.enterprise.monitoringPoints).toEqual([expect.objectContaining({ code: "JC-410505-009-LT01", online: false, offlineSince: stopped.offlineSince, majorHazardSource: expect.objectContaining({ name: "焦炉煤气净化及粗苯罐区" }) })]);
  });

  it("take pushed readings, keep the latest on the point, and quarantine what cannot be measured or is not theirs", async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const { status, body } = await push(
      {
        readings: [
          { pointCode: "JC-410212-001-LT01", collectTime: chinaTime(now), value: 10.9 },
          { pointCode: "JC-410212-001-LT01", collectTime: chinaTime(new Date(now.getTime() - 60_000)), value: 10.2 },
          { pointCode: "JC-410212-001-TT01", collectTime: chinaTime(now), value: 400 },
          { pointCode: "JC-404", collectTime: chinaTime(now), value: 1 },
          { pointCode: "JC-410505-008-PT01", collectTime: chinaTime(now), value: 3.1 },
          { pointCode: "JC-410212-001-AT01", collectTime: chinaTime(new Date(now.getTime() - 40 * 86_400_000)), value: 0 },
        ],
      },
      await service("4102"),
    );
    expect(status).toBe(200);
    // the reading of 40 days ago is taken: its day is folded into hourly figures at the next housekeeping
    expect(body.counts).toMatchObject({ created: 3, rejected: 3 });
    const reasons = Object.fromEntries(body.rejected.map((r) => [r.sourceId.split("@")[0], r.reason]));
    expect(reasons["JC-410212-001-TT01"]).toMatch(/IMPLAUSIBLE: .*400 is outside the instrument's range -20\.\.80/);
    expect(reasons["JC-404"]).toMatch(/unknown monitoringPoint 'JC-404'/);
    expect(reasons["JC-410505-008-PT01"]).toMatch(/OUT_OF_SCOPE|outside/);
    expect(reasons["JC-410212-001-AT01"]).toBeUndefined();
    const level = (await points(await supervisor("4102"))).find((p) => p.code === "JC-410212-001-LT01")!;
    expect(level).toMatchObject({ lastValue: 10.9, alarmLevel: "HIGH_HIGH", online: true });
    const quarantined = await t.database.db.prisma.quarantinedRecord.count({ where: { connector: "monitoring", sourceId: { startsWith: "JC-404" } } });
    expect(quarantined).toBe(1);
  });
});

const ALARM = `fragment A on MonitoringAlarm { id state level value threshold raisedAt acknowledgedAt acknowledgedBy handledAt handledNote clearedAt escalated escalatedTo events { seq action fromState toState actor note } }`;
type Alarm = { id: string; state: string; level: string; value: number; threshold: number | null; escalated: boolean; escalatedTo: string | null; handledNote: string | null; events: Array<{ seq: number; action: string; fromState: string | null; toState: string; actor: string; note: string | null }> };

async function step(mutation: "acknowledgeMonitoringAlarm" | "handleMonitoringAlarm" | "closeMonitoringAlarm", input: Record<string, unknown>, token: string) {
  const inputType = mutation === "handleMonitoringAlarm" ? "HandleAlarmInput" : "AlarmStepInput";
  const res = await t.request<Record<string, Alarm>, never>(`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ...A } } ${ALARM}`, { input } as never, token);
  return { alarm: res.data?.[mutation] ?? null, code: res.errors?.[0]?.extensions?.code as string | undefined, message: res.errors?.[0]?.message };
}

describe("monitoring alarms", () => {
  const owner = "91410212MA44RT0B6T";
  const alarmId = `BJ-TEST-${Date.now()}`;

  it("go from raised to cleared, each step with who and when, live to the territory", async () => {
    const token = await supervisor("4102");
    const client = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
    const started = expectSubscriptions(t.hub, 1);
    const live = subscribe<{ monitoringAlarm: { action: string; alarm: { state: string; level: string; point: { code: string } } } }>(
      client,
      "subscription { monitoringAlarm(filter: { region: \"4102\", levels: [HIGH_HIGH] }) { action alarm { state level point { code } } } }",
    );
    await started();
    const raisedAt = new Date(Date.now() - 60_000);
    const pushed = await push({ alarms: [{ alarmId, pointCode: "JC-410212-003-AT01", alarmTime: chinaTime(raisedAt), value: 2.4, alarmLevel: "高高报", alarmStatus: "报警" }] }, await service("4102"));
    expect(pushed.body.counts).toMatchObject({ created: 1 });
    expect(await live.next()).toEqual({ monitoringAlarm: { action: "RAISE", alarm: { state: "RAISED", level: "HIGH_HIGH", point: { code: "JC-410212-003-AT01" } } } });

    const list = await t.request<{ monitoringAlarms: { edges: Array<{ node: Alarm }> } }, never>(`{ monitoringAlarms(filter: { state: RAISED, level: HIGH_HIGH }) { edges { node { ...A } } } } ${ALARM}`, undefined, token);
    const alarm = list.data!.monitoringAlarms.edges.map((e) => e.node).find((a) => a.value === 2.4)!;
    expect(alarm).toMatchObject({ state: "RAISED", threshold: 2 });

    // another enterprise does not see it; a water-department account may not act on it
    expect((await step("acknowledgeMonitoringAlarm", { id: alarm.id }, await enterprise("91410212MA3X7K2P1F"))).code).toBe("NOT_FOUND");
    expect((await step("acknowledgeMonitoringAlarm", { id: alarm.id }, await t.signToken({ department: "WATER", roles: ["SUPERVISOR"], region: "41" }))).code).toMatch(/NOT_FOUND|FORBIDDEN/);
    expect((await step("closeMonitoringAlarm", { id: alarm.id }, await enterprise(owner))).code).toBe("INVALID_TRANSITION");

    const acknowledged = await step("acknowledgeMonitoringAlarm", { id: alarm.id }, await enterprise(owner));
    expect(acknowledged.alarm).toMatchObject({ state: "ACKNOWLEDGED" });
    expect((await live.next()).monitoringAlarm).toMatchObject({ action: "ACKNOWLEDGE", alarm: { state: "ACKNOWLEDGED" } });
    expect((await step("acknowledgeMonitoringAlarm", { id: alarm.id }, await enterprise(owner))).code).toBe("INVALID_TRANSITION");
    expect((await step("handleMonitoringAlarm", { id: alarm.id, measure: "  " }, await enterprise(owner))).code).toBe("BAD_USER_INPUT");
    const handled = await step("handleMonitoringAlarm", { id: alarm.id, measure: "关闭液氯储罐出口阀, 启动碱液喷淋吸收" }, await enterprise(owner));
    expect(handled.alarm).toMatchObject({ state: "HANDLED", handledNote: "关闭液氯储罐出口阀, 启动碱液喷淋吸收" });

    // the source sends the alarm again: the enterprise's steps stay
    await push({ alarms: [{ alarmId, pointCode: "JC-410212-003-AT01", alarmTime: chinaTime(raisedAt), value: 2.4, alarmLevel: "高高报", alarmStatus: "报警" }] }, await service("4102"));
    const closed = await step("closeMonitoringAlarm", { id: alarm.id, note: "浓度回落至 0.2 ppm" }, await enterprise(owner));
    expect(closed.alarm!.state).toBe("CLEARED");
    expect(closed.alarm!.events.map((e) => [e.action, e.fromState, e.toState, e.actor])).toEqual([
      ["RAISE", null, "RAISED", "河南省危险化学品安全生产风险监测预警系统"],
      ["ACKNOWLEDGE", "RAISED", "ACKNOWLEDGED", `user-of-${owner}`],
      ["HANDLE", "ACKNOWLEDGED", "HANDLED", `user-of-${owner}`],
      ["CLEAR", "HANDLED", "CLEARED", `user-of-${owner}`],
    ]);
    // the source's 消警 afterwards changes nothing
    const late = await push({ alarms: [{ alarmId, pointCode: "JC-410212-003-AT01", alarmTime: chinaTime(raisedAt), value: 2.4, alarmLevel: "高高报", alarmStatus: "消警", clearTime: chinaTime(new Date()) }] }, await service("4102"));
    expect(late.body.counts).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const audited = await t.database.db.prisma.auditEntry.count({ where: { dataset: "MonitoringAlarm", subject: `user-of-${owner}`, action: "MUTATION" } });
    expect(audited).toBe(3);
    live.stop();
    await client.dispose();
  });

  it("are raised by the hub when a pushed reading passes a threshold, live to the county within 2 s and not to its neighbour, and cleared when the readings are back", async () => {
    type Change = { monitoringAlarm: { action: string; alarm: { level: string; value: number; point: { code: string } } } };
    const QUERY = "subscription { monitoringAlarm { action alarm { level value point { code } } } }";
    const county = wsClient(t.wsUrl, { authorization: `Bearer ${await supervisor("410212")}` });
    const neighbour = wsClient(t.wsUrl, { authorization: `Bearer ${await supervisor("410205")}` });
    const started = expectSubscriptions(t.hub, 2);
    const mine = subscribe<Change>(county, QUERY);
    const theirs = subscribe<Change>(neighbour, QUERY);
    await started();
    const gateway = await service("4102");
    // 氯化釜压力 of 祥符区: 高报 0.8, 高高报 1.0
    const pushedAt = Date.now();
    await push({ readings: [{ pointCode: "JC-410212-002-PT01", collectTime: chinaTime(new Date()), value: 0.85 }] }, gateway);
    expect(await mine.next()).toEqual({ monitoringAlarm: { action: "RAISE", alarm: { level: "HIGH", value: 0.85, point: { code: "JC-410212-002-PT01" } } } });
    expect(Date.now() - pushedAt).toBeLessThan(latencyBudgetMs(2000));
    // the neighbour's first event is one of its own territory, pushed after: the county's alarm never reached it
    await push({ alarms: [{ alarmId: `BJ-NB-${Date.now()}`, pointCode: "JC-410205-005-PT01", alarmTime: chinaTime(new Date()), value: 1.7, alarmLevel: "高报", alarmStatus: "报警" }] }, gateway);
    expect((await theirs.next()).monitoringAlarm.alarm.point.code).toBe("JC-410205-005-PT01");
    // a later reading back within the thresholds clears the hub's alarm
    await push({ readings: [{ pointCode: "JC-410212-002-PT01", collectTime: chinaTime(new Date(Date.now() + 1000)), value: 0.42 }] }, gateway);
    expect((await mine.next()).monitoringAlarm).toMatchObject({ action: "CLEAR", alarm: { point: { code: "JC-410212-002-PT01" } } });
    const history = await t.database.db.prisma.monitoringAlarmEvent.findMany({ where: { alarm: { pointCode: "JC-410212-002-PT01" } }, orderBy: { seq: "asc" } });
    expect(history.map((e) => [e.action, e.actor, e.note])).toEqual([
      ["RAISE", "emhub", "读数 0.85 MPa 达到高报阈值 0.8"],
      ["CLEAR", "emhub", "读数恢复正常"],
    ]);
    mine.stop();
    theirs.stop();
    await county.dispose();
    await neighbour.dispose();
  });

  it("are escalated to the county's emergency bureau when nobody acknowledges them in time, once", async () => {
    const id = `BJ-ESC-${Date.now()}`;
    const raisedAt = new Date(Date.now() - 20 * 60_000);
    await push({ alarms: [{ alarmId: id, pointCode: "JC-410205-005-AT01", alarmTime: chinaTime(raisedAt), value: 45, alarmLevel: "高高报", alarmStatus: "报警" }] }, await service("4102"));
    const prisma = t.database.db.prisma;
    const stored = await prisma.monitoringAlarm.findFirstOrThrow({ where: { sourceId: id } });
    const escalated = await escalateAlarms(prisma, new Date(), 15);
    expect(escalated).toContain(stored.id);
    expect(await escalateAlarms(prisma, new Date(), 15)).not.toContain(stored.id);
    const res = await t.request<{ node: Alarm }, never>(`{ node(id: "${toGlobalId("MonitoringAlarm", stored.id)}") { ...A } } ${ALARM}`, undefined, await supervisor("410205"));
    expect(res.data!.node).toMatchObject({ state: "RAISED", escalated: true, escalatedTo: "410205" });
    expect(res.data!.node.events.at(-1)).toMatchObject({ action: "ESCALATE", fromState: "RAISED", toState: "RAISED", actor: "emhub", note: "15 分钟内未确认, 上报应急管理部门" });
    const situation = await t.request<{ situation: { alarmsOpen: number; alarmsEscalated: number } }, never>(`{ situation(region: "410205") { alarmsOpen alarmsEscalated } }`, undefined, await supervisor("410205"));
    expect(situation.data!.situation.alarmsEscalated).toBeGreaterThanOrEqual(1);
    expect(situation.data!.situation.alarmsOpen).toBeGreaterThanOrEqual(situation.data!.situation.alarmsEscalated);
  });
});

describe("monitoring readings past the retention", () => {
  it("are folded into hourly min / max / mean and their day's partition dropped, a late backfill too", async () => {
    const day = new Date(Date.now() - 3 * 86_400_000);
    const hour = new Date(Math.floor(day.getTime() / 3_600_000) * 3_600_000);
    const at = (minutes: number) => chinaTime(new Date(hour.getTime() + minutes * 60_000));
    await push({ readings: [0, 10, 20, 30].map((m, i) => ({ pointCode: "JC-410212-004-LT01", collectTime: at(m), value: [5, 7, 6, 4][i] })) }, await service("4102"));
    const partitions = async () => (await t.database.db.sql(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '"MonitoringReading"'::regclass`)).map((r) => r.name as string);
    const dayName = `MonitoringReading_p${hour.toISOString().slice(0, 10).replaceAll("-", "")}`;
    expect(await partitions()).toContain(dayName);

    const dropped = await keepReadings(t.database.db.prisma, MONITORING_READINGS, new Date(), 2);
    expect(dropped).toContain(dayName.slice(-8));
    expect(await partitions()).not.toContain(dayName);
    const token = await supervisor("4102");
    const res = await t.request<{ monitoringPoints: { edges: Array<{ node: { readings: unknown[]; hourly: unknown[] } }> } }, never>(
      `{ monitoringPoints(filter: { enterpriseCode: "91410212MA9GH5L030" }) { edges { node { readings(hours: 100) { value } hourly(from: "${new Date(hour.getTime() - 1).toISOString()}") { hour min max mean count } } } } }`,
      undefined,
      token,
    );
    const node = res.data!.monitoringPoints.edges[0]!.node;
    expect(node.hourly).toEqual([{ hour: hour.toISOString(), min: 4, max: 7, mean: 5.5, count: 4 }]);
    expect(node.readings.length).toBe(3); // today's sample readings stay raw
    // the reading pushed 40 days late (above) is in the hourly figures of its day
    const late = await t.request<{ monitoringPoints: { edges: Array<{ node: { hourly: Array<{ count: number; mean: number }> } }> } }, never>(
      `{ monitoringPoints(filter: { enterpriseCode: "91410212MA3X7K2P1F", indicator: COMBUSTIBLE_GAS }) { edges { node { hourly(from: "${new Date(Date.now() - 41 * 86_400_000).toISOString()}", to: "${new Date(Date.now() - 39 * 86_400_000).toISOString()}") { count mean } } } } }`,
      undefined,
      token,
    );
    expect(late.data!.monitoringPoints.edges[0]!.node.hourly).toEqual([{ count: 1, mean: 0 }]);
  });
});

describe("water levels and rainfall past the retention", () => {
  it("are folded hourly per measure and their month's partition dropped, as monitoring readings are by day", async () => {
    const day = new Date(Date.now() - 40 * 86_400_000);
    const hour = new Date(Math.floor(day.getTime() / 3_600_000) * 3_600_000);
    const at = (minutes: number) => chinaTime(new Date(hour.getTime() + minutes * 60_000));
    const water = await t.signToken({ department: "WATER", roles: ["SERVICE"], region: "410000" });
    const res = await fetch(`${t.hub.url}/ingest/water`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${water}` },
      body: JSON.stringify({
        ST_RIVER_R: [{ STCD: "40105100", TM: at(0), Z: 71.2, Q: null }, { STCD: "40105100", TM: at(30), Z: 71.6, Q: null }],
        ST_PPTN_R: [{ STCD: "40105100", TM: at(10), DRP: 4.5, INTV: 1 }],
      }),
    });
    expect(res.status).toBe(200);
    const monthName = `HydroReading_p${hour.toISOString().slice(0, 7).replace("-", "")}`;
    const partitions = async () => (await t.database.db.sql(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '"HydroReading"'::regclass`)).map((r) => r.name as string);
    expect(await partitions()).toContain(monthName);
    expect(await keepReadings(t.database.db.prisma, HYDRO_READINGS, new Date(), 2)).toContain(monthName.slice(-6));
    expect(await partitions()).not.toContain(monthName);
    const from = new Date(hour.getTime() - 1).toISOString();
    const station = await t.request<{ hydroStations: { edges: Array<{ node: { level: unknown[]; rain: unknown[] } }> } }, never>(
      `{ hydroStations(first: 100) { edges { node { code level: hourly(from: "${from}", to: "${new Date(hour.getTime() + 3_600_000).toISOString()}") { min max mean count } rain: hourly(measure: RAINFALL, from: "${from}") { mean count } } } } }`,
      undefined,
      await supervisor("41"),
    );
    const liuyuankou = station.data!.hydroStations.edges.map((e) => e.node as { code?: string; level: unknown[]; rain: unknown[] }).find((n) => n.level.length > 0)!;
    expect(liuyuankou.level).toEqual([{ min: 71.2, max: 71.6, mean: 71.4, count: 2 }]);
    expect(liuyuankou.rain).toEqual([{ mean: 4.5, count: 1 }]);
  });
});

describe("在线监测率 from the data", () => {
  it("counts a major hazard source as monitored only when all its points report, and names the offline ones", async () => {
    const res = await t.request<{ indicators: { indicators: Array<{ id: string; value: number | null; numerator: number | null; denominator: number | null; note: string | null }> } }, never>(
      `{ indicators(region: "410505") { indicators { id value numerator denominator note } } }`,
      undefined,
      await supervisor("41"),
    );
    const figure = res.data!.indicators.indicators.find((f) => f.id === "MAJOR_HAZARD_MONITORING")!;
    // 安阳 殷都区: 煤气柜区 reports; 粗苯罐区's level transmitter stopped at the sample's 15:00
    expect(figure).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(figure.note).toMatch(/^离线点位：JC-410505-009-LT01（最后数据 \d{4}-\d\d-\d\d \d\d:\d\d）$/);
  });
});
