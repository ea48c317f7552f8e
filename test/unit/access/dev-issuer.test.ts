import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  AccessConfigError,
  DEV_KEY_FILE,
  createTokenVerifier,
  loadOrCreateDevIssuer,
} from "../../../src/access/index.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "emhub-dev-issuer-"));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the development issuer", () => {
  it("creates its key file once, mode 0600, and reuses it", async () => {
    const dir = join(tempDir(), "nested", "data");
    const first = await loadOrCreateDevIssuer(dir);
    const file = join(dir, DEV_KEY_FILE);
    expect(first.keyFile).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const content = readFileSync(file, "utf8");

    const second = await loadOrCreateDevIssuer(dir);
    expect(second.kid).toBe(first.kid);
    expect(readFileSync(file, "utf8")).toBe(content);
    expect(second.issuerConfig).toMatchObject({ issuer: "emhub-dev", audience: "emhub", algorithms: ["ES256"] });
    expect(second.issuerConfig.publicJwk).not.toHaveProperty("d");
  });

  it("ends up with one key when two processes start at once", async () => {
    const dir = tempDir();
    const [a, b] = await Promise.all([loadOrCreateDevIssuer(dir), loadOrCreateDevIssuer(dir)]);
    expect(a.kid).toBe(b.kid);
  });

  it("signs tokens that the verifier accepts when the dev issuer is passed in", async () => {
    const dev = await loadOrCreateDevIssuer(tempDir());
    const verifier = createTokenVerifier({ issuers: [] }, { devIssuer: dev });
    const token = await dev.signToken({ subject: "zhang.wei", department: "EMERGENCY", roles: ["SUPERVISOR"], region: "410106", ttl: "30m" });
    const principal = await verifier.verify(token);
    expect(principal).toMatchObject({
      subject: "zhang.wei", department: "EMERGENCY", roles: ["SUPERVISOR"], territory: "410106",
      enterpriseCode: null, anonymous: false, issuer: "emhub-dev",
    });
    const minutes = (principal.expiresAt!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    expect(principal.tokenId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("signs enterprise tokens whose territory comes from the credit code", async () => {
    const dev = await loadOrCreateDevIssuer(tempDir());
    const verifier = createTokenVerifier({ issuers: [] }, { devIssuer: dev });
    const token = await dev.signToken({ department: null, roles: ["ENTERPRISE"], enterprise: "91410106MA44ABCD16" });
    expect(await verifier.verify(token)).toMatchObject({ subject: "dev", roles: ["ENTERPRISE"], enterpriseCode: "91410106MA44ABCD16", territory: "410106" });
  });

  it("is not trusted by a verifier that was not given it", async () => {
    const dev = await loadOrCreateDevIssuer(tempDir());
    const token = await dev.signToken({ department: "WATER", roles: ["SERVICE"], region: "41" });
    await expect(createTokenVerifier({ issuers: [] }).verify(token)).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "unknown issuer" });
  });

  it("refuses a key file other users can read", async () => {
    const dir = tempDir();
    const dev = await loadOrCreateDevIssuer(dir);
    chmodSync(dev.keyFile, 0o644);
    await expect(loadOrCreateDevIssuer(dir)).rejects.toThrow(/readable by other users/);
  });

  it("is disabled when NODE_ENV=production", async () => {
    const dev = await loadOrCreateDevIssuer(tempDir());
    vi.stubEnv("NODE_ENV", "production");
    const dir = tempDir();
    await expect(loadOrCreateDevIssuer(dir)).rejects.toThrow(AccessConfigError);
    await expect(loadOrCreateDevIssuer(dir)).rejects.toThrow(/disabled when NODE_ENV=production/);
    expect(existsSync(join(dir, DEV_KEY_FILE))).toBe(false);
    expect(() => createTokenVerifier({ issuers: [] }, { devIssuer: dev })).toThrow(/cannot be trusted/);
  });
});
