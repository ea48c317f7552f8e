import { expect, it } from "vitest";
import { isConnectorBusy, withConnectorLock } from "../../../src/sync/connector-lock.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("runs the work of one connector one at a time, even after a failure, and other connectors alongside", async () => {
  const db = {};
  const log: string[] = [];
  const work = (name: string, ms: number, fail = false) => async () => {
    log.push(`start ${name}`);
    await sleep(ms);
    log.push(`end ${name}`);
    if (fail) throw new Error(name);
    return name;
  };
  const results = await Promise.allSettled([
    withConnectorLock(db, "water", work("a", 30, true)),
    withConnectorLock(db, "water", work("b", 10)),
    withConnectorLock(db, "meteorology", work("c", 5)),
  ]);
  expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
  expect(log).toEqual(["start a", "start c", "end c", "end a", "start b", "end b"]);
  expect(isConnectorBusy(db, "water")).toBe(false);
});
