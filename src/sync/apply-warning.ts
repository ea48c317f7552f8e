/**
 * Warnings are written one at a time: each has areas, and an Update or Cancel
 * supersedes the alerts it references ("sender,identifier,sent") — of the
 * same sender, and held by the hub; otherwise the alert is quarantined.
 */
import type { Connector, HubRecord } from "../../connectors/types.js";
import { divisionLineage, divisionPrefix } from "../core/division.js";
import { inTransaction, type DbClient } from "../data/database.js";
import type { ApplyOutcome } from "./apply-outcome.js";
import { contentHash } from "../core/content-hash.js";

type Row = Record<string, unknown>;

/** A CAP message with status Actual (an alert without a status counts as one). */
const isActual = (data: Row) => data.capStatus === undefined || data.capStatus === "Actual";

export async function applyWarning(prisma: DbClient, connector: Connector, record: HubRecord, data: Row, current: Row | null, outcome: ApplyOutcome, now: Date) {
  const refusal = await referenceRefusal(prisma, data, record.supersedes?.references ?? []);
  if (refusal) {
    outcome.rejections.push({ dataset: "warning", sourceId: record.sourceId, reason: refusal, payload: data });
    return;
  }
  const areas = record.children?.warningAreas ?? [];
  const hash = contentHash({ data, areas });
  if (current && current.contentHash === hash && current.retiredAt === null) {
    outcome.counts.unchanged++;
    return;
  }
  const regionCodes = (data.regionCodes as string[] | undefined) ?? [];
  const cancelled = record.supersedes?.cancel === true;
  const fields = {
    ...data,
    regionPrefixes: [...new Set(regionCodes.flatMap((code) => divisionLineage(code).map(divisionPrefix)))],
    // a Test, Exercise, Draft or System message is never in force (and, by the catalogue, only for its department)
    status: !isActual(data) ? "NOT_ACTUAL" : cancelled ? "CANCELLED" : ((data.status as string | undefined) ?? "ACTIVE"),
    sourceDepartment: connector.department,
    sourceSystem: connector.sourceSystem,
    fetchedAt: now,
    contentHash: hash,
    retiredAt: null,
  };
  const saved = await inTransaction(prisma, async (tx) => {
    const warning = current
      ? await tx.warning.update({ where: { id: current.id as string }, data: { ...fields, version: { increment: 1 } } as never })
      : await tx.warning.create({ data: { ...fields, sourceId: record.sourceId, version: 1 } as never });
    await tx.warningArea.deleteMany({ where: { warningId: warning.id } });
    if (areas.length > 0) await tx.warningArea.createMany({ data: areas.map((area) => ({ ...(area as object), warningId: warning.id })) as never });
    for (const reference of record.supersedes?.references ?? []) {
      const [sender, identifier] = reference.split(",");
      const replaced = await tx.warning.updateMany({
        where: { sender, identifier, id: { not: warning.id } },
        data: { status: cancelled ? "CANCELLED" : "SUPERSEDED", supersededById: warning.id, version: { increment: 1 } },
      });
      if (replaced.count > 0) {
        const ids = await tx.warning.findMany({ where: { sender, identifier, id: { not: warning.id } }, select: { id: true } });
        for (const { id } of ids) outcome.changes.push({ dataset: "warning", key: id, change: "updated" });
      }
    }
    return warning;
  });
  if (current) outcome.counts.updated++;
  else outcome.counts.created++;
  outcome.changes.push({ dataset: "warning", key: saved.id, change: current ? "updated" : "created" });
}

/**
 * CAP 1.2: an Update or Cancel supersedes alerts of its own sender only, and
 * only alerts the hub holds. Why this alert's references are refused, or null.
 */
async function referenceRefusal(prisma: DbClient, data: Row, references: readonly string[]): Promise<string | null> {
  const sender = data.sender as string;
  const actual = isActual(data);
  for (const reference of references) {
    const [refSender, identifier] = reference.split(",");
    if (!refSender || !identifier) return `REFERENCE: '${reference}' is not "sender,identifier,sent"`;
    if (refSender !== sender) return `REFERENCE: ${identifier} is an alert of ${refSender}; an Update or Cancel from ${sender} may only supersede its own alerts`;
    const referenced = await prisma.warning.findMany({ where: { sender: refSender, identifier }, select: { capStatus: true } });
    if (referenced.length === 0) return `REFERENCE: ${refSender},${identifier} is an alert the hub has never received`;
    if (referenced.some((w) => isActual(w) !== actual)) {
      return `REFERENCE: ${identifier} is ${actual ? "not an actual alert" : "an actual alert"}; a ${String(data.capStatus)} message may not supersede it`;
    }
  }
  return null;
}
