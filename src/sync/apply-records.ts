/**
 * Writes one parsed document into the shared pool, idempotently, keyed by
 * (sourceSystem, sourceId): new records are created at version 1, changed ones
 * get version + 1 and a new fetchedAt, unchanged ones are not written, and
 * records missing from a full snapshot are retired (never deleted). Records
 * whose parent cannot be found are returned as rejections for quarantine.
 */
import type { Connector, Dataset, HubRecord, ParseResult, Rejection } from "../../connectors/types.js";
import type { Prisma } from "../data/database.js";
import { contentHash } from "./content-hash.js";
import { DATASET_MODELS, WRITE_ORDER, type DatasetModel } from "./dataset-models.js";
import { applyWarning } from "./apply-warning.js";

export interface SyncCounts {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  retired: number;
  rejected: number;
}

export interface RecordChange {
  dataset: Dataset;
  key: string;
  change: "created" | "updated" | "retired";
}

export interface ApplyOutcome {
  counts: SyncCounts;
  rejections: Rejection[];
  changes: RecordChange[];
}

type Row = Record<string, unknown>;
interface Delegate {
  findMany(args: object): Promise<Row[]>;
  createMany(args: object): Promise<{ count: number }>;
  update(args: object): Promise<Row>;
  updateMany(args: object): Promise<{ count: number }>;
}

const CHUNK = 1000;

export const emptyCounts = (): SyncCounts => ({ fetched: 0, created: 0, updated: 0, unchanged: 0, retired: 0, rejected: 0 });

export async function applyParseResult(prisma: Prisma, connector: Connector, result: ParseResult, now = new Date()): Promise<ApplyOutcome> {
  const outcome: ApplyOutcome = { counts: emptyCounts(), rejections: [...result.rejected], changes: [] };
  outcome.counts.fetched = result.records.length + result.rejected.length;
  const seen = new Map<Dataset, Set<string>>();
  for (const rejection of result.rejected) if (rejection.dataset && rejection.sourceId) seenOf(seen, rejection.dataset).add(rejection.sourceId);

  for (const dataset of WRITE_ORDER) {
    const records = result.records.filter((record) => record.dataset === dataset);
    for (const record of records) seenOf(seen, dataset).add(record.sourceId);
    for (let i = 0; i < records.length; i += CHUNK) {
      const chunk = records.slice(i, i + CHUNK);
      if (dataset === "hydroReading") await applyReadings(prisma, connector, chunk, outcome, now);
      else await applyChunk(prisma, connector, dataset, chunk, outcome, now);
    }
  }
  for (const dataset of result.snapshotOf) {
    if (dataset !== "hydroReading") await retireMissing(prisma, connector, dataset, seenOf(seen, dataset), outcome, now);
  }
  outcome.counts.rejected = outcome.rejections.length;
  return outcome;
}

async function applyChunk(prisma: Prisma, connector: Connector, dataset: Exclude<Dataset, "hydroReading">, chunk: HubRecord[], outcome: ApplyOutcome, now: Date) {
  const spec = DATASET_MODELS[dataset];
  const delegate = delegateOf(prisma, spec.model);
  const resolved = await resolveParents(prisma, connector, spec, chunk, outcome);
  const existing = await delegate.findMany({
    where: { sourceSystem: connector.sourceSystem, sourceId: { in: resolved.map((r) => r.record.sourceId) } },
    select: { [spec.key]: true, sourceId: true, contentHash: true, retiredAt: true },
  });
  const bySourceId = new Map(existing.map((row) => [row.sourceId as string, row]));
  const provenance = { sourceDepartment: connector.department, sourceSystem: connector.sourceSystem, fetchedAt: now };

  if (dataset === "warning") {
    for (const { record, data } of resolved) await applyWarning(prisma, connector, record, data, bySourceId.get(record.sourceId) ?? null, outcome, now);
    return;
  }
  const creates: Row[] = [];
  for (const { record, data } of resolved) {
    const hash = contentHash(data);
    const current = bySourceId.get(record.sourceId);
    if (!current) {
      creates.push({ ...data, ...provenance, sourceId: record.sourceId, contentHash: hash, version: 1 });
    } else if (current.contentHash !== hash || current.retiredAt !== null) {
      const key = current[spec.key] as string;
      await delegate.update({
        where: { [spec.key]: key },
        data: { ...data, ...provenance, contentHash: hash, retiredAt: null, version: { increment: 1 } },
      });
      outcome.counts.updated++;
      outcome.changes.push({ dataset, key, change: "updated" });
    } else {
      outcome.counts.unchanged++;
    }
  }
  if (creates.length > 0) {
    const created = await delegate.createMany({ data: creates, skipDuplicates: true });
    outcome.counts.created += created.count;
    const keys = await delegate.findMany({
      where: { sourceSystem: connector.sourceSystem, sourceId: { in: creates.map((c) => c.sourceId) } },
      select: { [spec.key]: true },
    });
    for (const row of keys) outcome.changes.push({ dataset, key: row[spec.key] as string, change: "created" });
  }
}

/** Resolves `refs` to hub keys and checks natural-key parents; failures become rejections. */
async function resolveParents(prisma: Prisma, connector: Connector, spec: DatasetModel, chunk: HubRecord[], outcome: ApplyOutcome) {
  const refKeys = new Map<string, Map<string, string>>();
  for (const refDataset of new Set(chunk.flatMap((r) => Object.values(r.refs ?? {}).map((ref) => ref.dataset)))) {
    const model = DATASET_MODELS[refDataset as Exclude<Dataset, "hydroReading">];
    const ids = chunk.flatMap((r) => Object.values(r.refs ?? {}).filter((ref) => ref.dataset === refDataset).map((ref) => ref.sourceId));
    const rows = await delegateOf(prisma, model.model).findMany({
      where: { sourceSystem: connector.sourceSystem, sourceId: { in: [...new Set(ids)] } },
      select: { [model.key]: true, sourceId: true },
    });
    refKeys.set(refDataset, new Map(rows.map((row) => [row.sourceId as string, row[model.key] as string])));
  }
  const known = new Map<string, Set<string>>();
  for (const parent of spec.parents) {
    const values = [...new Set(chunk.map((r) => r.data[parent.field]).filter((v): v is string => typeof v === "string"))];
    const rows = await delegateOf(prisma, parent.model).findMany({ where: { [parent.key]: { in: values } }, select: { [parent.key]: true } });
    known.set(parent.field, new Set(rows.map((row) => row[parent.key] as string)));
  }
  const resolved: Array<{ record: HubRecord; data: Row }> = [];
  for (const record of chunk) {
    const data: Row = { ...record.data };
    let reason: string | null = null;
    for (const [field, ref] of Object.entries(record.refs ?? {})) {
      const key = refKeys.get(ref.dataset)?.get(ref.sourceId);
      if (key === undefined) reason ??= `unknown ${ref.dataset} '${ref.sourceId}' (${field})`;
      else data[field] = key;
    }
    for (const parent of spec.parents) {
      const value = data[parent.field];
      if (typeof value === "string" && !known.get(parent.field)!.has(value)) reason ??= `unknown ${parent.label} '${value}' (${parent.field})`;
    }
    if (reason) outcome.rejections.push({ dataset: record.dataset, sourceId: record.sourceId, reason, payload: record.data });
    else resolved.push({ record, data });
  }
  return resolved;
}

async function applyReadings(prisma: Prisma, connector: Connector, chunk: HubRecord[], outcome: ApplyOutcome, now: Date) {
  const codes = [...new Set(chunk.map((r) => r.data.stationCode as string))];
  const stations = new Set((await prisma.hydroStation.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((s) => s.code));
  const rows: Row[] = [];
  for (const record of chunk) {
    if (stations.has(record.data.stationCode as string)) rows.push({ ...record.data, sourceSystem: connector.sourceSystem, fetchedAt: now });
    else outcome.rejections.push({ dataset: "hydroReading", sourceId: record.sourceId, reason: `unknown hydroStation '${String(record.data.stationCode)}' (stationCode)`, payload: record.data });
  }
  const created = await prisma.hydroReading.createMany({ data: rows as never, skipDuplicates: true });
  outcome.counts.created += created.count;
  outcome.counts.unchanged += rows.length - created.count;
}

async function retireMissing(prisma: Prisma, connector: Connector, dataset: Exclude<Dataset, "hydroReading">, seen: Set<string>, outcome: ApplyOutcome, now: Date) {
  const spec = DATASET_MODELS[dataset];
  const delegate = delegateOf(prisma, spec.model);
  const live = await delegate.findMany({ where: { sourceSystem: connector.sourceSystem, retiredAt: null }, select: { [spec.key]: true, sourceId: true } });
  const missing = live.filter((row) => !seen.has(row.sourceId as string));
  for (let i = 0; i < missing.length; i += CHUNK) {
    const keys = missing.slice(i, i + CHUNK).map((row) => row[spec.key] as string);
    const retired = await delegate.updateMany({ where: { [spec.key]: { in: keys } }, data: { retiredAt: now, version: { increment: 1 } } });
    outcome.counts.retired += retired.count;
    for (const key of keys) outcome.changes.push({ dataset, key, change: "retired" });
  }
}

function seenOf(seen: Map<Dataset, Set<string>>, dataset: Dataset): Set<string> {
  let set = seen.get(dataset);
  if (!set) seen.set(dataset, (set = new Set()));
  return set;
}

export function delegateOf(prisma: Prisma, model: string): Delegate {
  return (prisma as unknown as Record<string, Delegate>)[model]!;
}
