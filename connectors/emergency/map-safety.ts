/**
 * Enterprise files and their safety records — risk points, major hazard
 * sources, hazards — mapped to hub records. Children take region (and, for
 * hazards, sector) from their enterprise, so it must be in the same document.
 */
import type { HubRecord } from "../types.js";
import type { EnterpriseRow } from "./enterprise.schema.js";
import type { EnforcementRow } from "./enforcement.schema.js";
import type { HazardRow } from "./hazard.schema.js";
import type { MajorHazardSourceRow, RiskPointRow } from "./risk.schema.js";

export interface EnterpriseFacts {
  sector: string;
  regionCode: string;
}

/** Enterprises of this document by credit code, and risk points by id with their enterprise. */
export interface SafetyContext {
  enterprises: Map<string, EnterpriseFacts>;
  riskPointOwners: Map<string, string>;
}

export function enterpriseRecord(row: EnterpriseRow): HubRecord {
  return {
    dataset: "enterprise",
    sourceId: row.creditCode,
    data: {
      creditCode: row.creditCode,
      name: row.companyName,
      sector: row.industryType,
      sizeClass: row.scale,
      regionCode: row.areaCode,
      address: row.address,
      lon: row.longitude,
      lat: row.latitude,
      legalRepresentative: row.legalPerson,
      legalRepresentativePhone: row.legalPersonPhone,
      safetyPrincipal: row.safetyPrincipal,
      safetyPrincipalPhone: row.safetyPrincipalPhone,
      standardisationGrade: row.standardGrade,
      liabilityInsurance: row.insured,
      dualPreventionStatus: row.dualPreventionState,
      creditStatus: row.creditState,
    },
  };
}

function unknownEnterprise(code: string): string {
  return `unknown enterprise ${code} (not accepted in this document)`;
}

export function riskPointRecord(row: RiskPointRow, ctx: SafetyContext): HubRecord | string {
  const owner = ctx.enterprises.get(row.creditCode);
  if (!owner) return unknownEnterprise(row.creditCode);
  return {
    dataset: "riskPoint",
    sourceId: row.id,
    data: {
      enterpriseCode: row.creditCode,
      name: row.riskName,
      type: row.riskType,
      hazardFactors: row.hazardFactors,
      accidentTypes: row.accidentTypes,
      level: row.riskLevel,
      assessmentMethod: row.evaluateMethod,
      assessmentScore: row.evaluateScore,
      controlMeasures: row.controlMeasures,
      responsibleUnit: row.liableDept,
      responsiblePerson: row.liablePerson,
      onlineMonitored: row.onlineMonitor ?? false,
      regionCode: owner.regionCode,
    },
  };
}

export function majorHazardSourceRecord(row: MajorHazardSourceRow, ctx: SafetyContext): HubRecord | string {
  const owner = ctx.enterprises.get(row.creditCode);
  if (!owner) return unknownEnterprise(row.creditCode);
  return {
    dataset: "majorHazardSource",
    sourceId: row.id,
    data: {
      enterpriseCode: row.creditCode,
      name: row.hazardName,
      grade: row.hazardRank,
      substances: row.chemicals,
      rValue: row.rValue,
      filed: row.recordState ?? false,
      filedAt: row.recordDate,
      monitoringOnline: row.monitorOnline ?? false,
      regionCode: owner.regionCode,
    },
  };
}

export function enforcementRecord(row: EnforcementRow, ctx: SafetyContext): HubRecord | string {
  const owner = ctx.enterprises.get(row.creditCode);
  if (!owner) return unknownEnterprise(row.creditCode);
  return {
    dataset: "enforcementAction",
    sourceId: row.caseNo,
    data: {
      enterpriseCode: row.creditCode,
      caseNumber: row.caseNo,
      inspectedAt: row.checkTime,
      unit: row.lawUnit,
      findings: row.problems,
      hazardSourceIds: row.dangerIds,
      order: row.orderType,
      orderDeadline: row.orderDeadline,
      penalty: row.punishType,
      fineYuan: row.fineAmount,
      closed: row.caseState ?? false,
      regionCode: owner.regionCode,
    },
  };
}

export function hazardRecord(row: HazardRow, ctx: SafetyContext): HubRecord | string {
  const owner = ctx.enterprises.get(row.creditCode);
  if (!owner) return unknownEnterprise(row.creditCode);
  const riskPointOwner = row.riskPointId === null ? undefined : ctx.riskPointOwners.get(row.riskPointId);
  if (riskPointOwner !== undefined && riskPointOwner !== row.creditCode) {
    return `riskPointId ${row.riskPointId} belongs to enterprise ${riskPointOwner}, not ${row.creditCode}`;
  }
  const closed = row.dangerState === "CLOSED";
  const record: HubRecord = {
    dataset: "hazard",
    sourceId: row.id,
    data: {
      enterpriseCode: row.creditCode,
      grade: row.dangerLevel,
      state: row.dangerState,
      description: row.dangerDesc ? `${row.dangerName}：${row.dangerDesc}` : row.dangerName,
      category: row.hazardCategory,
      discoverySource: row.dangerSrc,
      foundAt: row.registTime,
      foundBy: row.registrant,
      regionCode: owner.regionCode,
      sector: owner.sector,
      measures: row.controlMeasures,
      funds: row.dangerManageFunds,
      responsiblePerson: row.liablePerson,
      deadline: row.rectifyDeadline,
      goal: row.dangerManageGoal,
      safetyMeasures: row.safetyMeasures,
      supervisedBy: row.superviseOrg,
      supervisionDeadline: row.superviseDeadline,
      acceptedBy: row.checkAcceptPerson,
      acceptedAt: row.checkAcceptTime,
      acceptanceOpinion: row.checkAcceptComment,
      closedAt: closed ? row.checkAcceptTime : null,
    },
  };
  if (row.riskPointId === null) record.data.riskPointId = null;
  else record.refs = { riskPointId: { dataset: "riskPoint", sourceId: row.riskPointId } };
  return record;
}
