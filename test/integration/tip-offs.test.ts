/**
 * 12350 tip-offs: anyone reports without a token and gets a ticket; one that
 * names an enterprise the hub holds is a hazard found by 举报 at once, for the
 * emergency bureau of the enterprise's territory; the others wait for the
 * bureau to register or dismiss them; the reporter follows the ticket and sees
 * nothing personal; the reporter's contact is personal data; one address may
 * report only so often.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
let shangjieCode: string;
let kaifengCode: string;
beforeAll(async () => {
  t = await startTestHub({ tipOffsPerHour: 0 }); // the limit has a hub of its own below
  const admin = await t.signToken({ department: "EMERGENCY", roles: ["ADMIN"], region: "41" });
  const all = await t.request<{ enterprises: { edges: Array<{ node: { creditCode: string; regionCode: string } }> } }, never>("{ enterprises(first: 200) { edges { node { creditCode regionCode } } } }", undefined, admin);
  shangjieCode = all.data!.enterprises.edges.find((e) => e.node.regionCode.startsWith("410106"))!.node.creditCode;
  kaifengCode = all.data!.enterprises.edges.find((e) => e.node.regionCode.startsWith("4102"))!.node.creditCode;
});
afterAll(async () => {
  await t?.stop();
});

const supervisor = (region: string) => t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region });
const reportTo = (hub: TestHub, body: unknown) => fetch(`${hub.hub.url}/tipoffs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const report = (body: unknown) => reportTo(t, body);
const TIP_OFFS = `{ tipOffs(first: 50) { totalCount edges { node { ticket regionCode enterpriseCode description reporterName reporterContact state reply hazard { id discoverySource state enterpriseCode } } } } }`;
type Tip = { ticket: string; regionCode: string; enterpriseCode: string | null; description: string; reporterName: string | null; reporterContact: string | null; state: string; reply: string | null; hazard: { id: string; discoverySource: string; state: string; enterpriseCode: string } | null };
const tipOffs = async (token: string) => {
  const res = await t.request<{ tipOffs: { totalCount: number; edges: Array<{ node: Tip }> } }, never>(TIP_OFFS, undefined, token);
  expect(res.errors).toBeUndefined();
  return res.data!.tipOffs.edges.map((e) => e.node);
};

describe("12350 tip-offs", () => {
  it("registers a tip-off naming a known enterprise as its hazard, found by 举报, for the bureau of its territory", async () => {
    const res = await report({ region: "410106", enterpriseCode: shangjieCode, description: "厂区东侧危化品仓库消防通道被货物堵塞，夜间无人值守", reporterName: "王某", reporterContact: "13812345678" });
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as { ticket: string; state: string; region: string };
    expect(receipt.ticket).toMatch(/^12350-[2-9A-Z]{12}$/);
    expect(receipt).toMatchObject({ state: "REGISTERED", region: expect.stringMatching(/^410106/) });

    const mine = (await tipOffs(await supervisor("410106"))).find((tip) => tip.ticket === receipt.ticket)!;
    expect(mine).toMatchObject({ state: "REGISTERED", enterpriseCode: shangjieCode, reporterName: "王某", reporterContact: "13812345678" });
    expect(mine.hazard).toMatchObject({ discoverySource: "8 举报", state: "REPORTED", enterpriseCode: shangjieCode });
    // the hazard is in the bureau's register and counts in its bulletin by source 举报
    const hazards = await t.request<{ hazards: { edges: Array<{ node: { id: string } }> } }, never>(`{ hazards(first: 200, filter: { region: "410106" }) { edges { node { id } } } }`, undefined, await supervisor("410106"));
    expect(hazards.data!.hazards.edges.map((e) => e.node.id)).toContain(mine.hazard!.id);
    const bulletin = await t.request<{ bulletin: { new: number } }, never>(`{ bulletin(region: "410106", period: "${new Date().toISOString().slice(0, 10)}", sources: [REPORT]) { new } }`, undefined, await supervisor("410106"));
    expect(bulletin.data!.bulletin.new).toBeGreaterThanOrEqual(1);
    // another territory's bureau sees neither
    expect((await tipOffs(await supervisor("4102"))).map((tip) => tip.ticket)).not.toContain(receipt.ticket);
  });

  it("keeps the reporter's contact personal: masked for an analyst, and never in the reporter's view", async () => {
    const res = await report({ region: "410106001", description: "街道口燃气管道有明显泄漏气味，已持续两天", reporterContact: "13900001111" });
    const { ticket } = (await res.json()) as { ticket: string };
    const analyst = await t.signToken({ department: "EMERGENCY", roles: ["ANALYST"], region: "410106" });
    const seen = (await tipOffs(analyst)).find((tip) => tip.ticket === ticket)!;
    expect(seen.reporterContact).not.toBe("13900001111");
    expect(seen.reporterContact).toMatch(/\*/);
    expect((await tipOffs(await t.signToken({ department: "WATER", roles: ["SUPERVISOR"], region: "410106" }))).length).toBe(0);

    const view = await fetch(`${t.hub.url}/tipoffs/${ticket}`);
    expect(view.status).toBe(200);
    const body = (await view.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ticket, state: "RECEIVED", region: "410106001000", reply: null });
    expect(JSON.stringify(body)).not.toMatch(/13900001111|燃气管道/);
    expect((await fetch(`${t.hub.url}/tipoffs/12350-AAAAAAAAAAAA`)).status).toBe(404);
  });

  it("lets the bureau register a received tip-off or dismiss it, and the reporter sees the answer", async () => {
    const first = (await (await report({ region: "410202", description: "某化工厂夜间偷排废气，周边居民闻到刺鼻气味" })).json()) as { ticket: string };
    const second = (await (await report({ region: "410202", description: "小区旁仓库堆放烟花爆竹，无任何防护措施" })).json()) as { ticket: string };
    const longting = await supervisor("410202");
    const registered = await t.request<{ registerTipOff: Tip }, never>(
      `mutation { registerTipOff(ticket: "${first.ticket}", enterpriseCode: "${kaifengCode}", reply: "已立案，正在核查") { state enterpriseCode hazard { discoverySource } } }`,
      undefined,
      await supervisor("4102"),
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerTipOff).toMatchObject({ state: "REGISTERED", enterpriseCode: kaifengCode, hazard: { discoverySource: "8 举报" } });
    const dismissed = await t.request<{ dismissTipOff: Tip }, never>(`mutation { dismissTipOff(ticket: "${second.ticket}", reply: "经核查为合法经营网点，证照齐全") { state reply } }`, undefined, longting);
    expect(dismissed.data!.dismissTipOff).toEqual({ state: "DISMISSED", reply: "经核查为合法经营网点，证照齐全" });
    expect(await (await fetch(`${t.hub.url}/tipoffs/${second.ticket}`)).json()).toMatchObject({ state: "DISMISSED", reply: "经核查为合法经营网点，证照齐全" });
    // answered once only; an analyst does not answer; another territory does not find it
    const again = await t.request(`mutation { dismissTipOff(ticket: "${second.ticket}", reply: "再次") { state } }`, undefined, longting);
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const analyst = await t.signToken({ department: "EMERGENCY", roles: ["ANALYST"], region: "410202" });
    expect((await t.request(`mutation { dismissTipOff(ticket: "${first.ticket}", reply: "不") { state } }`, undefined, analyst)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await t.request(`mutation { dismissTipOff(ticket: "${first.ticket}", reply: "不予立案") { state } }`, undefined, await supervisor("410106"))).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("refuses a report without what it needs, naming the field, and loses nothing", async () => {
    const cases: Array<[unknown, string]> = [
      [{ description: "没有写地点的举报内容很长" }, "region"],
      [{ region: "410000", description: "全省范围的举报内容很长" }, "region"],
      [{ region: "110101", description: "外省的举报内容很长很长" }, "region"],
      [{ region: "410106", description: "短" }, "description"],
      [{ region: "410106", description: "企业代码写错了的举报内容", enterpriseCode: "91410106MA3XU9D44Z" }, "enterpriseCode"],
      [{ region: "410106", description: "联系方式不对的举报内容", reporterContact: "not a phone" }, "reporterContact"],
    ];
    for (const [body, field] of cases) {
      const res = await report(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { errors: Array<{ extensions: { code: string; field: string } }> }).errors[0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    const notJson = await fetch(`${t.hub.url}/tipoffs`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(notJson.status).toBe(400);
  });

  it("takes at most EMHUB_TIPOFFS_PER_HOUR reports an hour from one address", async () => {
    const limited = await startTestHub({ tipOffsPerHour: 3 }, { samples: false });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await reportTo(limited, { region: "410505", description: `第${i}次重复举报同一个问题的内容` })).status);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      const refused = await reportTo(limited, { region: "410505", description: "超过限额之后的举报内容" });
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(((await refused.json()) as { errors: Array<{ message: string; extensions: { code: string } }> }).errors[0]).toMatchObject({ extensions: { code: "RATE_LIMITED" }, message: expect.stringContaining("an hour") });
      // the reporter's view of a ticket is not held back
      expect((await fetch(`${limited.hub.url}/tipoffs/12350-AAAAAAAAAAAA`)).status).toBe(404);
    } finally {
      await limited.stop();
    }
  });
});
