import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { base64url, exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AuthError, createTokenVerifier, parseIssuersConfig, type TokenVerifier } from "../../../src/access/index.js";

const IDP = "https://idp.emergency.henan.test";
const STATIC = "https://water.henan.test";
const CREDIT_CODE = "91410106MA44ABCD16";

interface Key { kid: string; privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK }

async function makeKey(alg = "ES256"): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, publicKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } };
}

/** A JWKS endpoint on a random loopback port that counts how often it is fetched. */
const jwks = { keys: [] as JWK[], fetches: 0, server: undefined as Server | undefined, url: "" };

let current: Key;
let staticKey: Key & { pem: string };
let verifier: TokenVerifier;

async function sign(claims: JWTPayload, options: { key?: Key; kid?: string; alg?: string; iss?: string; aud?: string; exp?: number | string } = {}): Promise<string> {
  const key = options.key ?? current;
  const jwt = new SignJWT({ sub: "li.na", dept: "EMERGENCY", roles: ["SUPERVISOR"], region: "410106", ...claims })
    .setProtectedHeader({ alg: options.alg ?? "ES256", kid: options.kid ?? key.kid, typ: "JWT" })
    .setIssuer(options.iss ?? IDP)
    .setAudience(options.aud ?? "emhub")
    .setIssuedAt()
    .setExpirationTime(options.exp ?? "1h");
  return jwt.sign(key.privateKey);
}

async function refusal(token: string, v: TokenVerifier = verifier): Promise<string> {
  const error = await v.verify(token).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AuthError);
  expect((error as AuthError).code).toBe("UNAUTHENTICATED");
  return (error as AuthError).message;
}

const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  current = await makeKey();
  jwks.keys = [current.publicJwk];
  jwks.server = createServer((req, res) => {
    if (req.url !== "/.well-known/jwks.json") return void res.writeHead(404).end();
    jwks.fetches++;
    res.writeHead(200, { "content-type": "application/jwk-set+json" }).end(JSON.stringify({ keys: jwks.keys }));
  });
  await new Promise<void>((done) => jwks.server!.listen(0, "127.0.0.1", done));
  jwks.url = `http://127.0.0.1:${(jwks.server.address() as AddressInfo).port}/.well-known/jwks.json`;

  const rsa = await makeKey("RS256");
  staticKey = { ...rsa, pem: await exportSPKI(rsa.publicKey) };

  verifier = createTokenVerifier(
    parseIssuersConfig({
      issuers: [
        { issuer: IDP, audience: "emhub", jwksUrl: jwks.url },
        { issuer: STATIC, audience: ["emhub", "other"], algorithms: ["RS256"], publicKeyPem: staticKey.pem, claims: { department: "department", territory: "adcd" } },
      ],
    }),
  );
});

afterAll(async () => {
  await new Promise((done) => jwks.server?.close(done));
});

afterEach(() => {
  vi.useRealTimers();
});

describe("a valid token", () => {
  it("maps to a Principal", async () => {
    const token = await sign({ dept: "水利局", roles: ["SERVICE", "WIZARD", "analyst"], region: "410200", jti: "t-1" });
    const principal = await verifier.verify(token);
    expect(principal).toMatchObject({
      subject: "li.na", department: "WATER", roles: ["SERVICE", "ANALYST"], territory: "4102",
      enterpriseCode: null, anonymous: false, issuer: IDP, tokenId: "t-1",
    });
    expect(Math.abs(principal.expiresAt!.getTime() - (now() + 3600) * 1000)).toBeLessThan(5000);
  });

  it("is accepted within 30 s of clock skew", async () => {
    expect((await verifier.verify(await sign({}, { exp: now() - 10 }))).subject).toBe("li.na");
  });

  it("from a static-key issuer, with its own claim names", async () => {
    const token = await sign({ department: "TRANSPORT", adcd: "410505", roles: "INSPECTOR SERVICE" }, { key: staticKey, alg: "RS256", iss: STATIC, aud: "other" });
    expect(await verifier.verify(token)).toMatchObject({ department: "TRANSPORT", territory: "410505", roles: ["INSPECTOR", "SERVICE"], issuer: STATIC });
  });

  it("for an enterprise takes its territory from the credit code", async () => {
    const token = await sign({ dept: undefined, roles: ["ENTERPRISE"], region: undefined, uscc: CREDIT_CODE.toLowerCase() });
    expect(await verifier.verify(token)).toMatchObject({ enterpriseCode: CREDIT_CODE, territory: "410106", department: null });
  });
});

describe("a refused token", () => {
  it("alg none", async () => {
    const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }));
    const payload = base64url.encode(JSON.stringify({ iss: IDP, aud: "emhub", sub: "x", roles: ["ADMIN"], exp: now() + 600 }));
    expect(await refusal(`${header}.${payload}.`)).toBe("token algorithm none is not accepted");
  });

  it("an algorithm the issuer does not use (HS256 with a shared secret)", async () => {
    const token = await new SignJWT({ sub: "x", region: "41" })
      .setProtectedHeader({ alg: "HS256", kid: current.kid })
      .setIssuer(IDP).setAudience("emhub").setExpirationTime("1h")
      .sign(new TextEncoder().encode("a-secret-that-is-long-enough-for-hs256!!"));
    expect(await refusal(token)).toBe("token algorithm HS256 is not accepted");
    expect(await refusal(await sign({}, { iss: STATIC }))).toBe("token algorithm ES256 is not accepted");
  });

  it("a forged signature (another key under the same kid)", async () => {
    const forger = await makeKey();
    expect(await refusal(await sign({ roles: ["ADMIN"] }, { key: forger, kid: current.kid }))).toBe("signature verification failed");
    // A genuine token whose payload was swapped for one granting ADMIN.
    const [header, , signature] = (await sign({})).split(".");
    const payload = base64url.encode(JSON.stringify({ iss: IDP, aud: "emhub", sub: "x", region: "41", roles: ["ADMIN"], exp: now() + 60 }));
    expect(await refusal(`${header}.${payload}.${signature}`)).toBe("signature verification failed");
  });

  it("expired, not yet valid, without expiry", async () => {
    expect(await refusal(await sign({}, { exp: now() - 120 }))).toBe("token expired");
    expect(await refusal(await sign({ nbf: now() + 300 }))).toBe("token not yet valid");
    const noExp = await new SignJWT({ sub: "x", region: "41" }).setProtectedHeader({ alg: "ES256", kid: current.kid }).setIssuer(IDP).setAudience("emhub").sign(current.privateKey);
    expect(await refusal(noExp)).toBe("token has no expiry");
  });

  it("wrong issuer, wrong audience, unknown kid, malformed", async () => {
    expect(await refusal(await sign({}, { iss: "https://evil.test" }))).toBe("unknown issuer");
    expect(await refusal(await sign({}, { aud: "someone-else" }))).toBe("audience mismatch");
    expect(await refusal(await sign({}, { kid: "no-such-key" }))).toBe("unknown key id");
    expect(await refusal("not.a.token")).toBe("malformed token");
    expect(await refusal("")).toBe("malformed token");
    expect(await refusal("x".repeat(20_000))).toMatch(/^malformed token/);
  });

  it("from an issuer whose key set cannot be fetched", async () => {
    const broken = createTokenVerifier(parseIssuersConfig({ issuers: [{ issuer: IDP, audience: "emhub", jwksUrl: jwks.url.replace("jwks.json", "gone.json") }] }));
    expect(await refusal(await sign({}), broken)).toBe("issuer key set unavailable");
  });

  it("claims that do not map to a principal", async () => {
    expect(await refusal(await sign({ dept: "FORESTRY" }))).toBe('department claim "FORESTRY" unknown');
    expect(await refusal(await sign({ region: "41A1" }))).toMatch(/^territory claim is not a division code/);
    expect(await refusal(await sign({ region: undefined }))).toBe("territory claim region is missing");
    expect(await refusal(await sign({ sub: undefined }))).toBe("subject claim sub is missing");
  });

  it("an enterprise token with a bad or missing credit code, or mixed with government roles", async () => {
    const enterprise = { dept: undefined, roles: ["ENTERPRISE"], region: undefined };
    expect(await refusal(await sign({ ...enterprise, uscc: "91410106MA44ABCD17" }))).toMatch(/^enterprise role requires a valid credit code claim \(check character/);
    expect(await refusal(await sign(enterprise))).toBe("enterprise role requires a valid credit code claim");
    expect(await refusal(await sign({ roles: ["ENTERPRISE", "SUPERVISOR"], uscc: CREDIT_CODE }))).toBe("enterprise role cannot be combined with other roles or a department");
  });
});

describe("JWKS key rotation", () => {
  it("fetches the key set again for a new kid, and at most once per cooldown", async () => {
    vi.setSystemTime(new Date());
    const rotating = createTokenVerifier(parseIssuersConfig({ issuers: [{ issuer: IDP, audience: "emhub", jwksUrl: jwks.url }] }));
    const before = jwks.fetches;
    await rotating.verify(await sign({}));
    expect(jwks.fetches - before).toBe(1);

    // A burst of unknown kids right after a fetch: refused without any request.
    const spray = () => Promise.all(Array.from({ length: 25 }, async () => refusal(await sign({}, { kid: randomUUID() }), rotating)));
    expect(new Set(await spray())).toEqual(new Set(["unknown key id"]));
    expect(jwks.fetches - before).toBe(1);

    // The IdP rotates to a new key; once the cooldown (30 s) is over, the new kid triggers one fetch.
    const previous = current;
    current = await makeKey();
    jwks.keys = [current.publicJwk];
    vi.setSystemTime(Date.now() + 31_000);
    expect((await rotating.verify(await sign({}))).subject).toBe("li.na");
    expect(jwks.fetches - before).toBe(2);
    expect(await refusal(await sign({}, { key: previous }), rotating)).toBe("unknown key id");

    // Another burst after the cooldown: the concurrent refetches collapse into one request.
    vi.setSystemTime(Date.now() + 31_000);
    expect(new Set(await spray())).toEqual(new Set(["unknown key id"]));
    expect(jwks.fetches - before).toBe(3);
    await spray();
    expect(jwks.fetches - before).toBe(3);
  });
});
