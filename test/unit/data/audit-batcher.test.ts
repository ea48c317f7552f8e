import { describe, expect, it } from "vitest";
import { auditBatcher, type AuditWrite } from "../../../src/data/audit-writer.js";

const entry = (subject: string): AuditWrite => ({ requestId: "r", subject, department: "EMERGENCY", roles: ["SUPERVISOR"], action: "READ_PERSONAL", dataset: "Hazard", recordId: "h1", fields: ["foundBy"] });

describe("the audit of live deliveries, written in batches", () => {
  it("writes what gathered within the wait in one write, and at once when the batch is full", async () => {
    const writes: string[][] = [];
    const batcher = auditBatcher(async (entries) => void writes.push(entries.map((e) => e.subject)), { maxWaitMs: 50, maxEntries: 3, onError: () => {} });
    batcher.add([entry("desk-1")]);
    batcher.add([entry("desk-2")]);
    expect(writes).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(writes).toEqual([["desk-1", "desk-2"]]);
    batcher.add([entry("a"), entry("b"), entry("c"), entry("d")]);
    expect(writes).toEqual([["desk-1", "desk-2"], ["a", "b", "c", "d"]]);
  });

  it("writes what waits when flushed (at shutdown), and reports a failed write without losing the next", async () => {
    const failures: number[] = [];
    let fail = true;
    const written: string[] = [];
    const batcher = auditBatcher(
      async (entries) => {
        if (fail) throw new Error("database away");
        written.push(...entries.map((e) => e.subject));
      },
      { maxWaitMs: 60_000, maxEntries: 1_000, onError: (_error, entries) => failures.push(entries) },
    );
    batcher.add([entry("x"), entry("y")]);
    await batcher.flush();
    expect(failures).toEqual([2]);
    fail = false;
    batcher.add([entry("z")]);
    await batcher.flush();
    expect(written).toEqual(["z"]);
  });
});
