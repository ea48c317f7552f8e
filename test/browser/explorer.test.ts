/** The explorer in Chromium with the network closed: it loads from the hub alone, runs a query and receives a subscription event. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { exampleOperations } from "../../src/server/web-routes.js";
import { capAlert } from "../helpers/cap-alert.js";
import { browserSkipReason, openClosedNetworkBrowser, type ClosedNetworkBrowser } from "../helpers/browser.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";
import { waitFor } from "../helpers/wait.js";
import { expectSubscriptions } from "../helpers/ws-client.js";

const skip = browserSkipReason();

/** GraphiQL's editors are CodeMirror 5 instances, reachable from their element. */
type CodeMirrorElement = { CodeMirror: { setValue(text: string): void; getValue(): string } };

const setQuery = (page: Page, query: string) =>
  page.$eval(".graphiql-query-editor .CodeMirror", (element, text) => (element as unknown as CodeMirrorElement).CodeMirror.setValue(text), query);

const response = (page: Page) => page.$eval(".graphiql-response .CodeMirror", (element) => (element as unknown as CodeMirrorElement).CodeMirror.getValue());

describe.skipIf(skip)("the explorer, offline", () => {
  let t: TestHub;
  let b: ClosedNetworkBrowser;
  beforeAll(async () => {
    t = await startTestHub();
    b = await openClosedNetworkBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  it("opens from /graphql with the example operations, runs a query under the token and receives a subscription event", async () => {
    const page = await b.context.newPage();
    await page.goto(`${t.hub.url}/graphql`);
    expect(new URL(page.url()).pathname).toBe("/explorer/");
    await page.locator(".graphiql-query-editor .CodeMirror").waitFor();
    // one tab per file of schema/operations
    const exampleFiles = exampleOperations().length;
    await expect.poll(() => page.locator(".graphiql-tab").count(), { timeout: 10_000 }).toBe(exampleFiles);

    const county = await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410106" });
    await page.fill("#token", county);
    // rescue teams are not public: the count tells whether the token went with the query
    await setQuery(page, "{ rescueTeams(first: 50) { totalCount } }");
    await page.click(".graphiql-execute-button");
    const expected = (await t.request<{ rescueTeams: { totalCount: number } }, never>("{ rescueTeams(first: 50) { totalCount } }", undefined, county)).data!.rescueTeams.totalCount;
    const anonymous = (await t.request<{ rescueTeams: { totalCount: number } }, never>("{ rescueTeams(first: 50) { totalCount } }")).data?.rescueTeams?.totalCount ?? 0;
    expect(expected).not.toBe(anonymous); // the answer tells whether the token went with the query
    // on a loaded machine GraphiQL may still be starting when first asked: ask again until it answers
    await expect
      .poll(
        async () => {
          if ((await response(page)).includes(`"totalCount": ${expected}`)) return true;
          await page.click(".graphiql-execute-button");
          return false;
        },
        { timeout: 120_000, interval: 1000 },
      )
      .toBe(true);

    await page.fill("#token", await t.signToken({ department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000" }));
    await setQuery(page, "subscription { warningIssued { change warning { identifier level } } }");
    const registered = expectSubscriptions(t.hub, 1);
    await page.click(".graphiql-execute-button");
    await registered();
    const identifier = `explorer-${Date.now()}`;
    const met = await t.signToken({ department: "METEOROLOGY", roles: ["SERVICE"], region: "410000" });
    const pushed = await fetch(`${t.hub.url}/ingest/meteorology`, {
      method: "POST",
      headers: { "content-type": "application/cap+xml", authorization: `Bearer ${met}` },
      body: capAlert({ identifier, geocodes: ["410106000000"], level: "ORANGE" }),
    });
    expect(pushed.status).toBe(200);
    await waitFor(async () => (await response(page)).includes(identifier));
    expect(await response(page)).toContain('"level": "ORANGE"');

    expect(b.blocked).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });
});
