/**
 * The paged envelope of the emergency bureau's REST API:
 * { code, msg, page, pageSize, total, data: { enterprises: [...], hazards: [...], ... } }.
 * `total` counts the rows of all lists together.
 */
import { z } from "zod";
import type { Dataset } from "../types.js";

/** The lists a page may carry, in the order they are mapped (parents first). */
export const LIST_DATASETS = {
  enterprises: "enterprise",
  riskPoints: "riskPoint",
  majorHazardSources: "majorHazardSource",
  hazards: "hazard",
  enforcements: "enforcementAction",
  shelters: "shelter",
  rescueTeams: "rescueTeam",
  teamMembers: "teamMember",
  supplyDepots: "supplyDepot",
  supplyItems: "supplyItem",
  plans: "emergencyPlan",
  experts: "expert",
  dutyShifts: "dutyShift",
  informationOfficers: "informationOfficer",
} as const satisfies Record<string, Dataset>;

export type ListName = keyof typeof LIST_DATASETS;
export const LIST_NAMES = Object.keys(LIST_DATASETS) as ListName[];

export const envelope = z.object({
  code: z.number().int(),
  msg: z.string().optional(),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  total: z.number().int().min(0),
  data: z.object(Object.fromEntries(LIST_NAMES.map((name) => [name, z.array(z.unknown()).optional()]))).loose(),
});

export type EmergencyLists = Partial<Record<ListName, unknown[]>>;

export interface EmergencyPage {
  page: number;
  pageSize: number;
  total: number;
  lists: EmergencyLists;
}

/** Only a first page that holds every row (page 1, pageSize ≥ total) is a full snapshot. */
export function isCompletePage(page: EmergencyPage): boolean {
  return page.page === 1 && page.pageSize >= page.total;
}
