/**
 * The only way a request reads shared data. One Reader per request: it merges
 * the caller's scope (territory, enterprise, catalogue) into every statement,
 * batches relations through DataLoaders, reads only the columns of the fields
 * the request selected, and presents each row (global id, provenance) before a
 * resolver sees it. Statements are compiled here (query/) and run on the pool
 * without Prisma.
 */
import DataLoader from "dataloader";
import { boundingBox, EARTH_RADIUS_KM } from "../core/geo.js";
import { DATASETS, PROVENANCE_COLUMNS, type DatasetName } from "./datasets.js";
import { toGlobalId } from "./global-id.js";
import { emptyConnection, pageOf, toConnection, type ConnectionResult, type Page, type PageArgs } from "./pagination.js";
import { provenanceOf } from "./provenance.js";
import { afterSql, orderKeys, orderSql, type OrderBy, type OrderKey } from "./query/order.js";
import { Params, quote } from "./sql-text.js";
import { tableOf, type Table, type Tables } from "./query/tables.js";
import { compileWhere, type Where } from "./query/where.js";
import type { ReadScope } from "./read-scope.js";
import { rowLimitWhere } from "./scope-where.js";
import type { SqlRow, SqlRunner } from "./sql.js";

export type Row = Record<string, unknown>;
export type { Where } from "./query/where.js";
export type { OrderBy } from "./query/order.js";

export interface Near {
  lat: number;
  lon: number;
  radiusKm: number;
}

export interface ReadOptions {
  /** The GraphQL fields the client selected on these rows: only their columns are read. Every column when absent. */
  fields?: ReadonlySet<string>;
  /** The order (the dataset's default when absent); the key always ends it. */
  orderBy?: OrderBy;
  /** Child rows to read in the same statement, each list put on its parent row under `as`. */
  include?: readonly Include[];
}

/** A to-many relation read with its parent rows: the child rows whose `field` holds the parent's key. */
export interface Include {
  /** The parent row's property that receives the (presented) child rows. */
  as: string;
  dataset: DatasetName;
  field: string;
  where?: Where;
  orderBy?: OrderBy;
  fields?: ReadonlySet<string>;
}

const DISTANCE = "__distanceKm";

export class Reader {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(
    private readonly sql: SqlRunner,
    private readonly tables: Tables,
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

  /** One page of the rows matching the filter, in order, after the cursor's row. */
  async connection(dataset: DatasetName, filter: Where, args: PageArgs, options: ReadOptions = {}): Promise<ConnectionResult<Row>> {
    const page = pageOf(args, this.pageMax);
    const where = this.where(dataset, filter);
    if (where === null) return emptyConnection(page);
    const { table, key } = this.spec(dataset);
    const keys = this.orderOf(dataset, options.orderBy);
    const params = new Params();
    const condition = this.compile(dataset, where, params);
    const after = afterCursor(keys, table, key, page, params);
    const rows = await this.sql(
      `SELECT ${this.columns(dataset, options.fields)}${this.includes(dataset, options.include, params)} FROM ${quote(table.name)} t WHERE ${condition}${after} ORDER BY ${orderSql(keys, "t")} LIMIT ${page.size + 1}`,
      params.values,
    );
    return toConnection(this.presentAll(dataset, rows, options.include), page, keyOf, () => this.count(dataset, where));
  }

  /**
   * Rows within radiusKm of a point, nearest first, with their distance, one page after the cursor's row.
   * One statement whose cost does not grow with the rows inside the circle: a probe (a CTE) walks the
   * nearest-neighbour index (GiST on the planar point, nearestSql) for the page's rows and takes the
   * largest exact distance among them; every row nearer than the page's last lies within that distance,
   * so the exact query reads only the box around the circle of that radius, through the same index.
   */
  async nearConnection(dataset: DatasetName, filter: Where, near: Near, args: PageArgs, options: ReadOptions = {}): Promise<ConnectionResult<Row>> {
    const page = pageOf(args, this.pageMax);
    const where = this.where(dataset, filter);
    if (where === null) return emptyConnection(page);
    const { table, key } = this.spec(dataset);
    const params = new Params();
    const lat = params.add(near.lat, "float8");
    const lon = params.add(near.lon, "float8");
    const radius = params.add(near.radiusKm, "float8");
    const distance = (alias: string) => distanceSql(alias, lat, lon);
    const keys: OrderKey[] = [
      { sql: distance, desc: false, nullable: false },
      { sql: (a) => `${a}.${quote(key)}`, desc: false, nullable: false },
    ];
    // the probe checks the radius row by row, so that the only index it can use is the nearest-neighbour one;
    // fewer rows than a page and one more: the whole circle (a hair wider than the probe's: the same expression, computed again)
    const probe = `SELECT CASE WHEN count(*) > ${page.size} THEN least(${radius}, max(s.d) + 1e-9) ELSE ${radius} END AS r
        FROM (SELECT ${distance("t")} AS d FROM ${quote(table.name)} t
               WHERE ${this.compile(dataset, where, params)} AND ${distance("t")} <= ${radius}${afterCursor(keys, table, key, page, params)}
               ORDER BY ${nearestSql("t", lat, lon)} LIMIT ${page.size + 1}) s`;
    const r = "(SELECT r FROM probe)";
    const rows = await this.sql(
      `WITH probe AS MATERIALIZED (${probe})
       SELECT ${this.columns(dataset, options.fields)}, ${distance("t")} AS "${DISTANCE}" FROM ${quote(table.name)} t
        WHERE ${this.compile(dataset, where, params)} AND ${circleSql("t", lat, lon, r)}${afterCursor(keys, table, key, page, params)}
        ORDER BY ${orderSql(keys, "t")} LIMIT ${page.size + 1}`,
      params.values,
    );
    return toConnection(this.presentAll(dataset, rows), page, keyOf, () => this.countNear(dataset, where, near), distanceOf);
  }

  /** How many rows lie within the circle. */
  private countNear(dataset: DatasetName, where: Where, near: Near): Promise<number> {
    const { table } = this.spec(dataset);
    const params = new Params();
    const condition = `${this.compile(dataset, where, params)} AND ${withinSql("t", near, params.add(near.lat, "float8"), params.add(near.lon, "float8"), params)}`;
    return this.countWhere(table, condition, params);
  }

  /**
   * For each circle, the rows within it, nearest first, with their distance
   * (one statement for all the circles: the batch of a DataLoader).
   */
  async withinEach(dataset: DatasetName, filter: Where, circles: readonly Near[], options: ReadOptions = {}): Promise<Array<Array<{ row: Row; distanceKm: number }>>> {
    const where = this.where(dataset, filter);
    if (where === null || circles.length === 0) return circles.map(() => []);
    const { table, key } = this.spec(dataset);
    const params = new Params();
    const boxes = circles.map((c) => boundingBox(c.lat, c.lon, c.radiusKm));
    const column = (values: number[]) => params.add(values, "float8[]");
    const arrays = [
      column(circles.map((c) => c.lat)),
      column(circles.map((c) => c.lon)),
      column(circles.map((c) => c.radiusKm)),
      column(boxes.map((b) => b.minLat)),
      column(boxes.map((b) => b.maxLat)),
      column(boxes.map((b) => b.minLon)),
      column(boxes.map((b) => b.maxLon)),
    ];
    const condition = this.compile(dataset, where, params);
    const distance = distanceSql("t", "p.lat", "p.lon");
    const rows = await this.sql(
      `SELECT p.i AS "__circle", x.* FROM unnest(${arrays.join(", ")}) WITH ORDINALITY AS p(lat, lon, r, min_lat, max_lat, min_lon, max_lon, i)
       CROSS JOIN LATERAL (SELECT ${this.columns(dataset, options.fields)}, ${distance} AS "${DISTANCE}" FROM ${quote(table.name)} t
         WHERE ${condition} AND t."lat" BETWEEN p.min_lat AND p.max_lat AND t."lon" BETWEEN p.min_lon AND p.max_lon AND ${distance} <= p.r) x
       ORDER BY p.i, x."${DISTANCE}", x.${quote(key)}`,
      params.values,
    );
    const lists = circles.map(() => [] as Array<{ row: Row; distanceKm: number }>);
    for (const row of rows) {
      const circle = Number(row.__circle) - 1;
      lists[circle]!.push({ row: this.present(dataset, row), distanceKm: distanceOf(row) });
    }
    return lists;
  }

  /** One row by key (batched), or null when absent or out of scope. Retired rows stay readable by key. */
  byKey(dataset: DatasetName, key: string, options: ReadOptions = {}): Promise<Row | null> {
    const spec = DATASETS[dataset];
    const loader = this.loader(`${dataset}#key#${fieldsKey(options.fields)}#${includesKey(options.include)}`, async (keys) => {
      // naming retiredAt (as undefined: no condition) keeps where() from adding "not retired"
      const where = this.where(dataset, { retiredAt: undefined, [spec.key]: { in: [...keys] } });
      const rows = where === null ? [] : await this.select(dataset, where, options);
      const byKey = new Map(rows.map((row) => [String(row.key), row]));
      return keys.map((k) => byKey.get(k) ?? null);
    });
    return loader.load(key) as Promise<Row | null>;
  }

  /** The rows whose `field` equals the parent key (batched), in the dataset's default order or `options.orderBy`. */
  childrenOf(dataset: DatasetName, field: string, parentKey: string, extra: Where = {}, options: ReadOptions = {}): Promise<Row[]> {
    const cacheKey = `${dataset}#${field}#${JSON.stringify(extra)}#${JSON.stringify(options.orderBy ?? null)}#${fieldsKey(options.fields)}#${includesKey(options.include)}`;
    const loader = this.loader(cacheKey, async (keys) => {
      const where = this.where(dataset, { ...extra, [field]: { in: [...keys] } });
      const rows = where === null ? [] : await this.select(dataset, where, { ...options, fields: withColumn(options.fields, field) });
      const groups = new Map<string, Row[]>(keys.map((k) => [k, []]));
      for (const row of rows) groups.get(String(row[field]))?.push(row);
      return keys.map((k) => groups.get(k)!);
    });
    return loader.load(parentKey) as Promise<Row[]>;
  }

  /** The newest row per parent (batched): e.g. a station's latest reading, newest by `newest`. */
  latestOf(dataset: DatasetName, field: string, parentKey: string, newest: string): Promise<Row | null> {
    const loader = this.loader(`${dataset}#latest#${field}#${newest}`, async (keys) => {
      const where = this.where(dataset, { [field]: { in: [...keys] } });
      if (where === null) return keys.map(() => null);
      const { table } = this.spec(dataset);
      const params = new Params();
      const rows = await this.sql(
        `SELECT DISTINCT ON (t.${quote(field)}) ${this.columns(dataset)} FROM ${quote(table.name)} t WHERE ${this.compile(dataset, where, params)}
          ORDER BY t.${quote(field)}, t.${quote(newest)} DESC`,
        params.values,
      );
      const byParent = new Map(this.presentAll(dataset, rows).map((row) => [String(row[field]), row]));
      return keys.map((k) => byParent.get(k) ?? null);
    });
    return loader.load(parentKey) as Promise<Row | null>;
  }

  /**
   * Every row matching the filter within scope, unpresented, for computing
   * figures (statistics, bulletins): only `columns` when given. Present a row
   * before returning it to a client.
   */
  async all(dataset: DatasetName, filter: Where, columns?: readonly string[]): Promise<Row[]> {
    const where = this.where(dataset, filter);
    if (where === null) return [];
    const { table } = this.spec(dataset);
    const params = new Params();
    const list = columns ? columns.map((c) => `t.${quote(c)}`).join(", ") : "t.*";
    return this.sql(
      `SELECT ${list} FROM ${quote(table.name)} t WHERE ${this.compile(dataset, where, params)} ORDER BY ${orderSql(this.orderOf(dataset), "t")}`,
      params.values,
    );
  }

  /** Forgets every batched read of this request: call after a write so the response shows it. */
  forget(): void {
    for (const loader of this.loaders.values()) loader.clearAll();
  }

  /** A request-scoped loader for a custom batch. */
  loader<V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.loaders.get(name) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch);
      this.loaders.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  /** Adds the global id, key, type name and provenance; a row is presented once. */
  present(dataset: DatasetName, row: Row): Row {
    if (row.__typename === dataset) return row;
    const spec = DATASETS[dataset];
    const key = String(row[spec.key]);
    row.key = key;
    row.id = toGlobalId(dataset, key);
    row.__typename = dataset;
    if (spec.shared && row.fetchedAt !== undefined) row.provenance = provenanceOf(row);
    return this.scope.presentFields(dataset, row);
  }

  /** Presents rows, and the child rows an include read with each (JSON, revived to the column types) onto it. */
  presentAll(dataset: DatasetName, rows: Row[], include: readonly Include[] = []): Row[] {
    for (const row of rows) {
      include.forEach((inc, i) => {
        const children = (row[`__include${i}`] as Row[] | undefined) ?? [];
        row[`__include${i}`] = undefined;
        row[inc.as] = this.presentAll(inc.dataset, reviveAll(tableOf(this.tables, inc.dataset), children));
      });
      this.present(dataset, row);
    }
    return rows;
  }

  private async select(dataset: DatasetName, where: Where, options: ReadOptions): Promise<Row[]> {
    const { table } = this.spec(dataset);
    const params = new Params();
    const rows = await this.sql(
      `SELECT ${this.columns(dataset, options.fields)}${this.includes(dataset, options.include, params)} FROM ${quote(table.name)} t WHERE ${this.compile(dataset, where, params)} ORDER BY ${orderSql(this.orderOf(dataset, options.orderBy), "t")}`,
      params.values,
    );
    return this.presentAll(dataset, rows, options.include);
  }

  /**
   * One more select-list column per include: the child rows within the
   * caller's scope for the child dataset, as a JSON array in their order.
   */
  private includes(dataset: DatasetName, include: readonly Include[] | undefined, params: Params): string {
    if (!include || include.length === 0) return "";
    const parentKey = DATASETS[dataset].key;
    return include
      .map((inc, i) => {
        const where = this.where(inc.dataset, inc.where ?? {});
        if (where === null) return `, '[]'::json AS "__include${i}"`;
        const child = tableOf(this.tables, inc.dataset);
        const condition = compileWhere(inc.dataset, where, "i", { tables: this.tables, params });
        const columns = this.columnNames(inc.dataset, inc.fields);
        const object = columns.length <= 50 ? `json_build_object(${columns.map((c) => `'${c}', i.${quote(c)}`).join(", ")})` : "to_json(i)";
        return `, (SELECT coalesce(json_agg(${object} ORDER BY ${orderSql(this.orderOf(inc.dataset, inc.orderBy), "i")}), '[]'::json) FROM ${quote(child.name)} i WHERE i.${quote(inc.field)} = t.${quote(parentKey)} AND ${condition}) AS "__include${i}"`;
      })
      .join("");
  }

  private async count(dataset: DatasetName, where: Where): Promise<number> {
    const params = new Params();
    return this.countWhere(this.spec(dataset).table, this.compile(dataset, where, params), params);
  }

  private async countWhere(table: Table, condition: string, params: Params): Promise<number> {
    const rows = await this.sql(`SELECT count(*) AS n FROM ${quote(table.name)} t WHERE ${condition}`, params.values);
    return Number(rows[0]!.n);
  }

  private compile(dataset: DatasetName, where: Where, params: Params): string {
    return compileWhere(dataset, where, "t", { tables: this.tables, params });
  }

  private spec(dataset: DatasetName): { table: Table; key: string } {
    return { table: tableOf(this.tables, dataset), key: DATASETS[dataset].key };
  }

  private orderOf(dataset: DatasetName, orderBy: OrderBy = DATASETS[dataset].defaultOrder): OrderKey[] {
    const table = tableOf(this.tables, dataset);
    return orderKeys(orderBy, DATASETS[dataset].key, (column) => ({ type: table.columns.get(column) ?? "text", notNull: table.notNull.has(column) }));
  }

  /** The select list for the selected fields (every column when absent). */
  private columns(dataset: DatasetName, fields?: ReadonlySet<string>): string {
    return fields === undefined ? "t.*" : this.columnNames(dataset, fields).map((c) => `t.${quote(c)}`).join(", ");
  }

  /** The columns behind the selected fields: their own, the key, the row's division, and those their resolvers need (every column when absent). */
  private columnNames(dataset: DatasetName, fields?: ReadonlySet<string>): readonly string[] {
    const table = tableOf(this.tables, dataset);
    if (fields === undefined) return [...table.columns.keys()];
    const cacheKey = `${dataset}#${fieldsKey(fields)}`;
    let names = columnLists.get(cacheKey);
    if (names === undefined) {
      const spec = DATASETS[dataset];
      const columns = new Set<string>([spec.key, ...(spec.alwaysRead ?? [])]);
      // the row's own division: the field policy shows some fields only on rows inside the reader's scope
      if (spec.regionPath?.length === 1 && table.columns.has(spec.regionPath[0]!)) columns.add(spec.regionPath[0]!);
      for (const field of fields) {
        if (table.columns.has(field)) columns.add(field);
        else if (field === "provenance") PROVENANCE_COLUMNS.forEach((c) => columns.add(c));
        else spec.needs?.[field]?.forEach((c) => columns.add(c));
      }
      names = [...columns];
      if (columnLists.size < 10_000) columnLists.set(cacheKey, names);
    }
    return names;
  }
}

const columnLists = new Map<string, readonly string[]>();
const fieldKeys = new WeakMap<ReadonlySet<string>, string>();

/** A stable text for a set of fields (loader and select-list caches); "*" for every column. */
function fieldsKey(fields: ReadonlySet<string> | undefined): string {
  if (fields === undefined) return "*";
  let key = fieldKeys.get(fields);
  if (key === undefined) fieldKeys.set(fields, (key = [...fields].sort().join(",")));
  return key;
}

/** A stable text for a list of includes (loader caches). */
function includesKey(include: readonly Include[] | undefined): string {
  if (!include || include.length === 0) return "";
  return include.map((i) => `${i.as}|${i.dataset}|${i.field}|${JSON.stringify(i.where ?? null)}|${JSON.stringify(i.orderBy ?? null)}|${fieldsKey(i.fields)}`).join(";");
}

/** Child rows come as JSON: timestamps become Dates again, as in rows read directly (sql.ts); days stay "YYYY-MM-DD". */
function reviveAll(table: Table, rows: Row[]): Row[] {
  const timestamps = timestampColumns(table);
  if (timestamps.length === 0) return rows;
  for (const row of rows) {
    for (const { column, zoned } of timestamps) {
      const value = row[column];
      if (typeof value === "string") row[column] = new Date(zoned ? value : `${value}Z`);
    }
  }
  return rows;
}

const timestampsByTable = new WeakMap<Table, Array<{ column: string; zoned: boolean }>>();

function timestampColumns(table: Table): Array<{ column: string; zoned: boolean }> {
  let list = timestampsByTable.get(table);
  if (!list) {
    list = [...table.columns].filter(([, type]) => type.startsWith("timestamp")).map(([column, type]) => ({ column, zoned: type.endsWith("with time zone") }));
    timestampsByTable.set(table, list);
  }
  return list;
}

function withColumn(fields: ReadonlySet<string> | undefined, column: string): ReadonlySet<string> | undefined {
  return fields === undefined || fields.has(column) ? fields : new Set([...fields, column]);
}

/** " AND <after the cursor's row>" for a page that starts after a cursor; "" for the first page. */
function afterCursor(keys: readonly OrderKey[], table: Table, key: string, page: Page, params: Params): string {
  return page.afterKey === null ? "" : ` AND ${afterSql(keys, "t", cursorValue(table, key, params.add(page.afterKey, "text")))}`;
}

/** The cursor row's value for an order key: a scalar subquery on the row whose key is the parameter `keyParam`. */
function cursorValue(table: Table, key: string, keyParam: string): (orderKey: OrderKey) => string {
  return (orderKey) => `(SELECT ${orderKey.sql("c")} FROM ${quote(table.name)} c WHERE c.${quote(key)} = ${keyParam})`;
}

function keyOf(row: Row): string {
  return row.key as string;
}

function distanceOf(row: Row): number {
  return Math.round((row[DISTANCE] as number) * 1000) / 1000;
}

/** Haversine distance in km from a row's lat/lon to the point, for table alias `alias`. */
function distanceSql(alias: string, lat: string, lon: string): string {
  return `(2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(power(sin(radians(${alias}."lat" - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${alias}."lat")) * power(sin(radians(${alias}."lon" - ${lon}) / 2), 2)))))`;
}

/**
 * Longitude is scaled by cos 34° (the middle of Henan) so that a degree east weighs about what it does on
 * the ground; the nearest-neighbour index is built on the same expression (migration 20261207040000_nearest_indexes).
 */
export const NEAREST_LON_SCALE = 0.829;

/** The planar distance the nearest-neighbour (GiST) index orders by: an order, not a distance in km. */
function nearestSql(alias: string, lat: string, lon: string): string {
  return `${planarPoint(alias)} <-> point(${lon} * ${NEAREST_LON_SCALE}, ${lat})`;
}

/**
 * Rows of `alias` within `radius` (an SQL expression, km) of the point: the bounding box, computed in SQL,
 * on the nearest-neighbour index's planar points (a box of that index, so only the rows inside it are
 * read, however dense the band of latitude), then the exact distance.
 */
function circleSql(alias: string, lat: string, lon: string, radius: string): string {
  const dLat = `degrees(${radius} / ${EARTH_RADIUS_KM})`;
  const dLon = `degrees(asin(least(1, sin(${radius} / ${EARTH_RADIUS_KM}) / cos(radians(${lat})))))`;
  const corner = (sign: "-" | "+") => `point((${lon} ${sign} ${dLon}) * ${NEAREST_LON_SCALE}, ${lat} ${sign} ${dLat})`;
  return `${planarPoint(alias)} <@ box(${corner("-")}, ${corner("+")}) AND ${distanceSql(alias, lat, lon)} <= ${radius}`;
}

/** A row's point as the nearest-neighbour index holds it. */
function planarPoint(alias: string): string {
  return `point(${alias}."lon" * ${NEAREST_LON_SCALE}, ${alias}."lat")`;
}

/** Rows of `alias` inside the circle (centre given as the parameters `lat`, `lon`): the bounding box (which the (lat, lon) index serves) and the exact distance. */
function withinSql(alias: string, near: Near, lat: string, lon: string, params: Params): string {
  const box = boundingBox(near.lat, near.lon, near.radiusKm);
  return `${alias}."lat" BETWEEN ${params.add(box.minLat, "float8")} AND ${params.add(box.maxLat, "float8")} AND ${alias}."lon" BETWEEN ${params.add(box.minLon, "float8")} AND ${params.add(box.maxLon, "float8")} AND ${distanceSql(alias, lat, lon)} <= ${params.add(near.radiusKm, "float8")}`;
}
