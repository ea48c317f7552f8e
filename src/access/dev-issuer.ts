/**
 * The development issuer: outside production the hub signs its own tokens
 * (`emhub token`) with an ES256 key kept in the data folder, and trusts them.
 * The key file is created once (mode 0600) and reused afterwards.
 */
import { randomUUID } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from "jose";
import { IssuerSchema, type IssuerConfig } from "./config.js";
import { AccessConfigError } from "./errors.js";
import type { Department, Role } from "./principal.js";

export const DEV_ISSUER = "emhub-dev";
export const DEV_AUDIENCE = "emhub";
export const DEV_KEY_FILE = "dev-issuer.jwk.json";

export interface DevTokenRequest {
  /** Default "dev". */
  subject?: string;
  department: Department | null;
  roles: Role[];
  /** Division code of the territory, e.g. "410106". */
  region?: string;
  /** Unified social credit code, for ENTERPRISE tokens. */
  enterprise?: string;
  /** Lifetime as jose accepts it: "8h", "30m", "2 days". Default "8h". */
  ttl?: string;
}

export interface DevIssuer {
  issuerConfig: IssuerConfig;
  keyFile: string;
  kid: string;
  signToken(request: DevTokenRequest): Promise<string>;
}

interface KeyFile {
  kid: string;
  createdAt: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

async function createKeyFile(path: string): Promise<void> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const content: KeyFile = {
    kid,
    createdAt: new Date().toISOString(),
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: "ES256", use: "sig" },
    publicJwk: { ...publicJwk, kid, alg: "ES256", use: "sig" },
  };
  // Written aside, then linked into place: linking fails if another process got there first.
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(temp, 0o600);
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(temp);
  }
}

function readKeyFile(path: string): KeyFile {
  if (process.platform !== "win32" && (statSync(path).mode & 0o077) !== 0) {
    throw new AccessConfigError(`${path} is readable by other users; run chmod 600 on it`);
  }
  const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<KeyFile>;
  if (!parsed.kid || !parsed.privateJwk?.d || !parsed.publicJwk || parsed.publicJwk.d !== undefined) {
    throw new AccessConfigError(`${path} is not a development issuer key file; delete it to create a new one`);
  }
  return parsed as KeyFile;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Loads the development issuer's key from `dir`, creating it on first use. Refused in production. */
/** The development issuer whose key lives in `dir` (the hub's data folder, config.dataDir). */
export async function loadOrCreateDevIssuer(dir: string): Promise<DevIssuer> {
  if (process.env.NODE_ENV === "production") {
    throw new AccessConfigError("the development issuer is disabled when NODE_ENV=production");
  }
  const keyFile = join(dir, DEV_KEY_FILE);
  if (!exists(keyFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    await createKeyFile(keyFile);
  }
  const { kid, privateJwk, publicJwk } = readKeyFile(keyFile);
  const privateKey = await importJWK(privateJwk, "ES256");
  const issuerConfig = IssuerSchema.parse({
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    algorithms: ["ES256"],
    publicJwk,
  });
  const { claims } = issuerConfig;

  async function signToken(request: DevTokenRequest): Promise<string> {
    const body: Record<string, unknown> = { [claims.roles]: request.roles };
    if (request.department) body[claims.department] = request.department;
    if (request.region) body[claims.territory] = request.region;
    if (request.enterprise) body[claims.enterprise] = request.enterprise;
    return new SignJWT(body)
      .setProtectedHeader({ alg: "ES256", kid, typ: "JWT" })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setSubject(request.subject ?? "dev")
      .setIssuedAt()
      .setExpirationTime(request.ttl ?? "8h")
      .setJti(randomUUID())
      .sign(privateKey);
  }

  return { issuerConfig, keyFile, kid, signToken };
}
