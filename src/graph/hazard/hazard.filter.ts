import { Field, InputType } from "type-graphql";
import { OPEN_STATES, TERMINAL_STATES } from "../../core/hazard/index.js";
import type { OrderBy, Where } from "../../data/reader.js";
import { HazardGrade, HazardState } from "../common/enums.js";
import { defineEnum } from "../common/define-enum.js";
import { RegionFilter } from "../common/inputs.js";

@InputType({ description: "Which hazards of an enterprise: every condition given must hold" })
export class HazardStateFilter {
  @Field(() => [HazardState], { nullable: true, description: "Any of these states" }) states?: string[];
  @Field(() => [HazardGrade], { nullable: true, description: "Any of these grades" }) grades?: string[];
  @Field({ nullable: true, description: "true: open (reported, rectifying or awaiting acceptance); false: closed or cancelled" }) open?: boolean;
}

@InputType({ description: "Hazard list filter" })
export class HazardFilter extends RegionFilter {
  @Field(() => HazardGrade, { nullable: true, description: "This grade (see also grades)" }) grade?: string;
  @Field(() => [HazardGrade], { nullable: true, description: "Any of these grades" }) grades?: string[];
  @Field(() => [HazardState], { nullable: true, description: "Any of these states" }) states?: string[];
  @Field({ nullable: true, description: "true: open (reported, rectifying or awaiting acceptance); false: closed or cancelled" }) open?: boolean;
  @Field({ nullable: true, description: "Sector (行业领域), exact" }) sector?: string;
  @Field({ nullable: true, description: "Credit code of the enterprise" }) enterpriseCode?: string;
}

/** The conditions on state and grade that a hazard filter gives, as a list of filters to AND. */
export function hazardStateWhere(filter: HazardStateFilter & { grade?: string } | undefined): Where[] {
  const parts: Where[] = [];
  if (filter?.states) parts.push({ state: { in: filter.states } });
  if (filter?.open != null) parts.push({ state: { in: filter.open ? OPEN_STATES : TERMINAL_STATES } });
  if (filter?.grades) parts.push({ grade: { in: filter.grades } });
  if (filter?.grade) parts.push({ grade: filter.grade });
  return parts;
}

export const HazardOrder = defineEnum("HazardOrder", "Order of a hazard list (the hazard's id breaks ties)", {
  FOUND_AT_DESC: "newest first (发现时间倒序)",
  DEADLINE_ASC: "earliest rectification deadline first, those without one last (整改期限)",
});

export const HAZARD_ORDERS: Record<keyof typeof HazardOrder, OrderBy> = {
  FOUND_AT_DESC: [{ foundAt: "desc" }],
  DEADLINE_ASC: [{ deadline: "asc" }],
};
