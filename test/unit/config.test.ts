import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";

describe("configuration", () => {
  it("works with nothing set", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, databaseUrl: null, redisUrl: null, dataDir: resolve("data"), loadSamples: "auto", production: false });
  });

  it("finds the data folder in EMHUB_DATA_DIR", () => {
    expect(loadConfig({ EMHUB_DATA_DIR: "/var/lib/emhub" }).dataDir).toBe("/var/lib/emhub");
  });

  it("refuses a bad value, naming the variable", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ EMHUB_SYNC_INTERVAL_WEATHER: "60" })).toThrow(/WEATHER/);
  });
});
