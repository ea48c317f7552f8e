/**
 * The only way a request reads shared data. One Reader per request: it merges
 * the caller's scope (territory, enterprise, catalogue) into every query,
 * batches relations through DataLoaders, and presents each row (global id,
 * provenance, field policy) before a resolver sees it.
 */
import DataLoader from "dataloader";
import { boundingBox, haversineKm } from "../core/geo.js";
import type { Prisma } from "./database.js";
import { DATASETS, type DatasetName } from "./datasets.js";
import { toGlobalId } from "./global-id.js";
import { provenanceOf } from "./provenance.js";
import { pageWindow, toConnection, type ConnectionResult, type PageArgs } from "./pagination.js";
import type { ReadScope } from "./read-scope.js";
import { rowLimitWhere } from "./scope-where.js";

export type Row = Record<string, unknown>;
export type Where = Record<string, unknown>;

interface Delegate {
  findMany(args: object): Promise<Row[]>;
  count(args: object): Promise<number>;
}

export interface Near {
  lat: number;
  lon: number;
  radiusKm: number;
}

export class Reader {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(
    private readonly prisma: Prisma,
    readonly scope: ReadScope,
    private readonly pageMax: number,
  ) {}

  /** The caller's scope merged with a filter; null when the dataset is closed to the caller. */
  where(dataset: DatasetName, filter: Where = {}): Where | null {
    const limit = this.scope.rowLimit(dataset);
    if (limit === null) return null;
    const parts = [rowLimitWhere(dataset, limit), filter].filter((part) => Object.keys(part).length > 0);
    if (DATASETS[dataset].shared && !("retiredAt" in filter)) parts.push({ retiredAt: null });
    return parts.length === 0 ? {} : { AND: parts };
  }

  async connection(dataset: DatasetName, filter: Where, args: PageArgs, orderBy?: object[]): Promise<ConnectionResult<Row>> {
    const window = pageWindow(args, this.pageMax);
    const where = this.where(dataset, filter);
    if (where === null) return toConnection([], window, () => 0);
    const rows = await this.delegate(dataset).findMany({
      where,
      orderBy: orderBy ?? DATASETS[dataset].defaultOrder,
      skip: window.skip,
      take: window.take + 1,
    });
    return toConnection(this.presentAll(dataset, rows), window, () => this.delegate(dataset).count({ where }));
  }

  /** Rows within radiusKm of a point, nearest first, with their distance. */
  async nearConnection(dataset: DatasetName, filter: Where, near: Near, args: PageArgs): Promise<ConnectionResult<Row>> {
    const window = pageWindow(args, this.pageMax);
    const within = await this.within(dataset, filter, [near]);
    const page = within.slice(window.skip, window.skip + window.take + 1);
    return toConnection(
      page.map((hit) => hit.row),
      window,
      () => within.length,
      page.map((hit) => hit.distanceKm),
    );
  }

  /** Everything within any of the circles, nearest to the first circle first. */
  async within(dataset: DatasetName, filter: Where, circles: Near[]): Promise<Array<{ row: Row; distanceKm: number }>> {
    const boxes = circles.map((c) => boundingBox(c.lat, c.lon, c.radiusKm));
    const where = this.where(dataset, {
      ...filter,
      OR: boxes.map((b) => ({ lat: { gte: b.minLat, lte: b.maxLat }, lon: { gte: b.minLon, lte: b.maxLon } })),
    });
    if (where === null || circles.length === 0) return [];
    const rows = await this.delegate(dataset).findMany({ where });
    const first = circles[0]!;
    return this.presentAll(dataset, rows)
      .map((row) => ({ row, distanceKm: round3(haversineKm(first.lat, first.lon, row.lat as number, row.lon as number)) }))
      .filter((hit) => circles.some((c) => haversineKm(c.lat, c.lon, hit.row.lat as number, hit.row.lon as number) <= c.radiusKm))
      .sort((a, b) => a.distanceKm - b.distanceKm);
  }

  /** One row by key (batched), or null when absent or out of scope. */
  byKey(dataset: DatasetName, key: string): Promise<Row | null> {
    const spec = DATASETS[dataset];
    const loader = this.loader(`${dataset}#key`, async (keys) => {
      const where = this.where(dataset, { [spec.key]: { in: [...keys] } });
      const rows = where === null ? [] : await this.delegate(dataset).findMany({ where: withRetired(where) });
      const byKey = new Map(this.presentAll(dataset, rows).map((row) => [String(row.key), row]));
      return keys.map((k) => byKey.get(k) ?? null);
    });
    return loader.load(key) as Promise<Row | null>;
  }

  /** The rows whose `field` equals the parent key (batched), in the dataset's default order. */
  childrenOf(dataset: DatasetName, field: string, parentKey: string, extra: Where = {}): Promise<Row[]> {
    const cacheKey = `${dataset}#${field}#${JSON.stringify(extra)}`;
    const loader = this.loader(cacheKey, async (keys) => {
      const where = this.where(dataset, { ...extra, [field]: { in: [...keys] } });
      const rows = where === null ? [] : await this.delegate(dataset).findMany({ where, orderBy: DATASETS[dataset].defaultOrder });
      const groups = new Map<string, Row[]>(keys.map((k) => [k, []]));
      for (const row of this.presentAll(dataset, rows)) groups.get(String(row[field]))?.push(row);
      return keys.map((k) => groups.get(k)!);
    });
    return loader.load(parentKey) as Promise<Row[]>;
  }

  /**
   * Every row matching the filter within scope, unpresented, for computing
   * figures (statistics, bulletins). Present a row before returning it to a client.
   */
  async all(dataset: DatasetName, filter: Where, select?: Record<string, true>): Promise<Row[]> {
    const where = this.where(dataset, filter);
    if (where === null) return [];
    return this.delegate(dataset).findMany({ where, orderBy: DATASETS[dataset].defaultOrder, ...(select ? { select } : {}) });
  }

  /** Forgets every batched read of this request: call after a write so the response shows it. */
  forget(): void {
    for (const loader of this.loaders.values()) loader.clearAll();
  }

  /** A request-scoped loader for a custom batch (e.g. latest reading per station). */
  loader<V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.loaders.get(name) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch);
      this.loaders.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  present(dataset: DatasetName, row: Row): Row {
    const spec = DATASETS[dataset];
    const key = String(row[spec.key]);
    const presented: Row = { ...row, key, id: toGlobalId(dataset, key), __typename: dataset };
    if (spec.shared) presented.provenance = provenanceOf(row);
    return this.scope.presentFields(dataset, presented);
  }

  presentAll(dataset: DatasetName, rows: Row[]): Row[] {
    return rows.map((row) => this.present(dataset, row));
  }

  delegate(dataset: DatasetName): Delegate {
    return (this.prisma as unknown as Record<string, Delegate>)[DATASETS[dataset].model]!;
  }
}

/** Lookups by key also return retired rows: a retired record stays readable by id. */
function withRetired(where: Where): Where {
  const parts = (where.AND as Where[] | undefined)?.filter((part) => !("retiredAt" in part));
  return parts ? { AND: parts } : where;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
