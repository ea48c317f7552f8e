import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalRecord, contentHash } from "../../../src/core/content-hash.js";

describe("contentHash", () => {
  it("keeps the hashes already stored: the canonical form is pinned", () => {
    const sample = {
      b: 1,
      a: "开封",
      c: [1, "x", null, undefined, { z: 1, y: new Date("2024-01-01T00:00:00Z") }],
      d: undefined,
      e: null,
      f: new Date("2026-07-20T06:00:00.123Z"),
      g: true,
      h: 3.14159,
      i: NaN,
      'k"q': 'a"b\n',
    };
    expect(contentHash(sample)).toBe("4bdb39dc65938bb06d3b5be57ea23cfed650ccb5");
    expect([contentHash({}), contentHash([]), contentHash(null), contentHash("s")]).toEqual([
      "bf21a9e8fbc5a3846fb05b4fa0859e0917b2202f",
      "97d170e1550eee4afc0af065b78cda302a97674c",
      "2be88ca4242c76e8253ac62474851065032d6833",
      "ba0a8fd98a1b3d0315416b5401cc3f8cdd762334",
    ]);
  });

  it("does not depend on key order and leaves undefined out", () => {
    expect(canonicalJson({ b: 2, a: 1, c: undefined })).toBe('{"a":1,"b":2}');
    expect(contentHash({ a: 1, b: [1, 2] })).toBe(contentHash({ b: [1, 2], a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
});

describe("canonicalRecord", () => {
  it("is the canonical JSON that contentHash hashes, with the keys that have a value", () => {
    const record = { b: 2, a: new Date("2026-01-01T00:00:00Z"), c: undefined, d: null };
    const { json, keys } = canonicalRecord(record);
    expect(json).toBe(canonicalJson(record));
    expect(JSON.parse(json)).toEqual({ a: "2026-01-01T00:00:00.000Z", b: 2, d: null });
    expect(keys).toEqual(["a", "b", "d"]);
  });
});
