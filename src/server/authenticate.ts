/**
 * Who is calling: a bearer token (HTTP Authorization header, or graphql-ws
 * connectionParams) verified against the configured issuers, plus the
 * development issuer outside production. No token: the anonymous principal.
 */
import { ANONYMOUS, AuthError, createTokenVerifier, loadIssuersConfig, loadOrCreateDevIssuer, type Principal, type TokenVerifier } from "../access/index.js";
import type { HubConfig } from "../config/config.js";
import { log } from "../log.js";

export interface Authenticator {
  /** The principal for a raw Authorization value ("Bearer …") or bare token; rejects with AuthError. */
  authenticate(credentials: string | undefined | null): Promise<Principal>;
}

export async function createAuthenticator(config: HubConfig, env: NodeJS.ProcessEnv = process.env): Promise<Authenticator> {
  const issuers = loadIssuersConfig(env);
  if (config.production && issuers.issuers.length === 0) {
    log.warn(
      "NO TOKEN ISSUER IS CONFIGURED: in production the development issuer is off, so every caller is anonymous and reads only public fields. Set EMHUB_ISSUERS or EMHUB_ISSUERS_FILE (README, Access).",
    );
  }
  const devIssuer = config.production ? undefined : await loadOrCreateDevIssuer(config.dataDir);
  const verifier: TokenVerifier = createTokenVerifier(issuers, { devIssuer });
  return {
    async authenticate(credentials) {
      const token = bearerToken(credentials);
      return token === null ? ANONYMOUS : verifier.verify(token);
    },
  };
}

/** The token of "Bearer <token>" or a bare token; null when none is given. */
export function bearerToken(credentials: string | undefined | null): string | null {
  const value = credentials?.trim();
  if (!value) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  if (match) return match[1]!;
  if (/\s/.test(value)) throw new AuthError("malformed Authorization header (expected 'Bearer <token>')");
  return value;
}

/** The credentials a graphql-ws client sends in connectionParams: { authorization } or { token }. */
export function credentialsFromConnectionParams(params: Record<string, unknown> | undefined): string | null {
  const value = params?.authorization ?? params?.Authorization ?? params?.token;
  return typeof value === "string" ? value : null;
}
