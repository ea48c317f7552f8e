/**
 * SL 323 tables to hub records: stations with their thresholds merged in, and
 * river/reservoir readings. A reading may name a station that is not in this
 * document (it may be known from an earlier sync); the sync decides.
 */
import type { Dataset, HubRecord, ParseResult } from "../types.js";
import { RecordCollector, rawId } from "../shared/collector.js";
import { describeIssues } from "../shared/reasons.js";
import { collectRows } from "../shared/rows.js";
import { parseSourceDateTime } from "../shared/time.js";
import type { Row, Sl323Tables } from "./sl323.parser.js";
import {
  reservoirLimitRow,
  reservoirReadingRow,
  rainfallReadingRow,
  type RainfallReadingRow,
  riverReadingRow,
  riverThresholdRow,
  stationRow,
  type ReservoirReadingRow,
  type RiverReadingRow,
  type StationRow,
} from "./sl323.schema.js";
import type { FloodLimitPeriod } from "../../src/core/hydro.js";

interface Thresholds {
  warningLevel: number | null;
  guaranteedLevel: number | null;
  historicalMaxLevel: number | null;
  floodLimitPeriods: FloodLimitPeriod[];
  rows: Array<{ table: string; raw: Row }>;
}

function blankThresholds(): Thresholds {
  return { warningLevel: null, guaranteedLevel: null, historicalMaxLevel: null, floodLimitPeriods: [], rows: [] };
}

/** Thresholds by STCD. Each 汛限水位 row is kept with its period (BGMD–EDMD; the whole year when it names none), and applied by date. */
function readThresholds(tables: Sl323Tables, out: RecordCollector): Map<string, Thresholds> {
  const byStation = new Map<string, Thresholds>();
  const entry = (code: string) => byStation.get(code) ?? byStation.set(code, blankThresholds()).get(code)!;
  const seenRiver = new Set<string>();
  for (const raw of tables.ST_RVFCCH_B ?? []) {
    const parsed = riverThresholdRow.safeParse(raw);
    const id = rawId(raw, "STCD");
    if (!parsed.success) {
      out.reject("hydroStation", id, `ST_RVFCCH_B ${describeIssues(parsed.error, raw)}`, raw);
    } else if (seenRiver.has(parsed.data.STCD)) {
      out.reject("hydroStation", id, "ST_RVFCCH_B duplicate id", raw);
    } else {
      seenRiver.add(parsed.data.STCD);
      const t = entry(parsed.data.STCD);
      t.warningLevel = parsed.data.WRZ;
      t.guaranteedLevel = parsed.data.GRZ;
      t.historicalMaxLevel = parsed.data.OBHTZ;
      t.rows.push({ table: "ST_RVFCCH_B", raw });
    }
  }
  for (const raw of tables.ST_RSVRFSR_B ?? []) {
    const parsed = reservoirLimitRow.safeParse(raw);
    if (!parsed.success) {
      out.reject("hydroStation", rawId(raw, "STCD"), `ST_RSVRFSR_B ${describeIssues(parsed.error, raw)}`, raw);
      continue;
    }
    const t = entry(parsed.data.STCD);
    t.floodLimitPeriods.push({ from: parsed.data.BGMD ?? "0101", to: parsed.data.EDMD ?? "1231", level: parsed.data.FSLTDZ });
    t.rows.push({ table: "ST_RSVRFSR_B", raw });
  }
  return byStation;
}

function stationRecord(row: StationRow, thresholds: Thresholds | undefined): HubRecord {
  return {
    dataset: "hydroStation",
    sourceId: row.STCD,
    data: {
      code: row.STCD,
      name: row.STNM,
      river: row.RVNM,
      stationType: row.STTP,
      lon: row.LGTD,
      lat: row.LTTD,
      regionCode: row.ADDVCD,
      warningLevel: thresholds?.warningLevel ?? null,
      guaranteedLevel: thresholds?.guaranteedLevel ?? null,
      floodLimitLevel: null,
      floodLimitPeriods: thresholds?.floodLimitPeriods.length ? thresholds.floodLimitPeriods : null,
      historicalMaxLevel: thresholds?.historicalMaxLevel ?? null,
    },
  };
}

/** `${STCD}@${TM as ISO}`: the id of a reading, also before it is validated. */
function readingId(raw: unknown): string | undefined {
  const code = rawId(raw, "STCD");
  const time = rawId(raw, "TM");
  if (code === undefined || time === undefined) return undefined;
  return `${code}@${parseSourceDateTime(time) ?? time}`;
}

function riverReading(row: RiverReadingRow): HubRecord {
  return {
    dataset: "hydroReading",
    sourceId: `${row.STCD}@${row.TM}`,
    data: { stationCode: row.STCD, observedAt: row.TM, level: row.Z, flow: row.Q, inflow: null, outflow: null, storage: null, rainfall: null, rainfallHours: null },
  };
}

function reservoirReading(row: ReservoirReadingRow): HubRecord {
  return {
    dataset: "hydroReading",
    sourceId: `${row.STCD}@${row.TM}`,
    data: { stationCode: row.STCD, observedAt: row.TM, level: row.RZ, flow: null, inflow: row.INQ, outflow: row.OTQ, storage: row.W, rainfall: null, rainfallHours: null },
  };
}

function rainfallReading(row: RainfallReadingRow): HubRecord {
  return {
    dataset: "hydroReading",
    sourceId: `${row.STCD}@${row.TM}`,
    data: { stationCode: row.STCD, observedAt: row.TM, level: null, flow: null, inflow: null, outflow: null, storage: null, rainfall: row.DRP, rainfallHours: row.INTV ?? 1 },
  };
}

export function mapSl323(tables: Sl323Tables): ParseResult {
  const out = new RecordCollector();
  const thresholds = readThresholds(tables, out);
  const stationsInDocument = new Set<string>();
  collectRows(out, "hydroStation", tables.ST_STBPRP_B ?? [], (raw) => rawId(raw, "STCD"), stationRow, (row) => {
    stationsInDocument.add(row.STCD);
    return stationRecord(row, thresholds.get(row.STCD));
  });
  for (const [code, t] of thresholds) {
    if (stationsInDocument.has(code)) continue;
    for (const { table, raw } of t.rows) {
      out.reject("hydroStation", code, `${table} row for a station not accepted from ST_STBPRP_B of this document`, raw);
    }
  }
  collectRows(out, "hydroReading", tables.ST_RIVER_R ?? [], readingId, riverReadingRow, riverReading);
  collectRows(out, "hydroReading", tables.ST_RSVR_R ?? [], readingId, reservoirReadingRow, reservoirReading);
  collectRows(out, "hydroReading", tables.ST_PPTN_R ?? [], readingId, rainfallReadingRow, rainfallReading);
  const snapshotOf: Dataset[] = (tables.ST_STBPRP_B?.length ?? 0) > 0 ? ["hydroStation"] : [];
  return out.result(snapshotOf);
}
