/** Road hazard rows to `roadHazard` records. */
import type { HubRecord, ParseResult } from "../types.js";
import { RecordCollector, rawId } from "../shared/collector.js";
import { collectRows } from "../shared/rows.js";
import type { CsvRow } from "./gb18030-csv.parser.js";
import { roadHazardRow, type RoadHazardRow } from "./road-hazard.schema.js";

function roadHazardRecord(row: RoadHazardRow): HubRecord {
  return {
    dataset: "roadHazard",
    sourceId: row.编号,
    data: {
      code: row.编号,
      kind: row.类型,
      route: row.路线,
      name: row.名称,
      startStake: row.起点桩号,
      endStake: row.止点桩号,
      regionCode: row.行政区划代码,
      lon: row.经度,
      lat: row.纬度,
      maintainingUnit: row.管养单位,
      status: row.状态,
      closed: row.是否封闭,
      closureReason: row.封闭原因,
      closedFrom: row.封闭开始,
      closedUntil: row.封闭结束,
    },
  };
}

/** A file with rows is the full list of road hazards; a file with only a header retires nothing. */
export function mapRoadHazards(rows: CsvRow[]): ParseResult {
  const out = new RecordCollector();
  collectRows(out, "roadHazard", rows, (raw) => rawId(raw, "编号"), roadHazardRow, roadHazardRecord);
  return out.result(rows.length > 0 ? ["roadHazard"] : []);
}
