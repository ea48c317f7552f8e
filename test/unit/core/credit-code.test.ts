import { describe, expect, it } from "vitest";
import { creditCodeCheckChar, creditCodeDivision, validateCreditCode } from "../../../src/core/credit-code.js";

describe("unified social credit code (GB 32100-2015)", () => {
  it("accepts the standard's worked example", () => {
    expect(validateCreditCode("91350100M000100Y43")).toEqual({ ok: true, code: "91350100M000100Y43" });
    expect(creditCodeCheckChar("91350100M000100Y4")).toBe("3");
  });

  it("normalises case and spaces", () => {
    expect(validateCreditCode(" 91350100m000100y43 ")).toEqual({ ok: true, code: "91350100M000100Y43" });
  });

  it.each([
    ["91350100M000100Y44", /check character should be '3'/],
    ["91350100M000100Y4", /18 characters/],
    ["91350100M000100I43", /'I' is not allowed/],
    ["913501O0M000100Y43", /'O' is not allowed/],
    ["91ABCDEFM000100Y43", /division code/],
    ["not-a-code", /18 characters/],
  ])("refuses %s", (code, reason) => {
    const result = validateCreditCode(code);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it("computes a check character that a single-character change breaks", () => {
    const base = "91410200706000010";
    const code = base + creditCodeCheckChar(base);
    expect(validateCreditCode(code).ok).toBe(true);
    expect(validateCreditCode("91410200706000011" + code[17]).ok).toBe(false);
    expect(creditCodeDivision(code)).toBe("410200");
  });
});
