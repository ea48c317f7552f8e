import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AccessConfigError, loadIssuersConfig, parseIssuersConfig } from "../../../src/access/index.js";

const dir = mkdtempSync(join(tmpdir(), "emhub-issuers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const issuer = { issuer: "https://idp.henan.test", audience: "emhub", jwksUrl: "https://idp.henan.test/jwks" };

describe("issuer configuration", () => {
  it("fills in the defaults", () => {
    expect(parseIssuersConfig({ issuers: [issuer] }).issuers[0]).toEqual({
      ...issuer,
      algorithms: ["ES256", "RS256", "EdDSA"],
      jwksCooldownSeconds: 30,
      jwksMaxAgeSeconds: 600,
      claims: { subject: "sub", department: "dept", roles: "roles", territory: "region", enterprise: "uscc" },
    });
  });

  it("reads EMHUB_ISSUERS (JSON) before EMHUB_ISSUERS_FILE (YAML or JSON)", () => {
    const file = join(dir, "issuers.yaml");
    writeFileSync(file, `issuers:\n  - issuer: from-file\n    audience: emhub\n    jwksUrl: https://idp.henan.test/jwks\n    claims: { territory: adcd }\n`);
    expect(loadIssuersConfig({ EMHUB_ISSUERS_FILE: file }).issuers[0]).toMatchObject({ issuer: "from-file", claims: { territory: "adcd", subject: "sub" } });
    expect(loadIssuersConfig({ EMHUB_ISSUERS: JSON.stringify({ issuers: [issuer] }), EMHUB_ISSUERS_FILE: file }).issuers[0]!.issuer).toBe(issuer.issuer);
    expect(loadIssuersConfig({})).toEqual({ issuers: [] });
  });

  it("names the bad field", () => {
    const bad = (entry: object) => () => parseIssuersConfig({ issuers: [{ ...issuer, ...entry }] }, "EMHUB_ISSUERS");
    expect(bad({ algorithms: ["ES256", "HS256"] })).toThrow(/issuers\.0\.algorithms\.1: algorithm "HS256" is not accepted/);
    expect(bad({ algorithms: ["none"] })).toThrow(/algorithm "none" is not accepted/);
    expect(bad({ audience: undefined })).toThrow(/issuers\.0\.audience:/);
    expect(bad({ jwksUrl: "http://idp.henan.test/jwks" })).toThrow(/issuers\.0\.jwksUrl: must use https/);
    expect(bad({ publicKeyPem: "-----BEGIN PUBLIC KEY-----\n…" })).toThrow(/exactly one of jwksUrl, publicKeyPem, publicJwk is required, got 2/);
    expect(bad({ claims: { region: "adcd" } })).toThrow(/issuers\.0\.claims/);
    expect(bad({})).not.toThrow();
    expect(() => parseIssuersConfig({ issuers: [issuer, issuer] })).toThrow(/issuers\.1\.issuer: duplicate issuer/);
  });

  it("reports unreadable sources", () => {
    expect(() => loadIssuersConfig({ EMHUB_ISSUERS: "{not json" })).toThrow(AccessConfigError);
    expect(() => loadIssuersConfig({ EMHUB_ISSUERS_FILE: join(dir, "missing.yaml") })).toThrow(/cannot be read/);
  });
});
