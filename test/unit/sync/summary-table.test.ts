import { expect, it } from "vitest";
import { formatSummaryTable } from "../../../src/sync/summary-table.js";

it("prints one aligned row per connector and the reasons of failed runs", () => {
  const counts = { fetched: 203, created: 0, updated: 1, unchanged: 202, retired: 0, rejected: 0 };
  const table = formatSummaryTable([
    { connector: "emergency", ok: true, counts, seconds: 0.42, errors: [] },
    { connector: "water", ok: false, counts: { ...counts, fetched: 0, updated: 0, unchanged: 0 }, seconds: 3, errors: ["GET http://sl.example/x: HTTP 500 (3 tries)"] },
  ]);
  const lines = table.split("\n");
  expect(lines[0]).toMatch(/^connector\s+result\s+fetched\s+created\s+updated\s+unchanged\s+retired\s+rejected\s+seconds$/);
  expect(lines[2]).toMatch(/^emergency\s+ok\s+203\s+0\s+1\s+202\s+0\s+0\s+0\.4$/);
  expect(lines[3]).toMatch(/^water\s+FAILED\s+0\s+0\s+0\s+0\s+0\s+0\s+3\.0$/);
  expect(lines[2]!.indexOf("203") + 3).toBe(lines[0]!.indexOf("fetched") + "fetched".length);
  expect(lines.at(-1)).toBe("water: GET http://sl.example/x: HTTP 500 (3 tries)");
});
