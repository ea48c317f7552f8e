/** One error body on every route: GraphQL's `{ errors: [{ message, extensions: { code } }] }` with the HTTP status of the failure. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({}, { samples: false });
});
afterAll(async () => {
  await t?.stop();
});

describe("error bodies", () => {
  it("have the same shape on /graphql, /ingest, the file and bulletin routes, unknown paths and Express's own failures", async () => {
    const transport = await t.signToken({ department: "TRANSPORT", roles: ["SERVICE"], region: "410000" });
    const cases: Array<[string, RequestInit, number, string]> = [
      ["/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" }, 400, "BAD_REQUEST"],
      ["/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ nothing }" }) }, 400, "GRAPHQL_VALIDATION_FAILED"],
      ["/ingest/nothing", { method: "POST", body: "x" }, 404, "NOT_FOUND"],
      ["/ingest/meteorology", { method: "POST", body: "<alert/>" }, 401, "UNAUTHENTICATED"],
      ["/ingest/meteorology", { method: "POST", headers: { authorization: `Bearer ${transport}` }, body: "<alert/>" }, 403, "FORBIDDEN"],
      ["/enterprises/91410106MA46JX0E8X/file", {}, 401, "UNAUTHENTICATED"],
      ["/bulletins/410106/2026-P6.csv", {}, 401, "UNAUTHENTICATED"],
      ["/no/such/path", {}, 404, "NOT_FOUND"],
    ];
    for (const [path, init, status, code] of cases) {
      const res = await fetch(`${t.hub.url}${path}`, init);
      expect(res.status, path).toBe(status);
      expect(res.headers.get("content-type"), path).toMatch(/json/);
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(Object.keys(body), path).toEqual(["errors"]);
      expect(body.errors[0]!.extensions.code, path).toBe(code);
      expect(body.errors[0]!.message, path).toEqual(expect.any(String));
    }
  });
});
