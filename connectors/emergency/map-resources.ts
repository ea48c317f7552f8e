/** Shelters, rescue teams with members, supply depots with items, plans and experts, mapped to hub records. */
import type { HubRecord } from "../types.js";
import type { DutyShiftRow, ExpertRow, OfficerRow, PlanRow } from "./plan.schema.js";
import type { ShelterRow } from "./shelter.schema.js";
import type { SupplyDepotRow, SupplyItemRow } from "./supply.schema.js";
import type { RescueTeamRow, TeamMemberRow } from "./team.schema.js";

export function shelterRecord(row: ShelterRow): HubRecord {
  return {
    dataset: "shelter",
    sourceId: row.shelterCode,
    data: {
      code: row.shelterCode,
      name: row.shelterName,
      level: row.shelterLevel,
      shelterClass: row.shelterClass,
      spaceType: row.placeType,
      disasterTypes: row.disasterTypes,
      areaM2: row.effectiveArea,
      capacity: row.capacity,
      serviceRadiusM: row.serviceRadius,
      facilities: row.facilities,
      lon: row.longitude,
      lat: row.latitude,
      regionCode: row.areaCode,
      address: row.address,
      managingUnit: row.manageUnit,
      contactName: row.contactPerson,
      contactPhone: row.contactPhone,
      status: row.useState,
    },
  };
}

export function rescueTeamRecord(row: RescueTeamRow): HubRecord {
  return {
    dataset: "rescueTeam",
    sourceId: row.teamId,
    data: {
      name: row.teamName,
      category: row.teamType,
      // an enterprise's brigade belongs to no tier of government
      level: row.teamType === "ENTERPRISE_FULL_TIME" || row.teamType === "ENTERPRISE_PART_TIME" ? null : row.teamLevel,
      headcount: row.personNum,
      vehicles: row.vehicleNum ?? 0,
      equipment: row.equipments,
      baseAddress: row.baseAddress,
      lon: row.longitude,
      lat: row.latitude,
      regionCode: row.areaCode,
      dutyPhone: row.dutyPhone,
      status: row.teamState,
      enterpriseCode: row.creditCode,
    },
  };
}

export function teamMemberRecord(row: TeamMemberRow): HubRecord {
  return {
    dataset: "teamMember",
    sourceId: row.memberId,
    data: { name: row.memberName, role: row.post, skills: row.skills, phone: row.mobile },
    refs: { teamId: { dataset: "rescueTeam", sourceId: row.teamId } },
  };
}

export function supplyDepotRecord(row: SupplyDepotRow): HubRecord {
  return {
    dataset: "supplyDepot",
    sourceId: row.depotId,
    data: {
      name: row.depotName,
      tier: row.depotLevel,
      storageMode: row.reserveMode,
      address: row.address,
      lon: row.longitude,
      lat: row.latitude,
      regionCode: row.areaCode,
      keeperName: row.keeper,
      keeperPhone: row.keeperPhone,
      enterpriseCode: row.creditCode,
    },
  };
}

export function supplyItemRecord(row: SupplyItemRow): HubRecord {
  return {
    dataset: "supplyItem",
    sourceId: row.itemId,
    data: { category: row.category, name: row.itemName, quantity: row.quantity, unit: row.unit },
    refs: { depotId: { dataset: "supplyDepot", sourceId: row.depotId } },
  };
}

export function planRecord(row: PlanRow): HubRecord {
  return {
    dataset: "emergencyPlan",
    sourceId: row.planId,
    data: {
      code: row.planCode,
      name: row.planName,
      kind: row.planType,
      level: row.planLevel,
      eventTypes: row.eventTypes,
      responseLevels: row.responseLevels,
      ownerUnit: row.ownerUnit,
      enterpriseCode: row.creditCode,
      regionCode: row.areaCode,
      filed: row.recordState,
      filedAt: row.recordDate,
      revisedAt: row.reviseDate,
      lastDrillAt: row.lastDrillDate,
    },
  };
}

export function expertRecord(row: ExpertRow): HubRecord {
  return {
    dataset: "expert",
    sourceId: row.expertId,
    data: {
      name: row.expertName,
      specialities: row.specialities,
      unit: row.unit,
      title: row.title,
      regionCode: row.areaCode,
      phone: row.phone,
      lon: row.longitude,
      lat: row.latitude,
    },
  };
}

export function dutyShiftRecord(row: DutyShiftRow): HubRecord {
  return {
    dataset: "dutyShift",
    sourceId: row.shiftId,
    data: { unit: row.dutyUnit, regionCode: row.areaCode, role: row.dutyRole, name: row.personName, phone: row.phone, startsAt: row.startTime, endsAt: row.endTime },
  };
}

export function officerRecord(row: OfficerRow): HubRecord {
  return {
    dataset: "informationOfficer",
    sourceId: row.officerId,
    data: { role: row.officerRole, name: row.personName, phone: row.phone, regionCode: row.areaCode, grid: row.gridName },
  };
}
