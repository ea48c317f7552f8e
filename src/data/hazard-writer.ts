/**
 * Writes hazard workflow decisions. Each step is one transaction: the hazard
 * row changes only if it still has the version the decision was made on
 * (UPDATE … WHERE id = ? AND version = ?), its events are appended with the
 * next sequence numbers, and the audit entry is written with them. The row
 * lock the update takes serialises concurrent steps on one hazard: the later
 * one finds the version changed, updates nothing and writes nothing.
 */
import type { HazardEventDraft, HazardNext } from "../core/hazard/index.js";
import type { Prisma as PrismaTypes } from "../generated/prisma/client.js";
import { appendAudit, type AuditWrite } from "./audit-writer.js";
import type { Prisma } from "./database.js";
import { patchData } from "./hazard-row.js";

export type Tx = PrismaTypes.TransactionClient;

/** Who made the change, for the audit log. */
export type AuditIdentity = Pick<AuditWrite, "requestId" | "subject" | "department" | "roles">;

/** A history row to append: a workflow step, or the hub's own OVERDUE mark. */
export type EventDraft = Omit<HazardEventDraft, "action"> & { action: HazardEventDraft["action"] | "OVERDUE" };

export type StepOutcome = { ok: true } | { ok: false; actualVersion: number | null };

/** The fields of a hazard its contentHash covers: the record's content, not provenance or bookkeeping. */
export const HAZARD_CONTENT_FIELDS = [
  "enterpriseCode", "riskPointId", "grade", "state", "description", "category", "discoverySource", "foundAt",
  "foundBy", "regionCode", "sector", "measures", "funds", "responsiblePerson", "deadline", "goal",
  "safetyMeasures", "supervisedBy", "supervisionDeadline", "acceptedBy", "acceptedAt", "acceptanceOpinion", "closedAt",
] as const;

export function hazardContent(row: Record<string, unknown>): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const field of HAZARD_CONTENT_FIELDS) content[field] = row[field] ?? null;
  if (content.funds !== null) content.funds = Number(content.funds);
  return content;
}

/** Appends events after the hazard's last one. Call only while holding the hazard's row lock. */
export async function appendHazardEvents(tx: Tx, hazardId: string, events: readonly EventDraft[], at: Date): Promise<void> {
  const last = await tx.hazardEvent.aggregate({ where: { hazardId }, _max: { seq: true } });
  const base = last._max.seq ?? 0;
  await tx.hazardEvent.createMany({
    data: events.map((e, i) => ({ hazardId, seq: base + i + 1, action: e.action, fromState: e.fromState, toState: e.toState, actor: e.actor, note: e.note, evidence: e.evidence, at })),
  });
}

function mutationAudit(who: AuditIdentity, hazardId: string, fields: string[]): AuditWrite {
  return { ...who, action: "MUTATION", dataset: "Hazard", recordId: hazardId, fields: [...new Set(fields)].sort() };
}

/** Inserts a reported hazard (version 1) with its REPORT event and audit entry. */
export async function insertHazard(
  prisma: Prisma,
  data: PrismaTypes.HazardUncheckedCreateInput & { id: string },
  events: readonly HazardEventDraft[],
  who: AuditIdentity,
  now: Date,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.hazard.create({ data });
    await appendHazardEvents(tx, data.id, events, now);
    await appendAudit(tx, [mutationAudit(who, data.id, Object.keys(data))]);
  });
}

/**
 * Applies a decision made on `expectedVersion`; `extra` are further columns to
 * set (provenance of hub-owned records). Nothing is written when the row has
 * moved on: the outcome then carries the version it is at.
 */
export async function writeHazardStep(
  prisma: Prisma,
  hazardId: string,
  expectedVersion: number,
  next: HazardNext,
  extra: Record<string, unknown>,
  who: AuditIdentity,
  now: Date,
): Promise<StepOutcome> {
  return prisma.$transaction(async (tx): Promise<StepOutcome> => {
    const data = { ...patchData(next.patch), ...extra, state: next.state, version: next.version };
    const updated = await tx.hazard.updateMany({
      where: { id: hazardId, version: expectedVersion },
      data: data as PrismaTypes.HazardUpdateManyMutationInput,
    });
    if (updated.count !== 1) {
      const current = await tx.hazard.findUnique({ where: { id: hazardId }, select: { version: true } });
      return { ok: false, actualVersion: current?.version ?? null };
    }
    await appendHazardEvents(tx, hazardId, next.events, now);
    await appendAudit(tx, [mutationAudit(who, hazardId, Object.keys(data))]);
    return { ok: true };
  });
}
