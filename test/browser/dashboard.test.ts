/**
 * The command-centre page in Chromium with the network closed: tokens of two
 * neighbouring districts of 开封 (龙亭区 410202, 禹王台区 410205) and of the
 * city each see their own layers and figures; a CAP alert pushed through
 * /ingest/meteorology appears on the map and in the live list within 2 s
 * without a reload, and clicking it shows what its area holds. A screenshot is
 * written to the temporary folder (or to EMHUB_SCREENSHOT).
 */
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSkipReason, openClosedNetworkBrowser, type ClosedNetworkBrowser } from "../helpers/browser.js";
import { capAlert } from "../helpers/cap-alert.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";
import { latencyBudgetMs } from "../helpers/wait.js";

const skip = browserSkipReason();

let t: TestHub;
let b: ClosedNetworkBrowser;
beforeAll(async () => {
  t = await startTestHub({}, { placeAt: new Date() });
  b = await openClosedNetworkBrowser();
});
afterAll(async () => {
  await b?.close();
  await t?.stop();
});

const supervisor = (region: string) => t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region });

async function signedIn(token: string): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`${t.hub.url}/`);
  expect(new URL(page.url()).pathname).toBe("/dashboard/");
  // before sign-in a person sees the form and nothing of the app
  await page.locator("#sign-in").waitFor({ state: "visible" });
  expect(await page.locator("#app").isVisible()).toBe(false);
  await page.fill("#token", token);
  await page.click("#sign-in button[type=submit]");
  await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
  // after it the form is gone and the map fills the first screen, with no scrolling
  expect(await page.locator("#sign-in").isVisible()).toBe(false);
  await page.evaluate(() => window.scrollTo(0, 0));
  const map = await page.locator("#map").boundingBox();
  const viewport = page.viewportSize()!;
  expect(map).not.toBeNull();
  expect(map!.y).toBeLessThan(viewport.height / 4);
  expect(map!.y + map!.height).toBeLessThanOrEqual(viewport.height + 1);
  return page;
}

const drawn = (page: Page, layer: string) => page.$$eval(`path.feature-${layer}[data-id]`, (paths) => paths.map((p) => p.getAttribute("data-id")!));

/** The shelters of a territory as its own token reads them (the token may read more: the city's, for mutual aid). */
async function shelterIds(token: string, region: string): Promise<string[]> {
  const res = await t.request<{ shelters: { edges: Array<{ node: { id: string } }> } }, never>(`{ shelters(first: 200, filter: { region: "${region}" }) { edges { node { id } } } }`, undefined, token);
  return res.data!.shelters.edges.map((e) => e.node.id).sort();
}

describe.skipIf(skip)("the command-centre page, offline", () => {
  it("shows each district its own shelters and figures, the city both", async () => {
    const [longting, yuwangtai, city] = await Promise.all([supervisor("410202"), supervisor("410205"), supervisor("4102")]);
    const [mine, neighbours, all] = await Promise.all([shelterIds(longting, "410202"), shelterIds(yuwangtai, "410205"), shelterIds(city, "4102")]);
    expect(mine.length).toBeGreaterThan(0);
    expect(neighbours.length).toBeGreaterThan(0);

    const page = await signedIn(longting);
    expect(await page.textContent("#region-name")).toBe("龙亭区");
    expect((await drawn(page, "shelters")).sort()).toEqual(mine);
    for (const id of neighbours) expect(await drawn(page, "shelters")).not.toContain(id);
    const cityPage = await signedIn(city);
    expect((await drawn(cityPage, "shelters")).sort()).toEqual(all);
    expect(all).toEqual(expect.arrayContaining([...mine, ...neighbours]));
    // the board counts the district's open shelters, not the city's
    const figures = await t.request<{ situation: { sheltersOpen: number } }, never>("{ situation { sheltersOpen } }", undefined, longting);
    expect(await page.textContent("#figures")).toContain(`${figures.data!.situation.sheltersOpen}开放避难场所`);
    await page.close();
    await cityPage.close();
    expect(b.blocked).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });

  it("shows a pushed warning on the map and in the live list within 2 s, and what it touches when clicked", async () => {
    const page = await signedIn(await supervisor("410202"));
    await page.waitForSelector("#connection:not(.offline)");
    await page.locator("#connection", { hasText: "实时连接" }).waitFor();
    const identifier = `dashboard-${Date.now()}`;
    const met = await t.signToken({ department: "METEOROLOGY", roles: ["SERVICE"], region: "410000" });
    // a box over 龙亭区 and its shelter
    const polygon = "34.780,114.320 34.780,114.400 34.840,114.400 34.840,114.320 34.780,114.320";
    const pushedAt = Date.now();
    const res = await fetch(`${t.hub.url}/ingest/meteorology`, {
      method: "POST",
      headers: { "content-type": "application/cap+xml", authorization: `Bearer ${met}` },
      body: capAlert({ identifier, geocodes: ["410202000000"], polygons: [polygon], level: "RED", event: "暴雨" }),
    });
    expect(res.status).toBe(200);
    await page.waitForSelector(`#live [data-identifier="${identifier}"]`, { timeout: 60_000 });
    expect(Date.now() - pushedAt).toBeLessThan(latencyBudgetMs(2000));
    const warnings = await t.request<{ warnings: { edges: Array<{ node: { id: string; identifier: string } }> } }, never>(
      "{ warnings(first: 50) { edges { node { id identifier } } } }",
      undefined,
      await supervisor("410202"),
    );
    const id = warnings.data!.warnings.edges.find((e) => e.node.identifier === identifier)!.node.id;
    await page.waitForSelector(`path.feature-warnings[data-id="${id}"]`, { timeout: 60_000 });
    expect(Date.now() - pushedAt).toBeLessThan(latencyBudgetMs(2000 + 500)); // the fetch of the page's GeoJSON included

    // the live item brings the warning into view; clicking it on the map shows what it touches
    await page.click(`#live [data-identifier="${identifier}"]`);
    await page.click("#impact .close", { timeout: 60_000 });
    await page.click(`path.feature-warnings[data-id="${id}"]`, { timeout: 60_000 });
    await page.waitForSelector("#impact:not([hidden]) h2", { timeout: 60_000 });
    const impact = await page.textContent("#impact");
    expect(impact).toContain("测试气象台发布暴雨红色预警");
    expect(impact).toContain("避难场所");
    // and what it calls on: 开封's flood plan with its levels, who is on duty at the city's bureau now
    expect(impact).toContain("开封市防汛应急预案（Ⅰ级、Ⅱ级、Ⅲ级、Ⅳ级）");
    expect(impact).toMatch(/现在值班[\s\S]*开封市应急管理局 带班领导 孙卫东/);
    await page.click("#impact .close", { timeout: 60_000 });
    await page.screenshot({ path: process.env.EMHUB_SCREENSHOT ?? path.join(os.tmpdir(), "emhub-dashboard.png") });
    expect(b.blocked).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });

  it("shows a water level crossing its warning level in the live list and colours the station, without a reload", async () => {
    const token = await supervisor("410202");
    const page = await signedIn(token);
    await page.locator("#connection", { hasText: "实时连接" }).waitFor();
    const stations = await t.request<{ hydroStations: { edges: Array<{ node: { id: string; code: string; name: string; warningLevel: number } }> } }, never>(
      "{ hydroStations(first: 50) { edges { node { id code name warningLevel } } } }",
      undefined,
      token,
    );
    // 柳园口 on the Yellow River, in 龙亭区
    const { id, name, warningLevel } = stations.data!.hydroStations.edges.find((e) => e.node.code === "40105100")!.node;
    expect(await page.getAttribute(`path.feature-hydro-stations[data-id="${id}"]`, "fill")).toBe("#2e9d4b"); // normal
    const water = await t.signToken({ department: "WATER", roles: ["SERVICE"], region: "410000" });
    // now, in China time, as SL 323 writes it
    const tm = new Date(Date.now() + 8 * 3600_000).toISOString().replace("T", " ").slice(0, 19);
    const pushedAt = Date.now();
    const res = await fetch(`${t.hub.url}/ingest/water`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${water}` },
      body: JSON.stringify({ ST_RIVER_R: [{ STCD: "40105100", TM: tm, Z: warningLevel + 0.8, Q: null }] }),
    });
    expect(res.status).toBe(200);
    await page.waitForSelector(`#live .live-water:has-text("${name}")`, { timeout: 60_000 });
    await expect.poll(() => page.getAttribute(`path.feature-hydro-stations[data-id="${id}"]`, "fill"), { timeout: 60_000, interval: 50 }).toBe("#f28a1b");
    expect(Date.now() - pushedAt).toBeLessThan(latencyBudgetMs(2500));
    expect(b.blocked).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });

  it("shows a monitoring alarm pushed now in the live list, on the map and on the board, without a reload", async () => {
    const token = await supervisor("410205");
    const page = await signedIn(token);
    await page.locator("#connection", { hasText: "实时连接" }).waitFor();
    const before = await t.request<{ situation: { alarmsOpen: number } }, never>("{ situation { alarmsOpen } }", undefined, token);
    const service = await t.signToken({ department: "EMERGENCY", roles: ["SERVICE"], region: "410205" });
    const now = new Date(Date.now() + 8 * 3600_000).toISOString().replace("T", " ").slice(0, 19);
    const alarmId = `BJ-PAGE-${Date.now()}`;
    const res = await fetch(`${t.hub.url}/ingest/monitoring`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${service}` },
      body: JSON.stringify({ alarms: [{ alarmId, pointCode: "JC-410205-005-AT01", alarmTime: now, value: 46, alarmLevel: "高高报", alarmStatus: "报警" }] }),
    });
    expect(res.status).toBe(200);
    // what a person reads: the enterprise, the point, the value with its unit, the level
    const item = page.locator("#live .live-alarm", { hasText: "球罐区可燃气体探测器" });
    await item.waitFor({ timeout: 60_000 });
    expect(await item.textContent()).toMatch(/监测报警 开封宏达燃气储运有限公司 球罐区可燃气体探测器 46 %LEL 高高报/);
    // a red marker for it on the map, and one more open alarm on the board
    const stored = await t.database.db.prisma.monitoringAlarm.findFirstOrThrow({ where: { sourceId: alarmId } });
    const { toGlobalId } = await import("../../src/data/global-id.js");
    const marker = `path.feature-monitoring-alarms[data-id="${toGlobalId("MonitoringAlarm", stored.id)}"]`;
    await expect.poll(() => page.getAttribute(marker, "fill"), { timeout: 60_000, interval: 50 }).toBe("#d7191c");
    await expect.poll(() => page.textContent("#figures"), { timeout: 60_000 }).toContain(`${before.data!.situation.alarmsOpen + 1}监测报警`);
    await page.close();
    expect(b.blocked).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });

  it("gives the duty view who is on duty now with their phones, and the disaster reports overdue", async () => {
    const page = await signedIn(await supervisor("410505"));
    await page.click("nav [data-view=duty]");
    // what a person reads: the county bureau's officer on duty, with a phone to call, and 殷都区's process with no 初报
    await expect.poll(() => page.textContent("#on-duty"), { timeout: 60_000 }).toContain("冯磊");
    expect(await page.textContent("#on-duty")).toMatch(/殷都区应急管理局\s*值班员\s*冯磊\s*13903721007/);
    await expect.poll(() => page.textContent("#overdue-reports"), { timeout: 60_000 }).toContain("殷都区7·20风雹");
    expect(await page.textContent("#overdue-reports")).toContain("初报逾期");
    await page.click("nav [data-view=situation]");
    expect(await page.textContent("#figures")).toContain("1灾情报送逾期");
    await page.click("nav [data-view=duty]");
    expect(await page.locator("#view-situation").isVisible()).toBe(false);
    await page.close();
    expect(b.blocked).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });

  it("gives a supervisor the overdue and supervised hazards, the 12350 tip-offs and the inspections of the territory, and the bulletin", async () => {
    const token = await supervisor("4102");
    const page = await signedIn(token);
    await page.click("nav [data-view=supervision]");
    const overdue = await t.request<{ overdueHazards: { totalCount: number; edges: Array<{ node: { description: string } }> } }, never>(
      "{ overdueHazards(first: 50) { totalCount edges { node { description } } } }",
      undefined,
      token,
    );
    expect(overdue.data!.overdueHazards.totalCount).toBeGreaterThan(0);
    await expect.poll(() => page.locator("#overdue tr").count(), { timeout: 60_000 }).toBe(overdue.data!.overdueHazards.edges.length + 1);
    expect(await page.textContent("#overdue")).toContain(overdue.data!.overdueHazards.edges[0]!.node.description);
    // a 12350 tip-off made now, and the inspections of the territory, each with what a person reads in its row
    const tip = (await (
      await fetch(`${t.hub.url}/tipoffs`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ region: "410202", location: "龙亭区北门大街", description: "沿街门店违规储存液化气钢瓶十余个" }),
      })
    ).json()) as { ticket: string };
    await page.click("nav [data-view=situation]");
    await page.click("nav [data-view=supervision]");
    const tipRow = page.locator("#tip-offs tr", { hasText: tip.ticket });
    await tipRow.waitFor({ timeout: 60_000 });
    expect(await tipRow.textContent()).toContain("龙亭区北门大街");
    expect(await tipRow.textContent()).toContain("已受理");
    const inspections = await t.request<{ enforcementActions: { totalCount: number; edges: Array<{ node: { caseNumber: string; orderDeadline: string; enterprise: { name: string } } }> } }, never>(
      "{ enforcementActions(first: 50) { totalCount edges { node { caseNumber orderDeadline enterprise { name } } } } }",
      undefined,
      token,
    );
    expect(inspections.data!.enforcementActions.totalCount).toBe(2);
    await expect.poll(() => page.locator("#enforcement tr").count(), { timeout: 60_000 }).toBe(3);
    const fined = inspections.data!.enforcementActions.edges.find((e) => e.node.caseNumber === "汴应急执罚〔2026〕21号")!.node;
    const finedRow = await page.locator("#enforcement tr", { hasText: fined.caseNumber }).textContent();
    expect(finedRow).toContain(`责令限期整改 · ${fined.orderDeadline}前`);
    expect(finedRow).toContain("罚款 · 30,000 元");
    expect(finedRow).toContain("已结案");
    expect(finedRow).toContain(fined.enterprise.name);
    // and none of another city's (上街区, 郑州)
    expect(await page.textContent("#enforcement")).not.toContain("上应急执罚");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#bulletin")]);
    expect(download.suggestedFilename()).toMatch(/^bulletin-410200-\d{4}-P[1-6]\.csv$/);
    await page.locator("#bulletin-status", { hasText: "已下载" }).waitFor();
    expect(b.blocked).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });
});
