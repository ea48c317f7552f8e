import { describe, expect, it } from "vitest";
import {
  divisionLevel,
  divisionLineage,
  divisionPrefix,
  isWithinDivision,
  normaliseDivisionCode,
  parentDivision,
  parseDivisionPrefix,
} from "../../../src/core/division.js";

describe("division codes (GB/T 2260)", () => {
  it.each([
    ["41", "410000", "41"],
    ["4102", "410200", "4102"],
    ["410200", "410200", "4102"],
    ["410106", "410106", "410106"],
    ["410106001", "410106001000", "410106001"],
    ["410106001000", "410106001000", "410106001"],
    ["410106000000", "410106000000", "410106"],
  ])("%s normalises to %s with prefix %s", (input, full, prefix) => {
    expect(normaliseDivisionCode(input)).toEqual({ ok: true, code: full });
    expect(divisionPrefix(full)).toBe(prefix);
    expect(parseDivisionPrefix(input)).toEqual({ ok: true, code: prefix });
  });

  it.each(["41x", "4", "41020", "00", "", "4102000"])("refuses %j", (input) => {
    expect(normaliseDivisionCode(input).ok).toBe(false);
  });

  it("tests territory by prefix: 上街 is in 郑州, not in 开封", () => {
    expect(isWithinDivision("410106", "4101")).toBe(true);
    expect(isWithinDivision("410106", "410100")).toBe(true);
    expect(isWithinDivision("410106", "4102")).toBe(false);
    expect(isWithinDivision("410106001000", "410106")).toBe(true);
    expect(isWithinDivision("410200", "410202")).toBe(false);
    expect(isWithinDivision("410202", "41")).toBe(true);
  });

  it("knows levels, parents and lineage", () => {
    expect(divisionLevel("410000")).toBe("PROVINCE");
    expect(divisionLevel("410200")).toBe("CITY");
    expect(divisionLevel("410225")).toBe("COUNTY");
    expect(divisionLevel("410106100000")).toBe("TOWNSHIP");
    expect(parentDivision("410106")).toBe("410100");
    expect(parentDivision("410106100000")).toBe("410106");
    expect(parentDivision("410000")).toBeNull();
    expect(divisionLineage("410106001000")).toEqual(["410000", "410100", "410106", "410106001000"]);
  });
});
