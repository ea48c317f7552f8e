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

/**
 * Many entries in one statement, however many: the rows travel as one JSON
 * parameter (as in src/sync/bulk-write.ts), where Prisma's createMany would
 * build a query of one parameter per value.
 */
export async function appendAuditRows(query: SqlRunner, entries: readonly AuditWrite[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({ id: randomUUID(), ...entry }));
  await query(
    sql`INSERT INTO "AuditEntry" ("id", "requestId", "subject", "department", "roles", "action", "dataset", "recordId", "fields")
        SELECT "id", "requestId", "subject", "department", "roles", "action", "dataset", "recordId", "fields"
          FROM json_populate_recordset(NULL::"AuditEntry", ${JSON.stringify(rows)}::json)`,
  );
}

/**
 * Audit entries gathered for a moment and written together: a live result sent
 * to a thousand screens is a thousand entries, and twenty results a second
 * would otherwise be twenty statements. Entries wait at most `maxWaitMs`, or
 * until `maxEntries` wait; `flush` writes what waits (at shutdown).
 */
export function auditBatcher(write: (entries: AuditWrite[]) => Promise<void>, options: { maxWaitMs: number; maxEntries: number; onError: (error: unknown, entries: number) => void }) {
  let waiting: AuditWrite[] = [];
  let timer: NodeJS.Timeout | null = null;
  const inFlight = new Set<Promise<void>>();
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const entries = waiting;
    waiting = [];
    if (entries.length > 0) {
      const writing = write(entries)
        .catch((error: unknown) => options.onError(error, entries.length))
        .finally(() => inFlight.delete(writing));
      inFlight.add(writing);
    }
    return Promise.all(inFlight).then(() => undefined);
  };
  return {
    add(entries: readonly AuditWrite[]) {
      for (const entry of entries) waiting.push(entry);
      if (waiting.length >= options.maxEntries) void flush();
      else timer ??= setTimeout(() => void flush(), options.maxWaitMs);
    },
    flush,
  };
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
