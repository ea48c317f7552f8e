/**
 * Appends to the audit log. There is deliberately no update or delete here or
 * anywhere else: the log is append-only.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "./database.js";

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
export async function appendAuditForRecords(
  prisma: Pick<Prisma, "$executeRawUnsafe">,
  entry: Omit<AuditWrite, "recordId">,
  recordIds: readonly string[],
): Promise<void> {
  if (recordIds.length === 0) return;
  await prisma.$executeRawUnsafe(
    `INSERT INTO "AuditEntry" ("id", "requestId", "subject", "department", "roles", "action", "dataset", "recordId", "fields")
     SELECT u.id, $1, $2, $3, $4::text[], $5, $6, u.record_id, $7::text[] FROM unnest($8::text[], $9::text[]) AS u(id, record_id)`,
    entry.requestId,
    entry.subject,
    entry.department,
    entry.roles,
    entry.action,
    entry.dataset,
    entry.fields,
    recordIds.map(() => randomUUID()),
    recordIds,
  );
}
