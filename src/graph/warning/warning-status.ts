/** A warning's status as shown: a stored ACTIVE warning past its expiry reads EXPIRED. */
import { warningInForceWhere } from "../../data/scope-where.js";

export function warningStatus(row: { status: unknown; expires: unknown }, now: Date): string {
  if (row.status !== "ACTIVE") return row.status as string;
  return row.expires instanceof Date && row.expires.getTime() <= now.getTime() ? "EXPIRED" : "ACTIVE";
}

/** Prisma `where` for the warnings a status filter selects. */
export function warningStatusWhere(status: string, now: Date): Record<string, unknown> {
  if (status === "ACTIVE") return warningInForceWhere(now);
  if (status === "EXPIRED") return { status: "ACTIVE", expires: { lte: now } };
  return { status };
}
