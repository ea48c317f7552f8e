/**
 * Token refusals through the running hub, with a real JWKS served over HTTP by
 * the test (as an identity provider would), including key rotation.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { SheltersDocument } from "../generated/graphql.js";
import { startTestHub, type TestHub } from "../helpers/start-server.js";

const ISSUER = "https://idp.henan.test";
const AUDIENCE = "emhub-api";

let jwks: { keys: JWK[] } = { keys: [] };
let jwksFetches = 0;
let idp: http.Server;
let t: TestHub;
let keyA: { privateKey: CryptoKey; kid: string };

async function newKey(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  return { privateKey, kid, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" } };
}

function sign(key: { privateKey: CryptoKey; kid: string }, claims: Record<string, unknown> = {}, setup?: (jwt: SignJWT) => SignJWT) {
  let jwt = new SignJWT({ dept: "EMERGENCY", roles: ["SUPERVISOR"], region: "410000", ...claims })
    .setProtectedHeader({ alg: "ES256", kid: key.kid })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject("inspector-7")
    .setIssuedAt()
    .setExpirationTime("10m");
  if (setup) jwt = setup(jwt);
  return jwt.sign(key.privateKey);
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

beforeAll(async () => {
  const a = await newKey("key-a");
  keyA = a;
  jwks = { keys: [a.publicJwk] };
  idp = http.createServer((req, res) => {
    jwksFetches++;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => idp.listen(0, "127.0.0.1", resolve));
  const jwksUrl = `http://127.0.0.1:${(idp.address() as AddressInfo).port}/jwks.json`;
  process.env.EMHUB_ISSUERS = JSON.stringify({ issuers: [{ issuer: ISSUER, audience: AUDIENCE, algorithms: ["ES256"], jwksUrl, jwksCooldownSeconds: 1 }] });
  t = await startTestHub();
});

afterAll(async () => {
  delete process.env.EMHUB_ISSUERS;
  await t?.stop();
  idp?.close();
});

async function expectRefused(token: string, reason: RegExp) {
  const res = await t.request(SheltersDocument, { first: 1 }, token);
  expect(res.status).toBe(401);
  expect(res.data ?? null).toBeNull();
  expect(res.errors![0]!.extensions?.code).toBe("UNAUTHENTICATED");
  expect(res.errors![0]!.message).toMatch(reason);
}

describe("tokens from a configured issuer", () => {
  it("accepts a valid token and maps its claims", async () => {
    const res = await t.request(SheltersDocument, { first: 1 }, await sign(keyA));
    expect(res.errors).toBeUndefined();
    expect(res.data!.shelters.totalCount).toBeGreaterThan(0);
  });

  it("refuses alg none", async () => {
    const unsigned = `${b64({ alg: "none", typ: "JWT" })}.${b64({ iss: ISSUER, aud: AUDIENCE, sub: "x", exp: Math.floor(Date.now() / 1000) + 600, roles: ["ADMIN"] })}.`;
    await expectRefused(unsigned, /none/);
  });

  it("refuses an algorithm the issuer does not use (HS256)", async () => {
    const forged = await new SignJWT({ roles: ["ADMIN"] }).setProtectedHeader({ alg: "HS256", kid: "key-a" }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime("5m").sign(new TextEncoder().encode("a shared secret of 32 bytes or more!!"));
    await expectRefused(forged, /algorithm/i);
  });

  it("refuses a forged signature (another key under the same kid)", async () => {
    const attacker = await newKey("key-a");
    await expectRefused(await sign(attacker), /signature/i);
  });

  it("refuses an expired token, and one not yet valid", async () => {
    await expectRefused(await sign(keyA, {}, (jwt) => jwt.setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600)), /expired/i);
    await expectRefused(await sign(keyA, {}, (jwt) => jwt.setNotBefore(Math.floor(Date.now() / 1000) + 3600)), /not yet valid/i);
  });

  it("refuses a wrong audience and an unknown issuer", async () => {
    await expectRefused(await sign(keyA, {}, (jwt) => jwt.setAudience("another-api")), /audience/i);
    await expectRefused(await sign(keyA, {}, (jwt) => jwt.setIssuer("https://elsewhere.test")), /issuer/i);
  });

  it("refuses an unknown key id", async () => {
    const stranger = await newKey("key-unknown");
    await expectRefused(await sign(stranger), /key/i);
  });

  it("follows key rotation: a new kid makes it fetch the JWKS again", async () => {
    const b = await newKey("key-b");
    jwks = { keys: [b.publicJwk] };
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the 1 s refetch cooldown
    const before = jwksFetches;
    const res = await t.request(SheltersDocument, { first: 1 }, await sign(b));
    expect(res.errors).toBeUndefined();
    expect(jwksFetches).toBe(before + 1);
    // a burst of unknown kids within the cooldown does not hammer the JWKS
    const strangers = await Promise.all(Array.from({ length: 5 }, (_, i) => newKey(`spray-${i}`)));
    for (const s of strangers) await expectRefused(await sign(s), /key/i);
    expect(jwksFetches).toBeLessThanOrEqual(before + 2);
  });

  it("closes a WebSocket whose connection_init carries a bad token with 4403", async () => {
    const socket = new WebSocket(t.wsUrl, "graphql-transport-ws");
    const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: "Bearer not.a.token" } })));
    expect(await closed).toBe(4403);
  });
});
