/** Maps one page of the emergency feed to hub records, parents before children. */
import type { Dataset, ParseResult } from "../types.js";
import { RecordCollector, rawId } from "../shared/collector.js";
import { collectRows } from "../shared/rows.js";
import { enterpriseRow } from "./enterprise.schema.js";
import { isCompletePage, LIST_DATASETS, LIST_NAMES, type EmergencyPage } from "./envelope.schema.js";
import { hazardRow } from "./hazard.schema.js";
import { enforcementRow } from "./enforcement.schema.js";
import {
  enforcementRecord,
  enterpriseRecord,
  hazardRecord,
  majorHazardSourceRecord,
  riskPointRecord,
  type SafetyContext,
} from "./map-safety.js";
import {
  dutyShiftRecord,
  expertRecord,
  officerRecord,
  planRecord,
  rescueTeamRecord,
  shelterRecord,
  supplyDepotRecord,
  supplyItemRecord,
  teamMemberRecord,
} from "./map-resources.js";
import { majorHazardSourceRow, riskPointRow } from "./risk.schema.js";
import { dutyShiftRow, expertRow, officerRow, planRow } from "./plan.schema.js";
import { shelterRow } from "./shelter.schema.js";
import { supplyDepotRow, supplyItemRow } from "./supply.schema.js";
import { rescueTeamRow, teamMemberRow } from "./team.schema.js";

const idBy = (key: string) => (raw: unknown) => rawId(raw, key);
const creditCodeId = (raw: unknown) => rawId(raw, "creditCode")?.toUpperCase();

export function mapEmergencyPage(page: EmergencyPage): ParseResult {
  const out = new RecordCollector();
  const lists = page.lists;
  const ctx: SafetyContext = { enterprises: new Map(), riskPointOwners: new Map() };

  collectRows(out, "enterprise", lists.enterprises ?? [], creditCodeId, enterpriseRow, (row) => {
    ctx.enterprises.set(row.creditCode, { sector: row.industryType, regionCode: row.areaCode });
    return enterpriseRecord(row);
  });
  collectRows(out, "riskPoint", lists.riskPoints ?? [], idBy("id"), riskPointRow, (row) => {
    const record = riskPointRecord(row, ctx);
    if (typeof record !== "string") ctx.riskPointOwners.set(row.id, row.creditCode);
    return record;
  });
  collectRows(out, "majorHazardSource", lists.majorHazardSources ?? [], idBy("id"), majorHazardSourceRow, (row) =>
    majorHazardSourceRecord(row, ctx),
  );
  collectRows(out, "hazard", lists.hazards ?? [], idBy("id"), hazardRow, (row) => hazardRecord(row, ctx));
  collectRows(out, "enforcementAction", lists.enforcements ?? [], idBy("caseNo"), enforcementRow, (row) => enforcementRecord(row, ctx));
  collectRows(out, "shelter", lists.shelters ?? [], idBy("shelterCode"), shelterRow, shelterRecord);
  collectRows(out, "rescueTeam", lists.rescueTeams ?? [], idBy("teamId"), rescueTeamRow, rescueTeamRecord);
  collectRows(out, "teamMember", lists.teamMembers ?? [], idBy("memberId"), teamMemberRow, teamMemberRecord);
  collectRows(out, "supplyDepot", lists.supplyDepots ?? [], idBy("depotId"), supplyDepotRow, supplyDepotRecord);
  collectRows(out, "supplyItem", lists.supplyItems ?? [], idBy("itemId"), supplyItemRow, supplyItemRecord);
  collectRows(out, "emergencyPlan", lists.plans ?? [], idBy("planId"), planRow, planRecord);
  collectRows(out, "expert", lists.experts ?? [], idBy("expertId"), expertRow, expertRecord);
  collectRows(out, "dutyShift", lists.dutyShifts ?? [], idBy("shiftId"), dutyShiftRow, dutyShiftRecord);
  collectRows(out, "informationOfficer", lists.informationOfficers ?? [], idBy("officerId"), officerRow, officerRecord);

  const snapshotOf: Dataset[] = isCompletePage(page)
    ? LIST_NAMES.filter((name) => (lists[name]?.length ?? 0) > 0).map((name) => LIST_DATASETS[name])
    : [];
  return out.result(snapshotOf);
}
