/**
 * Bearer-token verification with jose. The unverified header and payload are
 * read only to refuse "none" early and to pick the issuer by `iss`; everything
 * else (signature, algorithm, audience, expiry) is checked by jwtVerify against
 * that issuer's configuration.
 */
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  importJWK,
  importSPKI,
  jwtVerify,
  type JWK,
  type JWTVerifyGetKey,
} from "jose";
import type { IssuerConfig, IssuersConfig } from "./config.js";
import { AccessConfigError, AuthError } from "./errors.js";
import type { Principal } from "./principal.js";
import { principalFromClaims } from "./token-claims.js";
import { authErrorFrom } from "./token-errors.js";

/** Seconds of clock skew accepted on exp and nbf. */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** Longer tokens are refused before any parsing. */
export const MAX_TOKEN_LENGTH = 16_384;

export interface TokenVerifier {
  /** The issuers this verifier trusts, by `iss`. */
  readonly issuers: readonly string[];
  /** Resolves to the token's principal or rejects with an AuthError. */
  verify(token: string): Promise<Principal>;
}

export interface TokenVerifierOptions {
  /** The development issuer (dev-issuer.ts) to trust as well; refused when NODE_ENV=production. */
  devIssuer?: { issuerConfig: IssuerConfig };
}

type KeyLike = Awaited<ReturnType<typeof importSPKI>> | Uint8Array;

function staticKeys(issuer: IssuerConfig): JWTVerifyGetKey {
  const byAlg = new Map<string, Promise<KeyLike>>();
  const jwk = issuer.publicJwk as JWK | undefined;
  return async (header) => {
    if (jwk?.kid !== undefined && header.kid !== undefined && header.kid !== jwk.kid) {
      throw new AuthError("unknown key id");
    }
    const alg = header.alg ?? "";
    let key = byAlg.get(alg);
    if (key === undefined) {
      key = jwk ? importJWK(jwk, alg) : importSPKI(issuer.publicKeyPem ?? "", alg);
      byAlg.set(alg, key);
    }
    return key;
  };
}

function keysFor(issuer: IssuerConfig): JWTVerifyGetKey {
  if (issuer.jwksUrl === undefined) return staticKeys(issuer);
  return createRemoteJWKSet(new URL(issuer.jwksUrl), {
    cooldownDuration: issuer.jwksCooldownSeconds * 1000,
    cacheMaxAge: issuer.jwksMaxAgeSeconds * 1000,
    timeoutDuration: 5000,
  });
}

function decodeUnverified(token: string): { alg: string; iss: string | undefined } {
  if (token.length > MAX_TOKEN_LENGTH) throw new AuthError("malformed token (too long)");
  try {
    const header = decodeProtectedHeader(token);
    if (typeof header.alg !== "string") throw new AuthError("malformed token (no algorithm)");
    if (header.alg.toLowerCase() === "none") throw new AuthError("token algorithm none is not accepted");
    const payload = decodeJwt(token);
    return { alg: header.alg, iss: payload.iss };
  } catch (error) {
    if (error instanceof AuthError) throw error;
    throw new AuthError("malformed token", { cause: error });
  }
}

export function createTokenVerifier(config: IssuersConfig, options: TokenVerifierOptions = {}): TokenVerifier {
  const issuers = [...config.issuers];
  if (options.devIssuer) {
    if (process.env.NODE_ENV === "production") {
      throw new AccessConfigError("the development issuer cannot be trusted when NODE_ENV=production");
    }
    issuers.push(options.devIssuer.issuerConfig);
  }
  const trusted = new Map<string, { config: IssuerConfig; keys: JWTVerifyGetKey }>();
  for (const issuer of issuers) {
    if (trusted.has(issuer.issuer)) throw new AccessConfigError(`issuer ${issuer.issuer} is configured twice`);
    trusted.set(issuer.issuer, { config: issuer, keys: keysFor(issuer) });
  }

  return {
    issuers: [...trusted.keys()],
    async verify(token: string): Promise<Principal> {
      const { alg, iss } = decodeUnverified(token.trim());
      const entry = iss === undefined ? undefined : trusted.get(iss);
      if (entry === undefined) throw new AuthError("unknown issuer");
      const { config: issuer, keys } = entry;
      if (!(issuer.algorithms as string[]).includes(alg)) {
        throw new AuthError(`token algorithm ${alg} is not accepted`);
      }
      try {
        const { payload } = await jwtVerify(token.trim(), keys, {
          issuer: issuer.issuer,
          audience: issuer.audience,
          algorithms: issuer.algorithms,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ["exp"],
        });
        return principalFromClaims(payload, issuer.claims, issuer.issuer);
      } catch (error) {
        throw authErrorFrom(error);
      }
    },
  };
}
