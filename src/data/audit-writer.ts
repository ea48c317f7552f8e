/**
 * Appends to the audit log. There is deliberately no update or delete here or
 * anywhere else: the log is append-only.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "./database.js";
import type { SqlRunner } from "./sql.js";
import { sql } from "./sql-text.js";

export interface AuditWrite {
  requestId: string;
  subject: string;
  department: string | null;
  roles: string[];
  action: "READ_PERSONAL" | "MUTATION";
  dataset: string;
  recordId: string | null;
  fields: string[];
}

/** `prisma` may be a transaction client, so that an entry commits (or not) with the change it records. */
export async function appendAudit(prisma: Pick<Prisma, "auditEntry">, entries: AuditWrite[]): Promise<void> {
  if (entries.length > 0) await prisma.auditEntry.createMany({ data: entries });
}

/**
 * The same entry for many records at once (a sweep such as the overdue check):
 * one statement however many records, in the caller's transaction.
 */
export async function appendAuditForRecords(query: SqlRunner, entry: Omit<AuditWrite, "recordId">, recordIds: readonly string[]): Promise<void> {
  if (recordIds.length === 0) return;
  const ids = recordIds.map(() => randomUUID());
  await query(
    sql`INSERT INTO "AuditEntry" ("id", "requestId", "subject", "department", "roles", "action", "dataset", "recordId", "fields")
        SELECT u.id, ${entry.requestId}, ${entry.subject}, ${entry.department}, ${entry.roles}::text[], ${entry.action}, ${entry.dataset}, u.record_id, ${entry.fields}::text[]
          FROM unnest(${ids}::text[], ${recordIds}::text[]) AS u(id, record_id)`,
  );
}
