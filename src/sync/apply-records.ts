/**
 * Writes one parsed document into the shared pool, idempotently, keyed by
 * (sourceSystem, sourceId): new records are created at version 1, changed ones
 * get version + 1 and a new fetchedAt, unchanged ones are not written, and
 * records missing from a full snapshot are retired (never deleted). Records
 * whose parent cannot be found are returned as rejections for quarantine.
 * Inserts and updates go out a chunk at a time (bulk-write.ts).
 */
import crypto from "node:crypto";
import { sourceSystemOf, type Connector, type Dataset, type HubRecord, type ParseResult, type Rejection } from "../../connectors/types.js";
import type { SqlRunner } from "../data/sql.js";
import { DATASET_MODELS, WRITE_ORDER, type DatasetModel, type RecordDataset } from "./dataset-models.js";
import { applyMonitoringAlarms, applyMonitoringReadings } from "./apply-monitoring.js";
import { applyHazards } from "./apply-hazards.js";
import { applyWarning } from "./apply-warning.js";
import { selectIn } from "./bulk-read.js";
import { emptyCounts } from "../core/sync-counts.js";
import type { ApplyOutcome } from "./apply-outcome.js";
import { outsideTerritory, recordDivisions } from "../core/write-scope.js";
import { implausibility, levelFarFromStation, type PlausibilityContext } from "../core/plausibility.js";
import { insertRows, retireAbsent, upsertRows } from "./bulk-write.js";
import { loadCatalog } from "../access/catalog.js";
import { CATALOG_FILE } from "../config/paths.js";
import { issuingRefusal, type IssuerRules } from "../core/warning-issuers.js";
import type { WarningLevel } from "../core/warning-level.js";
import { toRowGroups } from "./record-rows.js";
import { ensurePartitions, HYDRO_READINGS, periodOf } from "../data/reading-partitions.js";


export type { ApplyOutcome, RecordChange } from "./apply-outcome.js";

type Row = Record<string, unknown>;

export interface ApplyOptions {
  now?: Date;
  /** Ignore `snapshotOf`: retire nothing (documents a department pushes are incremental). */
  incremental?: boolean;
  /**
   * The writer's territory (a division prefix): a record that names a
   * division outside it, or would change a stored record outside it, or hangs
   * under a parent outside it, is not written but quarantined (OUT_OF_SCOPE).
   * Null or absent: anywhere.
   */
  territory?: string | null;
  /**
   * The department that issues the warnings written, and the catalogue's rules of who issues what: a warning
   * of a type or colour the department does not issue is quarantined; a warning written is the issuer's
   * (sourceDepartment). Absent: the connector's department under the catalogue's rules.
   */
  issuer?: WarningIssuer;
  /** Why writes are refused now (a full disk), or null: asked before every chunk; a refusal rolls the document back. */
  writeRefusal?: () => string | null;
}

/** The document was stopped because writes are refused (a full disk): nothing of it is written. */
export class WriteRefused extends Error {
  override name = "WriteRefused";
}

const CHUNK = 1000;

/** Who issues the warnings of a run, under which rules (the catalogue's warningIssuers). */
export interface WarningIssuer {
  department: string;
  rules: IssuerRules;
}

let fileIssuers: IssuerRules | null = null;
/** The warning issuers of the catalogue file, read once: for runs not given the hub's catalogue (pulls, samples). */
function catalogueIssuers(): IssuerRules {
  return (fileIssuers ??= loadCatalog(CATALOG_FILE).warningIssuers);
}


export async function applyParseResult(query: SqlRunner, connector: Connector, result: ParseResult, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  const now = options.now ?? new Date();
  const outcome: ApplyOutcome = { counts: emptyCounts(), rejections: [...result.rejected], changes: [] };
  outcome.counts.fetched = result.records.length + result.rejected.length;
  const seen = new Map<Dataset, Set<string>>();
  for (const rejection of result.rejected) if (rejection.dataset && rejection.sourceId) seenOf(seen, rejection.dataset).add(rejection.sourceId);

  const territory = options.territory || null;
  const issuer = options.issuer ?? { department: connector.department, rules: catalogueIssuers() };
  const plausible: PlausibilityContext = { now, province: territory?.slice(0, 2) ?? "" };
  for (const dataset of WRITE_ORDER) {
    let records = result.records.filter((record) => record.dataset === dataset);
    for (const record of records) seenOf(seen, dataset).add(record.sourceId);
    if (territory) records = records.filter((record) => !refuseOutside(record, recordDivisions(record.data), territory, outcome));
    if (dataset === "warning") records = records.filter((record) => !refuse(record, issuingRefusal(issuer.rules, issuer.department, String(record.data.type), record.data.level as WarningLevel), outcome));
    records = records.filter((record) => !refuse(record, implausibility(dataset, record.data, plausible), outcome, "IMPLAUSIBLE"));
    for (let i = 0; i < records.length; i += CHUNK) {
      // a document may grow the database by far more than its own size: the disk is asked again every chunk
      const refusal = options.writeRefusal?.();
      if (refusal) throw new WriteRefused(refusal);
      const chunk = records.slice(i, i + CHUNK);
      if (dataset === "hydroReading") await applyReadings(query, connector, chunk, outcome, now, territory);
      else if (dataset === "monitoringReading") await applyMonitoringReadings(query, chunk, outcome, now, territory);
      else if (dataset === "monitoringAlarm") await applyMonitoringAlarms(query, connector, chunk, outcome, now, territory);
      // a warning is its issuer's: the department that pushed it, under the release system it came through
      else await applyChunk(query, dataset === "warning" ? { ...connector, department: issuer.department } : connector, dataset, chunk, outcome, now, territory);
    }
  }
  for (const dataset of options.incremental ? [] : result.snapshotOf) {
    if (dataset !== "hydroReading" && dataset !== "monitoringReading") await retireMissing(query, connector, dataset, seenOf(seen, dataset), outcome, now);
  }
  outcome.counts.rejected = outcome.rejections.length;
  return outcome;
}

async function applyChunk(
  query: SqlRunner,
  connector: Connector,
  dataset: RecordDataset,
  chunk: HubRecord[],
  outcome: ApplyOutcome,
  now: Date,
  territory: string | null,
) {
  const spec = DATASET_MODELS[dataset];
  let resolved = await resolveParents(query, connector, spec, chunk, outcome, territory);
  if (dataset === "warning") {
    const existing = await selectIn(query, spec.model, [spec.key, "sourceId", "contentHash", "retiredAt", "regionCodes"], {
      column: "sourceId",
      values: resolved.map((r) => r.record.sourceId),
      sourceSystem: sourceSystemOf(connector, dataset),
    });
    const bySourceId = new Map(existing.map((row) => [row.sourceId as string, row]));
    for (const { record, data } of resolved) {
      const current = bySourceId.get(record.sourceId) ?? null;
      if (territory && current && refuseOutside(record, current.regionCodes as string[], territory, outcome, "the stored warning")) continue;
      await applyWarning(query, connector, record, data, current, outcome, now);
    }
    return;
  }
  if (territory && spec.territorial) resolved = await withoutStoredOutside(query, connector, spec, resolved, territory, outcome);
  if (resolved.length === 0) return;
  const fixed = { sourceDepartment: connector.department, sourceSystem: sourceSystemOf(connector, dataset), fetchedAt: now, retiredAt: null, version: 1, ...(spec.updatedAt ? { updatedAt: now } : {}) };
  if (dataset === "hazard") return applyHazards(query, connector, resolved, outcome, now, fixed);
  const groups = toRowGroups(resolved.map(({ record, data }) => ({ sourceId: record.sourceId, data })), { fixed, newId: spec.key === "id" });
  const conflict = spec.key === "id" ? ["sourceSystem", "sourceId"] : [spec.key];
  const written = await upsertRows(query, { model: spec.model, key: spec.key, conflict }, groups);
  outcome.counts.created += written.created.length;
  outcome.counts.updated += written.updated.length;
  outcome.counts.unchanged += resolved.length - written.created.length - written.updated.length;
  for (const key of written.created) outcome.changes.push({ dataset, key, change: "created" });
  for (const key of written.updated) outcome.changes.push({ dataset, key, change: "updated" });
}

/**
 * Resolves `refs` to hub keys and checks natural-key parents; failures become
 * rejections. With a territory, a parent stored outside it refuses the record.
 */
async function resolveParents(query: SqlRunner, connector: Connector, spec: DatasetModel, chunk: HubRecord[], outcome: ApplyOutcome, territory: string | null) {
  const refKeys = new Map<string, Map<string, { key: string; regionCode?: string }>>();
  for (const refDataset of new Set(chunk.flatMap((r) => Object.values(r.refs ?? {}).map((ref) => ref.dataset)))) {
    const model = DATASET_MODELS[refDataset as RecordDataset];
    const ids = chunk.flatMap((r) => Object.values(r.refs ?? {}).filter((ref) => ref.dataset === refDataset).map((ref) => ref.sourceId));
    const columns = [model.key, "sourceId", ...(model.territorial ? ["regionCode"] : [])];
    const rows = await selectIn(query, model.model, columns, { column: "sourceId", values: [...new Set(ids)], sourceSystem: sourceSystemOf(connector, refDataset as Dataset) });
    refKeys.set(refDataset, new Map(rows.map((row) => [row.sourceId as string, { key: row[model.key] as string, regionCode: row.regionCode as string | undefined }])));
  }
  const known = new Map<string, Map<string, string | undefined>>();
  for (const parent of spec.parents) {
    const values = [...new Set(chunk.map((r) => r.data[parent.field]).filter((v): v is string => typeof v === "string"))];
    const rows = await selectIn(query, parent.model, [parent.key, ...(parent.territorial ? ["regionCode"] : [])], { column: parent.key, values });
    known.set(parent.field, new Map(rows.map((row) => [row[parent.key] as string, row.regionCode as string | undefined])));
  }
  const resolved: Array<{ record: HubRecord; data: Row }> = [];
  for (const record of chunk) {
    const data: Row = record.refs || spec.parents.some((p) => p.inheritRegion) ? { ...record.data } : record.data;
    let reason: string | null = null;
    for (const [field, ref] of Object.entries(record.refs ?? {})) {
      const found = refKeys.get(ref.dataset)?.get(ref.sourceId);
      if (found === undefined) reason ??= `unknown ${ref.dataset} '${ref.sourceId}' (${field})`;
      else {
        data[field] = found.key;
        if (territory && found.regionCode !== undefined) reason ??= outsideTerritory([found.regionCode], territory, `its ${ref.dataset} '${ref.sourceId}'`);
      }
    }
    for (const parent of spec.parents) {
      const value = data[parent.field];
      if (typeof value !== "string") continue;
      const parents = known.get(parent.field)!;
      if (!parents.has(value)) reason ??= `unknown ${parent.label} '${value}' (${parent.field})`;
      else if (territory && parents.get(value) !== undefined) reason ??= outsideTerritory([parents.get(value)!], territory, `its ${parent.label} '${value}'`);
      if (parent.inheritRegion && parents.has(value)) data.regionCode = parents.get(value);
    }
    if (reason) outcome.rejections.push({ dataset: record.dataset, sourceId: record.sourceId, reason, payload: record.data });
    else resolved.push({ record, data });
  }
  return resolved;
}

async function applyReadings(query: SqlRunner, connector: Connector, chunk: HubRecord[], outcome: ApplyOutcome, now: Date, territory: string | null) {
  const codes = [...new Set(chunk.map((r) => r.data.stationCode as string))];
  const columns = ["code", "regionCode", "warningLevel", "guaranteedLevel", "floodLimitLevel", "floodLimitPeriods", "historicalMaxLevel"];
  const stations = new Map((await selectIn(query, "hydroStation", columns, { column: "code", values: codes })).map((s) => [s.code as string, s]));
  const rows: Row[] = [];
  for (const record of chunk) {
    const station = stations.get(record.data.stationCode as string);
    if (station === undefined) {
      refuse(record, `unknown hydroStation '${String(record.data.stationCode)}' (stationCode)`, outcome);
    } else if (
      !(territory && refuseOutside(record, [station.regionCode as string], territory, outcome, `its hydroStation '${String(record.data.stationCode)}'`)) &&
      !refuse(record, levelFarFromStation(record.data.level, station), outcome, "IMPLAUSIBLE")
    ) {
      rows.push({ id: crypto.randomUUID(), ...record.data, sourceSystem: sourceSystemOf(connector, "hydroReading"), fetchedAt: now });
    }
  }
  if (rows.length > 0) await ensurePartitions(query, HYDRO_READINGS, rows.map((row) => periodOf(HYDRO_READINGS, new Date(row.observedAt as string))));
  const created = rows.length === 0 ? [] : await insertRows(query, "hydroReading", rows, ["id"]);
  outcome.counts.created += created.length;
  outcome.counts.unchanged += rows.length - created.length;
}

async function retireMissing(query: SqlRunner, connector: Connector, dataset: RecordDataset, seen: Set<string>, outcome: ApplyOutcome, now: Date) {
  const spec = DATASET_MODELS[dataset];
  const keys = await retireAbsent(query, spec.model, spec.key, {
    sourceSystem: sourceSystemOf(connector, dataset),
    present: [...seen],
    now,
    touch: spec.updatedAt ? ["updatedAt"] : [],
  });
  outcome.counts.retired += keys.length;
  for (const key of keys) outcome.changes.push({ dataset, key, change: "retired" });
}

/** Quarantines the record when there is a reason to; true when it did. */
function refuse(record: HubRecord, reason: string | null, outcome: ApplyOutcome, kind?: "IMPLAUSIBLE"): boolean {
  if (reason) outcome.rejections.push({ dataset: record.dataset, sourceId: record.sourceId, reason: kind ? `${kind}: ${record.dataset} ${record.sourceId}: ${reason}` : reason, payload: record.data });
  return reason !== null;
}

/** Quarantines the record when a division it names lies outside the territory; true when it did. */
function refuseOutside(record: HubRecord, divisions: readonly string[], territory: string, outcome: ApplyOutcome, what = `${record.dataset} ${record.sourceId}`): boolean {
  return refuse(record, outsideTerritory(divisions, territory, what), outcome);
}

/** The records whose stored row (if any) lies inside the territory: a writer may not take over another territory's record. */
async function withoutStoredOutside(query: SqlRunner, connector: Connector, spec: DatasetModel, resolved: Array<{ record: HubRecord; data: Row }>, territory: string, outcome: ApplyOutcome) {
  const bySourceId = spec.key === "id";
  const column = bySourceId ? "sourceId" : spec.key;
  const valueOf = (r: { record: HubRecord; data: Row }) => (bySourceId ? r.record.sourceId : String(r.data[spec.key]));
  const stored = await selectIn(query, spec.model, [column, "regionCode"], { column, values: resolved.map(valueOf), sourceSystem: bySourceId ? sourceSystemOf(connector, resolved[0]!.record.dataset) : undefined });
  const regionOf = new Map(stored.map((row) => [row[column] as string, row.regionCode as string]));
  return resolved.filter((r) => {
    const region = regionOf.get(valueOf(r));
    return region === undefined || !refuseOutside(r.record, [region], territory, outcome, `the stored ${r.record.dataset} ${valueOf(r)}`);
  });
}

function seenOf(seen: Map<Dataset, Set<string>>, dataset: Dataset): Set<string> {
  let set = seen.get(dataset);
  if (!set) seen.set(dataset, (set = new Set()));
  return set;
}
