/**
 * Whether an error means the database cannot be reached or cannot take the
 * work now (down, restarting, out of connections or disk), as opposed to a
 * fault of the request or of the hub: callers answer it with 503 and
 * Retry-After, so department systems retry instead of giving up on a 500.
 */

/** Seconds a client is asked to wait before it retries. */
export const RETRY_AFTER_SECONDS = 30;

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN", "ENOSPC"]);
/** Prisma's codes for: cannot reach, timed out, closed, no connection from the pool in time. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1011", "P1017", "P2024", "P2028"]);

/** The reason the database is unavailable, or null when `error` is something else. */
export function databaseUnavailable(error: unknown): string | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const { code, message } = current as Error & { code?: unknown };
    if (typeof code === "string") {
      if (NETWORK_CODES.has(code) || PRISMA_CODES.has(code)) return `${code}: ${message}`;
      // SQLSTATE: 08 connection exception, 53 insufficient resources (disk full, out of memory, too many connections), 57P0x shutting down
      if (/^(08|53)[0-9A-Z]{3}$|^57P0[1-4]$/.test(code)) return `${code}: ${message}`;
    }
    if (/Connection terminated|timeout exceeded when trying to connect|Unable to start a transaction in the given time|connect ECONNREFUSED|Can't reach database server|No space left on device/i.test(message)) {
      return message;
    }
  }
  return null;
}
