/**
 * Collects the unmasked PERSONAL values one operation returned, so that they
 * are written to the audit log once per record when the operation ends.
 */
import type { Principal } from "../access/index.js";
import type { AuditWrite } from "../data/audit-writer.js";

export class PersonalReads {
  private readonly fieldsByRecord = new Map<string, { dataset: string; recordId: string | null; fields: Set<string> }>();

  note(dataset: string, recordId: string | null, field: string): void {
    const key = `${dataset}\u0000${recordId ?? ""}`;
    let entry = this.fieldsByRecord.get(key);
    if (!entry) this.fieldsByRecord.set(key, (entry = { dataset, recordId, fields: new Set() }));
    entry.fields.add(field);
  }

  /** The audit entries, and forget them (an operation is audited once). */
  drain(requestId: string, principal: Principal): AuditWrite[] {
    const entries = [...this.fieldsByRecord.values()].map((entry) => ({
      requestId,
      subject: principal.subject,
      department: principal.department,
      roles: [...principal.roles],
      action: "READ_PERSONAL" as const,
      dataset: entry.dataset,
      recordId: entry.recordId,
      fields: [...entry.fields].sort(),
    }));
    this.fieldsByRecord.clear();
    return entries;
  }
}
