import { describe, expect, it } from "vitest";
import { actsFor, AUTHORITIES, authoritiesWithin, authorityOf, isAbove, resolveAuthority } from "../../../src/core/authority.js";

describe("the reference list of supervising authorities", () => {
  it("names each body of each territory as it is called", () => {
    expect(resolveAuthority("EMERGENCY@410000")!.name).toBe("河南省应急管理厅");
    expect(resolveAuthority("WATER@410000")!.name).toBe("河南省水利厅");
    expect(resolveAuthority("EMERGENCY@410200")!.name).toBe("开封市应急管理局");
    expect(resolveAuthority("EMERGENCY@410106")!.name).toBe("上街区应急管理局");
    expect(resolveAuthority("FIRE_RESCUE@410200")!.name).toBe("开封市消防救援支队");
    expect(resolveAuthority("FIRE_RESCUE@410106")!.name).toBe("上街区消防救援大队");
    expect(resolveAuthority("SAFETY_COMMITTEE@410200")!.name).toBe("开封市安全生产委员会办公室");
    expect(resolveAuthority("HOUSING@410205")!.name).toBe("禹王台区住房和城乡建设局");
  });

  it("matches codes in any case and width, and names and their usual short forms exactly", () => {
    expect(resolveAuthority(" emergency@4102 ")!.code).toBe("EMERGENCY@410200");
    expect(resolveAuthority("省水利厅")!.code).toBe("WATER@410000");
    expect(resolveAuthority("河南省应急管理厅")!.code).toBe("EMERGENCY@410000");
    expect(resolveAuthority("开封市安委办")!.code).toBe("SAFETY_COMMITTEE@410200");
    expect(resolveAuthority("郑州市上街区应急管理局")!.code).toBe("EMERGENCY@410106");
    expect(resolveAuthority("安阳市交通运输局")).toMatchObject({ code: "TRANSPORT@410500", department: "TRANSPORT" });
  });

  it("knows nothing else", () => {
    for (const text of ["火星应急管理局", "EMERGENCY@990000", "POLICE@410200", "EMERGENCY@123", "应急管理局", "开封应急管理局"]) {
      expect(resolveAuthority(text), text).toBeNull();
    }
    expect(resolveAuthority(" 开封市应急管理局 ")!.code).toBe("EMERGENCY@410200"); // only surrounding spaces are forgiven
  });

  it("has one entry per body and territory, every name unique", () => {
    const names = AUTHORITIES.flatMap((a) => [a.name, ...a.aliases]);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(AUTHORITIES.map((a) => a.code)).size).toBe(AUTHORITIES.length);
    expect(authoritiesWithin("410106").every((a) => a.division === "410106")).toBe(true);
  });

  it("says who acts for an authority, and which territories are above it", () => {
    const kaifeng = resolveAuthority("EMERGENCY@410200")!;
    expect(actsFor(kaifeng, "EMERGENCY", "4102")).toBe(true);
    expect(actsFor(kaifeng, "EMERGENCY", "41")).toBe(false);
    expect(actsFor(kaifeng, "HOUSING", "4102")).toBe(false);
    expect(actsFor(resolveAuthority("开封市安委办")!, "EMERGENCY", "4102")).toBe(true);
    expect(isAbove("41", kaifeng)).toBe(true);
    expect(isAbove("4102", kaifeng)).toBe(false);
    expect(isAbove("4101", kaifeng)).toBe(false);
    expect(isAbove("41", resolveAuthority("EMERGENCY@410000")!)).toBe(false);
    expect(authorityOf("EMERGENCY", "4102")).toBe(kaifeng);
    expect(authorityOf(null, "4102")).toBeNull();
  });
});
