import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../../src/access/catalog.js";
import { CATALOG_FILE } from "../../../src/config/paths.js";
import { issuingRefusal } from "../../../src/core/warning-issuers.js";
import { SIGNAL_COLOURS } from "../../../src/core/warning-level.js";

const rules = loadCatalog(CATALOG_FILE).warningIssuers;

describe("who may issue which warnings (the catalogue's warningIssuers)", () => {
  it("gives meteorology the signals of 中国气象局令第16号 with their colours, and no other department any of them but drought", () => {
    for (const [type, colours] of Object.entries(SIGNAL_COLOURS)) expect(rules.METEOROLOGY!.types[type], type).toEqual(colours);
    for (const department of ["WATER", "NATURAL_RESOURCES", "EMERGENCY"]) {
      const shared = Object.keys(rules[department]!.types).filter((type) => type in SIGNAL_COLOURS);
      expect(shared, department).toEqual(department === "WATER" ? ["干旱"] : []);
    }
  });

  it("lets each department issue its own types in their colours, and says why not otherwise", () => {
    expect(issuingRefusal(rules, "WATER", "洪水", "BLUE")).toBeNull();
    expect(issuingRefusal(rules, "WATER", "暴雨", "RED")).toMatch(/^FORBIDDEN: WATER issues 洪水、枯水、干旱 warnings \(SL 758/);
    expect(issuingRefusal(rules, "METEOROLOGY", "干旱", "BLUE")).toMatch(/^干旱 has no BLUE \(蓝色\) warning: 橙色、红色 only/);
    expect(issuingRefusal(rules, "WATER", "干旱", "BLUE")).toBeNull();
    expect(issuingRefusal(rules, "NATURAL_RESOURCES", "地质灾害气象风险", "BLUE")).toMatch(/no BLUE/);
    expect(issuingRefusal(rules, "TRANSPORT", "道路结冰", "YELLOW")).toBe("FORBIDDEN: TRANSPORT issues no warnings (the catalogue's warningIssuers)");
  });
});
