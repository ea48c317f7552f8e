import { Field, Float, ObjectType } from "type-graphql";
import { defineEnum } from "../common/define-enum.js";
import { Node } from "../common/node.type.js";
import { SharedRecord } from "../common/shared-record.type.js";

export const PlanKind = defineEnum("PlanKind", "The kind of an emergency plan (预案类别)", {
  OVERALL: "总体应急预案",
  SPECIAL: "专项应急预案",
  DEPARTMENTAL: "部门应急预案",
  GRASSROOTS: "基层应急预案",
  ENTERPRISE: "企业应急预案",
});

@ObjectType({ implements: Node, description: "An emergency plan (应急预案): what it covers, who owns it, its filing, revision and last drill" })
export class EmergencyPlan extends SharedRecord {
  @Field({ description: "预案编号 or the document number it was issued under" }) code!: string;
  @Field() name!: string;
  @Field(() => PlanKind) kind!: string;
  @Field(() => String, { nullable: true, description: "The issuing level (PROVINCE … VILLAGE); null for an enterprise's plan" }) level!: string | null;
  @Field(() => [String], { description: "The events it covers: 暴雨, 洪水, 地质灾害, 危险化学品事故 …" }) eventTypes!: string[];
  @Field(() => [String], { description: "The response levels it defines: Ⅰ级 … Ⅳ级" }) responseLevels!: string[];
  @Field({ description: "编制单位" }) ownerUnit!: string;
  @Field(() => String, { nullable: true }) enterpriseCode!: string | null;
  @Field() regionCode!: string;
  @Field({ description: "备案" }) filed!: boolean;
  @Field(() => String, { nullable: true, description: "备案日期, YYYY-MM-DD" }) filedAt!: string | null;
  @Field(() => String, { nullable: true, description: "Last revision, YYYY-MM-DD" }) revisedAt!: string | null;
  @Field(() => String, { nullable: true, description: "Last drill (演练), YYYY-MM-DD" }) lastDrillAt!: string | null;
}

@ObjectType({ implements: Node, description: "An expert of the emergency bureau's pools (应急专家); name and phone are personal" })
export class Expert extends SharedRecord {
  @Field(() => String, { nullable: true, description: "Personal: masked unless the reader's role needs it" }) name!: string | null;
  @Field(() => [String], { description: "危化, 矿山, 地质, 水利, 气象, 医疗, 建筑 …" }) specialities!: string[];
  @Field() unit!: string;
  @Field(() => String, { nullable: true, description: "职称" }) title!: string | null;
  @Field() regionCode!: string;
  @Field(() => String, { nullable: true, description: "Personal: masked unless the reader's role needs it" }) phone!: string | null;
  @Field(() => Float, { nullable: true }) lon!: number | null;
  @Field(() => Float, { nullable: true }) lat!: number | null;
}

export const DutyRole = defineEnum("DutyRole", "A duty post (值班岗位)", { LEADER: "带班领导", OFFICER: "值班员" });

export const OfficerRole = defineEnum("OfficerRole", "A village's information officer or grid member", {
  INFORMATION_OFFICER_A: "灾害信息员 A 岗",
  INFORMATION_OFFICER_B: "灾害信息员 B 岗",
  GRID_MEMBER: "网格员",
});

@ObjectType({ implements: Node, description: "A shift of a bureau's duty roster (值班值守); name and phone are personal" })
export class DutyShift extends SharedRecord {
  @Field({ description: "The bureau on duty" }) unit!: string;
  @Field() regionCode!: string;
  @Field(() => DutyRole) role!: string;
  @Field(() => String, { nullable: true, description: "Personal" }) name!: string | null;
  @Field(() => String, { nullable: true, description: "Personal" }) phone!: string | null;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
}

@ObjectType({ implements: Node, description: "A village's or community's disaster information officer (灾害信息员) or grid member (网格员); name and phone are personal" })
export class InformationOfficer extends SharedRecord {
  @Field(() => OfficerRole) role!: string;
  @Field(() => String, { nullable: true, description: "Personal" }) name!: string | null;
  @Field(() => String, { nullable: true, description: "Personal" }) phone!: string | null;
  @Field({ description: "The village or community (12 digits)" }) regionCode!: string;
  @Field(() => String, { nullable: true, description: "The grid (网格), for grid members" }) grid!: string | null;
}

@ObjectType({ description: "A plan that answers a warning, with the response levels it sets" })
export class PlanResponse {
  @Field(() => EmergencyPlan) plan!: unknown;
  @Field(() => [String]) responseLevels!: string[];
}
