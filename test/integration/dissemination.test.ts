/**
 * Where a warning went: the release system's reports (预警信息发布情况) in
 * Warning.dissemination, read by government readers only, with bad reports
 * quarantined; and the indicators 灾害预警信息公众覆盖率 and 发布覆盖面 from them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
beforeAll(async () => {
  // the samples placed now: the warnings are in force, so the public reads them too
  t = await startTestHub({}, { placeAt: new Date() });
});
afterAll(async () => {
  await t?.stop();
});

const SHANGJIE_RAINSTORM = `{ warnings(first: 50) { edges { node { identifier dissemination { channel regionCode reached terminals sentAt } } } } }`;
type Warnings = { warnings: { edges: Array<{ node: { identifier: string; dissemination: Array<{ channel: string; regionCode: string; reached: number | null; terminals: number | null }> } }> } };
const rainstormOf = (data: Warnings) => data.warnings.edges.find((e) => e.node.identifier === "41010641600000_20260720071500")?.node;

describe("warning dissemination", () => {
  it("lists where a warning went, newest first, for government readers; the public sees the warning without it", async () => {
    const supervisor = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410106" });
    const res = await t.request<Warnings, never>(SHANGJIE_RAINSTORM, undefined, supervisor);
    expect(res.errors).toBeUndefined();
    expect(rainstormOf(res.data!)!.dissemination).toEqual([
      { channel: "TV", regionCode: "410106", reached: 60000, terminals: null, sentAt: expect.any(String) },
      { channel: "LOUDSPEAKER", regionCode: "410106", reached: null, terminals: 58, sentAt: expect.any(String) },
      { channel: "NEW_MEDIA", regionCode: "410106", reached: 96000, terminals: null, sentAt: expect.any(String) },
      { channel: "SMS", regionCode: "410106", reached: 118000, terminals: null, sentAt: expect.any(String) },
    ]);
    const water = await t.request<Warnings, never>(SHANGJIE_RAINSTORM, undefined, await t.signToken({ department: "WATER", roles: ["ANALYST"], region: "410106" }));
    expect(rainstormOf(water.data!)!.dissemination).toHaveLength(4);
    const anonymous = await t.request<Warnings, never>(SHANGJIE_RAINSTORM);
    expect(anonymous.errors).toBeUndefined();
    expect(rainstormOf(anonymous.data!)).toMatchObject({ dissemination: null });
  });

  it("quarantines a report of a warning the hub does not hold, or of an unknown channel, and takes the rest", async () => {
    const service = await t.signToken({ department: "METEOROLOGY", roles: ["SERVICE"], region: "410000" });
    const report = (reportId: string, more: Record<string, unknown>) => ({ reportId, sender: "41010641600000", identifier: "41010641600000_20260720071500", channel: "广播", areaCode: "410106", reached: 30000, terminals: null, sentTime: "2026-07-20 07:40:00", ...more });
    const res = await fetch(`${t.hub.url}/ingest/meteorology`, {
      method: "POST",
      headers: { authorization: `Bearer ${service}`, "content-type": "application/json" },
      body: JSON.stringify({ reports: [report("FB-T-1", {}), report("FB-T-2", { identifier: "no-such-alert" }), report("FB-T-3", { channel: "飞鸽" }), report("FB-T-4", { reached: null })] }),
    });
    const body = (await res.json()) as { counts: Record<string, number>; rejected: Array<{ sourceId: string; reason: string }> };
    expect(res.status).toBe(200);
    expect(body.counts).toMatchObject({ created: 1, rejected: 3 });
    expect(Object.fromEntries(body.rejected.map((r) => [r.sourceId, r.reason]))).toEqual({
      "FB-T-2": expect.stringMatching(/unknown warning '41010641600000\/no-such-alert'/),
      "FB-T-3": expect.stringMatching(/channel '飞鸽' is not one of 短信/),
      "FB-T-4": expect.stringMatching(/people reached or the terminals/),
    });
  });
});

describe("灾害预警信息公众覆盖率 and 发布覆盖面", () => {
  type Figure = { id: string; value: number | null; numerator: number | null; denominator: number | null; target: number | null; met: boolean | null; unknownBecause: string | null; note: string | null };
  const figures = async (region: string) => {
    const token = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "41" });
    const res = await t.request<{ indicators: { indicators: Figure[] } }, never>(
      `{ indicators(region: "${region}") { indicators { id value numerator denominator target met unknownBecause note } } }`,
      undefined,
      token,
    );
    expect(res.errors).toBeUndefined();
    return new Map(res.data!.indicators.indicators.map((f) => [f.id, f]));
  };

  it("judge 上街区 by its plan: the rainstorm warning reached the district, 118,000 of its 140,000 people at most", async () => {
    const f = await figures("410106");
    expect(f.get("WARNING_RELEASE_COVERAGE")).toMatchObject({ value: 100, numerator: 1, denominator: 1, target: 100, met: true });
    // the largest channel (SMS, 118,000, and 30,000 more by radio above do not add to it)
    expect(f.get("PUBLIC_WARNING_COVERAGE")).toMatchObject({ value: 84.29, numerator: 118000, denominator: 140000, target: 90, met: false });
  });

  it("are unknown where the population is not known or no report came, and say why", async () => {
    const kaifeng = await figures("410200");
    expect(kaifeng.get("PUBLIC_WARNING_COVERAGE")).toMatchObject({ value: null, unknownBecause: expect.stringMatching(/population/) });
    expect(kaifeng.get("WARNING_RELEASE_COVERAGE")).toMatchObject({ value: 100, note: expect.stringMatching(/条预警无发布回执，未计入/) });
    const anyang = await figures("410500");
    expect(anyang.get("WARNING_RELEASE_COVERAGE")).toMatchObject({ value: null, unknownBecause: expect.stringMatching(/no release report came/) });
  });
});
