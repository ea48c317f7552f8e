import { describe, expect, it } from "vitest";
import { authorityOf, isSameAuthority, parseAuthority } from "../../../src/graph/hazard/authority.js";

describe("supervising authorities", () => {
  it("writes a department and a territory as DEPARTMENT@division", () => {
    expect(authorityOf("EMERGENCY", "4102")).toBe("EMERGENCY@410200");
    expect(authorityOf("EMERGENCY", "410106001")).toBe("EMERGENCY@410106001000");
    expect(authorityOf(null, "4102")).toBeNull();
    expect(authorityOf("EMERGENCY", "")).toBeNull();
  });

  it("normalises a given authority and keeps names as written", () => {
    expect(parseAuthority(" emergency@4102 ")).toEqual({ ok: true, authority: "EMERGENCY@410200" });
    expect(parseAuthority("开封市应急管理局")).toEqual({ ok: true, authority: "开封市应急管理局" });
    expect(parseAuthority("POLICE@410200")).toMatchObject({ ok: false });
    expect(parseAuthority("EMERGENCY@123")).toMatchObject({ ok: false });
  });

  it("matches the holder's own department and territory only", () => {
    const kaifeng = { department: "EMERGENCY" as const, territory: "4102", territoryName: "开封市" };
    expect(isSameAuthority("EMERGENCY@410200", kaifeng)).toBe(true);
    expect(isSameAuthority("EMERGENCY@410000", kaifeng)).toBe(false);
    expect(isSameAuthority("HOUSING@410200", kaifeng)).toBe(false);
    expect(isSameAuthority("开封市应急管理局", kaifeng)).toBe(true);
    expect(isSameAuthority("兰考县应急管理局", kaifeng)).toBe(false);
    expect(isSameAuthority("郑州市上街区应急管理局", { department: "EMERGENCY", territory: "410106", territoryName: "上街区" })).toBe(true);
    expect(isSameAuthority("EMERGENCY@410200", { department: null, territory: "4102" })).toBe(false);
  });
});
