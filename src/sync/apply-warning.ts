/**
 * Warnings are written one at a time: each has areas, and an Update or Cancel
 * supersedes the alerts it references ("sender,identifier,sent") — of the
 * same sender, and held by the hub; otherwise the alert is quarantined.
 */
import { sourceSystemOf, type Connector, type HubRecord } from "../../connectors/types.js";
import { divisionLineage, divisionPrefix } from "../core/division.js";
import crypto from "node:crypto";
import type { SqlRunner } from "../data/sql.js";
import { insertRows, updateRow } from "./bulk-write.js";
import type { ApplyOutcome } from "./apply-outcome.js";
import { contentHash } from "../core/content-hash.js";

type Row = Record<string, unknown>;

/** A CAP message with status Actual (an alert without a status counts as one). */
const isActual = (data: Row) => data.capStatus === undefined || data.capStatus === "Actual";

export async function applyWarning(query: SqlRunner, connector: Connector, record: HubRecord, data: Row, current: Row | null, outcome: ApplyOutcome, now: Date) {
  const refusal = await referenceRefusal(query, data, record.supersedes?.references ?? []);
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
    sourceSystem: sourceSystemOf(connector, "warning"),
    fetchedAt: now,
    contentHash: hash,
    retiredAt: null,
  };
  // the caller's transaction holds the document: the warning, its areas and what it supersedes land with it
  const id = current ? (current.id as string) : crypto.randomUUID();
  if (current) await updateRow(query, "warning", { column: "id", value: id }, fields);
  else await insertRows(query, "warning", [{ ...fields, id, sourceId: record.sourceId, version: 1 }], ["id"]);
  await query(`DELETE FROM "WarningArea" WHERE "warningId" = $1`, [id]);
  if (areas.length > 0) await insertRows(query, "warningArea", areas.map((area) => ({ ...(area as Row), id: crypto.randomUUID(), warningId: id })), ["id"]);
  for (const reference of record.supersedes?.references ?? []) {
    const [sender, identifier] = reference.split(",");
    const replaced = await query(
      `UPDATE "Warning" SET "status" = $1::"WarningStatus", "supersededById" = $2, "version" = "version" + 1 WHERE "sender" = $3 AND "identifier" = $4 AND "id" <> $2 RETURNING "id"`,
      [cancelled ? "CANCELLED" : "SUPERSEDED", id, sender, identifier],
    );
    for (const row of replaced) outcome.changes.push({ dataset: "warning", key: row.id as string, change: "updated" });
  }
  const saved = { id };
  if (current) outcome.counts.updated++;
  else outcome.counts.created++;
  outcome.changes.push({ dataset: "warning", key: saved.id, change: current ? "updated" : "created" });
}

/**
 * CAP 1.2: an Update or Cancel supersedes alerts of its own sender only, and
 * only alerts the hub holds. Why this alert's references are refused, or null.
 */
async function referenceRefusal(query: SqlRunner, data: Row, references: readonly string[]): Promise<string | null> {
  const sender = data.sender as string;
  const actual = isActual(data);
  for (const reference of references) {
    const [refSender, identifier] = reference.split(",");
    if (!refSender || !identifier) return `REFERENCE: '${reference}' is not "sender,identifier,sent"`;
    if (refSender !== sender) return `REFERENCE: ${identifier} is an alert of ${refSender}; an Update or Cancel from ${sender} may only supersede its own alerts`;
    const referenced = await query(`SELECT "capStatus" FROM "Warning" WHERE "sender" = $1 AND "identifier" = $2`, [refSender, identifier]);
    if (referenced.length === 0) return `REFERENCE: ${refSender},${identifier} is an alert the hub has never received`;
    if (referenced.some((w) => isActual(w as Row) !== actual)) {
      return `REFERENCE: ${identifier} is ${actual ? "not an actual alert" : "an actual alert"}; a ${String(data.capStatus)} message may not supersede it`;
    }
  }
  return null;
}
