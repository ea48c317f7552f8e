import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_CONNECTORS, connectorByName } from "./index.js";
import type { HubRecord } from "./types.js";

/** Field names of each Prisma model, read from the schema the hub is migrated from. */
const modelFields = new Map(
  [...readFileSync(new URL("../prisma/schema.prisma", import.meta.url), "utf8").matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(
    ([, model, body]) => [model!, new Set(body!.split("\n").map((line) => line.trim().split(/\s+/)[0]!))],
  ),
);
const PROVENANCE = ["sourceDepartment", "sourceSystem", "sourceId", "fetchedAt", "version", "contentHash", "retiredAt"];

function unknownFields(record: HubRecord): string[] {
  const fields = modelFields.get(record.dataset[0]!.toUpperCase() + record.dataset.slice(1))!;
  const given = [...Object.keys(record.data), ...Object.keys(record.refs ?? {})];
  return given.filter((name) => !fields.has(name) || PROVENANCE.includes(name));
}

describe("connector registry", () => {
  it("has the five departments' seven systems, each under its folder name", () => {
    expect(ALL_CONNECTORS.map((c) => [c.name, c.department])).toEqual([
      ["emergency", "EMERGENCY"],
      ["monitoring", "EMERGENCY"],
      ["water", "WATER"],
      ["meteorology", "METEOROLOGY"],
      ["natural-resources", "NATURAL_RESOURCES"],
      ["transport", "TRANSPORT"],
      ["disaster", "EMERGENCY"],
    ]);
    expect(connectorByName("water")).toBe(ALL_CONNECTORS[2]);
    expect(connectorByName("police")).toBeUndefined();
  });

  it.each(ALL_CONNECTORS.map((c) => [c.name, c] as const))("%s parses every sample it ships without rejections", (_, connector) => {
    expect(connector.sampleDocuments.length).toBeGreaterThan(0);
    expect(connector.sourceSystem).not.toBe("");
    for (const sample of connector.sampleDocuments) {
      const url = new URL(`./${connector.name}/${sample}`, import.meta.url);
      expect(existsSync(url), sample).toBe(true);
      const result = connector.parse({ name: sample, body: readFileSync(url) });
      expect(result.rejected, sample).toEqual([]);
      expect(result.records.length, sample).toBeGreaterThan(0);
      for (const record of result.records) {
        expect(record.sourceId, sample).not.toBe("");
        expect(JSON.parse(JSON.stringify(record.data))).toEqual(record.data);
        expect(unknownFields(record), `${record.dataset} ${record.sourceId}`).toEqual([]);
      }
    }
  });
});
