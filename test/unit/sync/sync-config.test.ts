import { describe, expect, it } from "vitest";
import { ALL_CONNECTORS } from "../../../connectors/index.js";
import { CONNECTOR_NAMES, envSuffix, loadSyncConfig } from "../../../src/config/sync-config.js";

describe("sync configuration", () => {
  it("knows every connector", () => {
    expect([...CONNECTOR_NAMES]).toEqual(ALL_CONNECTORS.map((c) => c.name));
    expect(envSuffix("natural-resources")).toBe("NATURAL_RESOURCES");
  });

  it("defaults to the sample feeds, meteorology every 5 min, water every 10, the others hourly", () => {
    const config = loadSyncConfig({});
    expect(Object.values(config.connectors).every((c) => c.sources === null)).toBe(true);
    expect(Object.fromEntries(Object.entries(config.connectors).map(([name, c]) => [name, c.intervalSeconds]))).toEqual({
      emergency: 3600,
      monitoring: 3600,
      water: 600,
      meteorology: 300,
      "natural-resources": 3600,
      transport: 3600,
      disaster: 3600,
    });
    expect(config.fetch).toEqual({ timeoutMs: 30_000, tries: 3, backoffMs: 1000, maxBytes: 20 * 1024 * 1024 });
  });

  it("reads sources (comma-separated) and intervals (0 = not scheduled) per connector", () => {
    const config = loadSyncConfig({
      EMHUB_SOURCE_NATURAL_RESOURCES: " https://dz.example/points.geojson , ./feeds/geo ",
      EMHUB_SYNC_INTERVAL_TRANSPORT: "0",
      EMHUB_SOURCE_TIMEOUT: "5",
      EMHUB_SOURCE_TRIES: "1",
    });
    expect(config.connectors["natural-resources"]!.sources).toEqual(["https://dz.example/points.geojson", "./feeds/geo"]);
    expect(config.connectors.transport!.intervalSeconds).toBe(0);
    expect(config.fetch).toMatchObject({ timeoutMs: 5000, tries: 1 });
  });

  it("names every bad variable, including a connector that does not exist", () => {
    expect(() => loadSyncConfig({ EMHUB_SYNC_INTERVAL_WATER: "-5", EMHUB_SOURCE_WATR: "x", EMHUB_SOURCE_TRIES: "0" })).toThrow(
      /EMHUB_SOURCE_WATR: no connector 'WATR'.*EMHUB_SYNC_INTERVAL_WATER: expected a whole number ≥ 0, got '-5'.*EMHUB_SOURCE_TRIES/,
    );
  });

  it("limits every connector to the hub's province unless its source is given a territory of its own", () => {
    const config = loadSyncConfig({ EMHUB_SOURCE_TERRITORY_WATER: "410200" });
    expect(config.province).toBe("41");
    expect(config.connectors.water!.territory).toBe("4102");
    expect(config.connectors.emergency!.territory).toBe("41");
    expect(loadSyncConfig({ EMHUB_PROVINCE: "110000" }).connectors.transport!.territory).toBe("11");
    expect(() => loadSyncConfig({ EMHUB_SOURCE_TERRITORY_WATER: "Kaifeng" })).toThrow(/EMHUB_SOURCE_TERRITORY_WATER: 'Kaifeng' is not a division code/);
    expect(() => loadSyncConfig({ EMHUB_SOURCE_TERRITORY_FIRE: "4102" })).toThrow(/no connector 'FIRE'/);
  });
});
