/**
 * Writes hazard workflow decisions. Each step is one transaction: the hazard
 * row changes only if it still has the version the decision was made on
 * (UPDATE … WHERE id = ? AND version = ?), its events are appended with the
 * next sequence numbers, and the audit entry is written with them. The row
 * lock the update takes serialises concurrent steps on one hazard: the later
 * one finds the version changed, updates nothing and writes nothing.
 */
import { randomUUID } from "node:crypto";
import type { HazardEventDraft, HazardNext } from "../core/hazard/index.js";
import type { Prisma as PrismaTypes } from "../generated/prisma/client.js";
import { appendAudit, type AuditWrite } from "./audit-writer.js";
import { inTransaction, type DbClient, type Prisma } from "./database.js";
import type { SqlRunner } from "./sql.js";
import { patchData } from "./hazard-row.js";

export type Tx = PrismaTypes.TransactionClient;

/** The source system of hazards whose source is the hub itself (reported through the API or a 12350 tip-off). */
export const HUB_SOURCE_SYSTEM = "emhub";

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
  prisma: DbClient,
  data: PrismaTypes.HazardUncheckedCreateInput & { id: string },
  events: readonly HazardEventDraft[],
  who: AuditIdentity,
  now: Date,
): Promise<void> {
  await inTransaction(prisma, async (tx) => {
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
  return inTransaction(prisma, async (tx): Promise<StepOutcome> => {
    // hubActed in the same statement as the state: a sync that locks the row after it keeps the workflow's fields
    const data = { ...patchData(next.patch), ...extra, state: next.state, version: next.version, hubActed: true };
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

/** One history row of a bulk append: any hazard, any action (workflow, OVERDUE, SYNC, SOURCE_STATE). */
export interface BulkEvent {
  hazardId: string;
  action: string;
  fromState: string | null;
  toState: string;
  actor: string;
  note: string | null;
}

/**
 * Appends events to many hazards in one statement, each after its hazard's
 * last one. Run it in its own statement after the statement that locked the
 * hazards' rows, so that its snapshot sees every event committed before.
 */
export async function appendEventsBulk(query: SqlRunner, events: readonly BulkEvent[], at: Date): Promise<void> {
  if (events.length === 0) return;
  await query(
    `INSERT INTO "HazardEvent" ("id", "hazardId", "seq", "action", "fromState", "toState", "actor", "note", "evidence", "at")
     SELECT d.event_id, d.hazard_id,
            coalesce((SELECT max(e."seq") FROM "HazardEvent" e WHERE e."hazardId" = d.hazard_id), 0) + d.n,
            d.action, d.from_state::"HazardState", d.to_state::"HazardState", d.actor, d.note, '{}', $1::timestamp(3)
       FROM (SELECT u.*, row_number() OVER (PARTITION BY u.hazard_id ORDER BY u.i) AS n
               FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY
                    AS u(event_id, hazard_id, action, from_state, to_state, actor, note, i)) d`,
    [
      at.toISOString(),
      events.map(() => randomUUID()),
      events.map((e) => e.hazardId),
      events.map((e) => e.action),
      events.map((e) => e.fromState),
      events.map((e) => e.toState),
      events.map((e) => e.actor),
      events.map((e) => e.note),
    ],
  );
}
