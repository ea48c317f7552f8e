/** Maps jose's verification errors to AuthErrors whose message says why the token was refused. */
import { errors } from "jose";
import { AuthError } from "./errors.js";

function claimFailure(error: errors.JWTClaimValidationFailed): string {
  switch (error.claim) {
    case "nbf":
      return error.reason === "check_failed" ? "token not yet valid" : "malformed token (nbf claim)";
    case "exp":
      return error.reason === "missing" ? "token has no expiry" : "malformed token (exp claim)";
    case "aud":
      return "audience mismatch";
    case "iss":
      return "issuer mismatch";
    case "iat":
      return "malformed token (iat claim)";
    default:
      return `claim ${error.claim} ${error.reason === "missing" ? "is missing" : "is invalid"}`;
  }
}

export function authErrorFrom(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  const cause = { cause: error };
  if (error instanceof errors.JWTExpired) return new AuthError("token expired", cause);
  if (error instanceof errors.JWTClaimValidationFailed) return new AuthError(claimFailure(error), cause);
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new AuthError("signature verification failed", cause);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new AuthError("token algorithm is not accepted", cause);
  if (error instanceof errors.JWKSNoMatchingKey) return new AuthError("unknown key id", cause);
  if (error instanceof errors.JWKSMultipleMatchingKeys) {
    return new AuthError("token names no key id and the issuer has several keys", cause);
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new AuthError("malformed token", cause);
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || (error instanceof errors.JOSEError && error.code === "ERR_JOSE_GENERIC")) {
    return new AuthError("issuer key set unavailable", cause);
  }
  if (error instanceof TypeError && error.message === "fetch failed") {
    return new AuthError("issuer key set unavailable", cause);
  }
  if (error instanceof errors.JOSENotSupported || error instanceof errors.JWKInvalid) {
    return new AuthError("token algorithm does not match the issuer key", cause);
  }
  return new AuthError("token could not be verified", cause);
}
