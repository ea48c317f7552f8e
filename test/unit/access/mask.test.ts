import { describe, expect, it } from "vitest";
import { maskIdNumber, maskName, maskPhone, maskValue } from "../../../src/access/index.js";

describe("maskPhone", () => {
  it.each([
    ["13812341234", "138****1234"],
    ["+86 138 1234 1234", "+86 138****1234"],
    ["0371-68812345", "0371-****2345"],
    ["(0371)68812345", "(0371)****2345"],
    ["0378-2345678", "0378-****5678"],
    ["68812345", "****2345"],
    ["12350", "****50"],
    ["110", "****"],
  ])("%s → %s", (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});

describe("maskName", () => {
  it.each([
    ["张三丰", "张**"],
    ["王五", "王*"],
    ["欧阳娜娜", "欧***"],
    ["李", "*"],
  ])("%s → %s", (input, masked) => {
    expect(maskName(input)).toBe(masked);
  });
});

describe("maskIdNumber", () => {
  it("keeps the first 6 and the last 4 characters", () => {
    expect(maskIdNumber("41010219900307123X")).toBe("410102********123X");
    expect(maskIdNumber("410102900307123")).toBe("410102********7123");
  });
});

describe("maskValue", () => {
  it("masks by the method the catalogue declares", () => {
    expect(maskValue("name", "张三丰")).toBe("张**");
    expect(maskValue("phone", "13812341234")).toBe("138****1234");
    expect(maskValue("phone", "0371-68812345")).toBe("0371-****2345");
    expect(maskValue("idNumber", "41010219900307123X")).toBe("410102********123X");
    expect(maskValue("address", "郑州市上街区中心路12号")).toBe("郑州市上街区****");
    expect(maskValue("text", "张三 13812341234 家住中心路")).toBe("****");
  });

  it("never shows a name field's content whole, whatever it holds", () => {
    expect(maskValue("name", "13812341234")).toBe("1****");
    expect(maskValue("name", "王五")).toBe("王*");
  });

  it("keeps null and empty values, masks lists item by item", () => {
    expect(maskValue("phone", null)).toBeNull();
    expect(maskValue("phone", undefined)).toBeUndefined();
    expect(maskValue("name", "")).toBe("");
    expect(maskValue("phone", ["13812341234", "13912345678"])).toEqual(["138****1234", "139****5678"]);
  });
});
