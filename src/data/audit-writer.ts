/**
 * Appends to the audit log. There is deliberately no update or delete here or
 * anywhere else: the log is append-only.
 */
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
