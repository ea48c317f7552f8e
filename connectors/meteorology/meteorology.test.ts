import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { divisionFromCpeasCode, parseCapReferences, signalTypeOf } from "../../src/core/cap.js";
import { DocumentError, type HubRecord, type ParseResult } from "../types.js";
import { meteorologyConnector } from "./index.js";

const sample = (name: string) => readFileSync(new URL(`./samples/${name}`, import.meta.url), "utf8");
const parse = (xml: string, name = "alerts.xml"): ParseResult => meteorologyConnector.parse({ name, body: Buffer.from(xml) });

/** The update sample as a bare <alert>, to be edited and wrapped in feeds. */
const UPDATE = sample("update-kaifeng-rainstorm-orange.xml").replace(/^<\?xml[^>]*>\s*/, "");
const CANCEL = sample("cancel-yindu-gale.xml").replace(/^<\?xml[^>]*>\s*/, "");
const feedOf = (...alerts: string[]) =>
  `<feed xmlns="http://www.w3.org/2005/Atom">${alerts.map((a) => `<entry><content type="application/cap+xml">${a}</content></entry>`).join("")}</feed>`;
const withId = (alert: string, id: string) => alert.replace(/<identifier>[^<]*<\/identifier>/, `<identifier>${id}</identifier>`);

const warning = (result: ParseResult, identifier: string): HubRecord =>
  result.records.find((r) => r.data.identifier === identifier)!;

describe("meteorology sample feed", () => {
  const result = parse(sample("feed-2026-07-20.xml"), "feed-2026-07-20.xml");

  it("maps all five alerts and is not a snapshot", () => {
    expect(result.rejected).toEqual([]);
    expect(result.records).toHaveLength(5);
    expect(result.records.every((r) => r.dataset === "warning")).toBe(true);
    expect(result.snapshotOf).toEqual([]);
  });

  it("maps the Kaifeng rainstorm warning: yellow, three regions, both languages", () => {
    const w = warning(result, "41020041600000_20260720060000");
    expect(w.sourceId).toBe("41020041600000/41020041600000_20260720060000");
    expect(w.data).toMatchObject({
      sender: "41020041600000",
      sent: "2026-07-19T22:00:00.000Z",
      msgType: "Alert",
      capStatus: "Actual",
      scope: "Public",
      references: [],
      event: "暴雨",
      type: "暴雨",
      level: "YELLOW",
      severity: "Moderate",
      urgency: "Expected",
      certainty: "Likely",
      headline: "开封市气象台发布暴雨黄色预警[Ⅲ级/较重]",
      headlineEn: "Kaifeng Meteorological Observatory issued a Yellow Rainstorm Warning [III/Moderate]",
      senderName: "开封市气象台",
      expires: "2026-07-20T10:00:00.000Z",
      status: "ACTIVE",
      regionCodes: ["410200", "410212", "410225"],
    });
    expect(w.supersedes).toBeUndefined();
    expect(w.children?.warningAreas).toEqual([
      {
        areaDesc: "开封市区、祥符区、兰考县",
        geocodes: ["410200000000", "410212000000", "410225000000"],
        polygons: ["34.700,114.200 34.700,114.900 34.900,114.900 34.900,114.200 34.700,114.200"],
        circles: [],
      },
    ]);
  });

  it("keeps a township geocode at 12 digits and reads circles", () => {
    const w = warning(result, "41010641600000_20260720071500");
    expect(w.data).toMatchObject({ level: "ORANGE", regionCodes: ["410106", "410106100000"], urgency: "Immediate" });
    expect(w.children?.warningAreas?.[1]).toMatchObject({ areaDesc: "峡窝镇", circles: ["34.772,113.313 6"] });
  });

  it("reads the signal types and accepts an identifier with a _N suffix", () => {
    const types = Object.fromEntries(result.records.map((r) => [r.data.identifier, `${r.data.type}/${r.data.level}`]));
    expect(types).toEqual({
      "41020041600000_20260712103000_1": "高温/ORANGE",
      "41020041600000_20260720060000": "暴雨/YELLOW",
      "41010641600000_20260720071500": "暴雨/ORANGE",
      "41050041600000_20260720081000": "大风/BLUE",
      "41050041600000_20260720153000": "雷电/YELLOW",
    });
  });
});

describe("meteorology update and cancel", () => {
  it("an Update supersedes the alert it references", () => {
    const result = parse(sample("update-kaifeng-rainstorm-orange.xml"));
    expect(result.records).toHaveLength(1);
    const [w] = result.records;
    expect(w!.data).toMatchObject({ msgType: "Update", level: "ORANGE", status: "ACTIVE" });
    expect(w!.supersedes).toEqual({
      references: ["41020041600000,41020041600000_20260720060000,2026-07-20T06:00:00+08:00"],
      cancel: false,
    });
  });

  it("a Cancel cancels the alert it references", () => {
    const [w] = parse(sample("cancel-yindu-gale.xml")).records;
    expect(w!.data).toMatchObject({ msgType: "Cancel", status: "CANCELLED", type: "大风", level: "BLUE" });
    expect(w!.supersedes).toEqual({
      references: ["41050041600000,41050041600000_20260720081000,2026-07-20T08:10:00+08:00"],
      cancel: true,
    });
  });
});

describe("meteorology bad alerts in a feed", () => {
  const good = withId(UPDATE, "good_1");

  const rejectedWith = (bad: string) => {
    const result = parse(feedOf(bad, good));
    expect(result.records.map((r) => r.data.identifier)).toEqual(["good_1"]);
    expect(result.rejected).toHaveLength(1);
    return result.rejected[0]!.reason;
  };

  it("rejects an invalid enum value and lets the other alert land", () => {
    expect(rejectedWith(UPDATE.replace("<severity>Severe</severity>", "<severity>Serious</severity>"))).toMatch(
      /^warning 41020041600000\/41020041600000_20260720113000: entry 1: info\[0\]\.severity Invalid option.*\(got 'Serious'\)$/,
    );
  });

  it("rejects an alert without identifier", () => {
    expect(rejectedWith(UPDATE.replace(/<identifier>[^<]*<\/identifier>/, ""))).toContain("identifier Invalid input");
  });

  it("rejects a severity that disagrees with the headline colour", () => {
    expect(rejectedWith(UPDATE.replace("<severity>Severe</severity>", "<severity>Moderate</severity>"))).toContain(
      "severity Moderate (YELLOW) disagrees with the colour in the headline (ORANGE)",
    );
  });

  it("stores an alert whose headline upgrades the colour at the colour it upgrades to", () => {
    const upgraded = withId(UPDATE, "41020041600000_upgrade").replace(/<headline>[^<]*暴雨橙色预警[^<]*<\/headline>/, "<headline>开封市气象台将暴雨预警由黄色预警升级为橙色预警[Ⅱ级/严重]</headline>");
    expect(upgraded).toContain("由黄色预警升级为橙色预警");
    const result = parse(upgraded);
    expect(result.rejected).toEqual([]);
    expect(warning(result, "41020041600000_upgrade").data.level).toBe("ORANGE");
  });

  it("reads a type and colour whoever issues them: the colours each issuer may use are the catalogue's (warningIssuers), checked when written", () => {
    const blueHeat = UPDATE.replace("<event>暴雨</event>", "<event>高温</event>")
      .replace("<severity>Severe</severity>", "<severity>Minor</severity>")
      .replace("暴雨橙色预警[Ⅱ级/严重]", "高温蓝色预警[Ⅳ级/一般]");
    const result = parse(withId(blueHeat, "41020041600000_blueheat"));
    expect(result.rejected).toEqual([]);
    expect(warning(result, "41020041600000_blueheat").data).toMatchObject({ type: "高温", level: "BLUE" });
  });

  it("rejects a geocode that is not 12 digits", () => {
    expect(rejectedWith(UPDATE.replace("<value>410200000000</value>", "<value>410200</value>"))).toContain(
      "geocode must be 12 digits, got '410200'",
    );
  });

  it("rejects a polygon in lon,lat order (outside China)", () => {
    const swapped = UPDATE.replace(/<polygon>[^<]*<\/polygon>/, "<polygon>114.2,34.7 114.9,34.7 114.9,34.9 114.2,34.7</polygon>");
    expect(rejectedWith(swapped)).toContain(`point '114.2,34.7' is not a "lat,lon" inside China`);
  });

  it("rejects an alert without a zh-CN block", () => {
    expect(rejectedWith(UPDATE.replace("<language>zh-CN</language>", "<language>zh-TW</language>"))).toContain(
      "info has no zh-CN block",
    );
  });

  it("rejects a sent time without offset", () => {
    expect(rejectedWith(UPDATE.replace("<sent>2026-07-20T11:30:00+08:00</sent>", "<sent>2026-07-20 11:30:00</sent>"))).toContain(
      "sent must be a date-time with offset",
    );
  });

  it("rejects an Update without references", () => {
    expect(rejectedWith(UPDATE.replace(/<references>[^<]*<\/references>/, ""))).toContain("msgType Update without references");
  });

  it("keeps the first of duplicate alerts", () => {
    const result = parse(feedOf(good, good.replace("<severity>Severe</severity>", "<severity>Moderate</severity>")));
    expect(result.records).toHaveLength(1);
    expect(result.rejected[0]!.reason).toContain("duplicate id");
  });

  it("rejects an entry whose content holds no alert", () => {
    const result = parse(feedOf(CANCEL).replace("</feed>", "<entry><content>见附件</content></entry></feed>"));
    expect(result.records).toHaveLength(1);
    expect(result.rejected[0]!.reason).toBe("warning (no id): entry 2: no CAP <alert> in the entry content");
  });
});

describe("meteorology documents", () => {
  it("throws DocumentError for malformed XML", () => {
    expect(() => parse(UPDATE.replace("</scope>", "</scop>"))).toThrow(DocumentError);
    expect(() => parse(UPDATE.replace("</scope>", "</scop>"))).toThrow(/malformed XML at line \d+/);
  });

  it("throws DocumentError for XML that is not CAP 1.2", () => {
    expect(() => parse("<rss><channel/></rss>")).toThrow(/neither a CAP <alert> nor an Atom <feed>/);
    expect(() => parse(UPDATE.replace("cap:1.2", "cap:1.1"))).toThrow(/not CAP 1.2/);
  });

  it("returns nothing for an empty feed", () => {
    expect(parse(feedOf())).toEqual({ records: [], rejected: [], snapshotOf: [] });
  });

  it("checks the namespace of the alert itself, not any mention of CAP 1.2 in the text", () => {
    const cap11 = UPDATE.replace('xmlns="urn:oasis:names:tc:emergency:cap:1.2"', 'xmlns="urn:oasis:names:tc:emergency:cap:1.1"');
    const mentioning = cap11.replace("<info>", "<!-- urn:oasis:names:tc:emergency:cap:1.2 --><info>");
    expect(() => parse(mentioning)).toThrow(/<alert> is in urn:oasis:names:tc:emergency:cap:1.1, not urn:oasis:names:tc:emergency:cap:1.2/);
    expect(() => parse(UPDATE.replace(' xmlns="urn:oasis:names:tc:emergency:cap:1.2"', ""))).toThrow(/<alert> is in no namespace/);
    const prefixed = UPDATE.replace('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"', '<cap:alert xmlns:cap="urn:oasis:names:tc:emergency:cap:1.2"').replace(/<\/alert>\s*$/, "</cap:alert>");
    expect(parse(prefixed).records).toHaveLength(1);
  });

  it("decodes the encoding the XML declaration names, and refuses bytes that are not in it", () => {
    const xml = `<?xml version="1.0" encoding="GB2312"?>\n${UPDATE}`;
    const result = meteorologyConnector.parse({ name: "gb.xml", body: iconv.encode(xml, "gb2312") });
    expect(result.rejected).toEqual([]);
    expect(result.records[0]!.data.headline).toMatch(/^开封市气象台/);
    expect(() => meteorologyConnector.parse({ name: "gb.xml", body: Buffer.from(xml) })).toThrow(/not valid GB2312/);
    expect(() => parse(`<?xml version="1.0" encoding="x-klingon"?>\n${UPDATE}`)).toThrow(/encoding="x-klingon", which the hub cannot decode/);
  });

  it("refuses a DOCTYPE, whatever its entities, as a document error", () => {
    const withDoctype = (dtd: string) => `<?xml version="1.0"?><!DOCTYPE alert [${dtd}]>${UPDATE}`;
    for (const dtd of ['<!ENTITY x SYSTEM "file:///etc/passwd">', '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">', '<!ENTITY % p "x">']) {
      expect(() => parse(withDoctype(dtd))).toThrow(DocumentError);
      expect(() => parse(withDoctype(dtd))).toThrow(/\(<!DOCTYPE>\) is not allowed/);
    }
  });

  it("rejects an alert whose texts are longer than a warning's, and refuses a document larger than a feed", () => {
    const long = withId(UPDATE, "41020041600000_LONG").replace(/<description>[^<]*<\/description>/, `<description>${"暴".repeat(4001)}</description>`);
    const result = parse(feedOf(long, CANCEL));
    expect(result.records).toHaveLength(1);
    expect(result.rejected[0]!.reason).toMatch(/info\[0\]\.description is longer than 4000 characters/);
    expect(() => parse(UPDATE.replace("<info>", `<!--${"x".repeat(4 * 1024 * 1024)}--><info>`))).toThrow(/more than the 4194304 a CAP document may have/);
  });

  it("refuses deep nesting before parsing it", () => {
    const deep = UPDATE.replace("<info>", `${"<x>".repeat(20_000)}${"</x>".repeat(20_000)}<info>`);
    expect(() => parse(deep)).toThrow(/nested deeper than 32 levels/);
  });

  it("rejects an alert holding an undefined entity, naming where, and keeps the others", () => {
    const bad = withId(UPDATE, "41020041600000_20260720150000_lol").replace(/<headline>/, "<headline>&lol9;");
    const result = parse(feedOf(bad, CANCEL));
    expect(result.records).toHaveLength(1);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.reason).toMatch(/info\[0\]\.headline holds the undefined entity &lol9;/);
  });
});

describe("CAP helpers", () => {
  it("parses references, CPEAS geocodes and signal types", () => {
    expect(parseCapReferences("a,b,2026-07-20T06:00:00+08:00 c,d,2026-07-20T07:00:00+08:00")).toEqual({
      ok: true,
      references: [
        { sender: "a", identifier: "b", sent: "2026-07-20T06:00:00+08:00" },
        { sender: "c", identifier: "d", sent: "2026-07-20T07:00:00+08:00" },
      ],
    });
    expect(parseCapReferences("a,b").ok).toBe(false);
    expect(divisionFromCpeasCode("410106000000")).toEqual({ ok: true, code: "410106" });
    expect(divisionFromCpeasCode("410106001000")).toEqual({ ok: true, code: "410106001000" });
    expect(divisionFromCpeasCode("0041061").ok).toBe(false);
    expect(signalTypeOf("安阳市气象台发布沙尘暴黄色预警")).toBe("沙尘暴");
    expect(signalTypeOf("暴雨转暴雪")).toBe("暴雨");
    expect(signalTypeOf("森林火险")).toBeNull();
  });
});
