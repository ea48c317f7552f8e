import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import { AdminLevel, ShelterClass, ShelterStatus, SpaceType, StorageMode, TeamCategory, TeamStatus } from "../common/enums.js";
import { Node } from "../common/node.type.js";
import { SharedRecord } from "../common/shared-record.type.js";

@ObjectType({ implements: Node, description: "Emergency shelter (应急避难场所)" })
@Directive(`@key(fields: "id")`)
@Directive(`@key(fields: "code")`)
export class Shelter extends SharedRecord {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => AdminLevel) level!: string;
  @Field(() => ShelterClass, { nullable: true }) shelterClass!: string | null;
  @Field(() => SpaceType) spaceType!: string;
  @Field(() => [String], { description: "Disasters it serves: 地震, 洪涝, 火灾…" }) disasterTypes!: string[];
  @Field(() => Float, { description: "Effective area, m²" }) areaM2!: number;
  @Field(() => Int, { description: "Capacity, people" }) capacity!: number;
  @Field(() => Int, { nullable: true, description: "Service radius, m" }) serviceRadiusM!: number | null;
  @Field(() => [String], { description: "应急供水, 供电, 医疗, 厕所, 通信, 物资…" }) facilities!: string[];
  @Field(() => Float) lon!: number;
  @Field(() => Float) lat!: number;
  @Field() regionCode!: string;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true }) managingUnit!: string | null;
  @Field(() => String, { nullable: true, description: "(personal)" }) contactName!: string | null;
  @Field(() => String, { nullable: true, description: "(personal)" }) contactPhone!: string | null;
  @Field(() => ShelterStatus) status!: string;
}

@ObjectType({ implements: Node, description: "Rescue team (应急救援队伍)" })
@Directive(`@key(fields: "id")`)
export class RescueTeam extends SharedRecord {
  @Field() name!: string;
  @Field(() => TeamCategory) category!: string;
  @Field(() => AdminLevel, { nullable: true, description: "The tier of government it belongs to; null for an enterprise's brigade" }) level!: string | null;
  @Field(() => Int) headcount!: number;
  @Field(() => Int) vehicles!: number;
  @Field(() => [String]) equipment!: string[];
  @Field(() => String, { nullable: true }) baseAddress!: string | null;
  @Field(() => Float) lon!: number;
  @Field(() => Float) lat!: number;
  @Field() regionCode!: string;
  @Field(() => String, { nullable: true, description: "值班电话" }) dutyPhone!: string | null;
  @Field(() => TeamStatus) status!: string;
  @Field(() => String, { nullable: true, description: "Credit code of the owning enterprise (企业队伍)" }) enterpriseCode!: string | null;
}

@ObjectType({ implements: Node, description: "A member of a rescue team's roster" })
export class TeamMember extends SharedRecord {
  @Field({ description: "(personal)" }) name!: string;
  @Field() role!: string;
  @Field(() => [String]) skills!: string[];
  @Field(() => String, { nullable: true, description: "(personal)" }) phone!: string | null;
}

@ObjectType({ implements: Node, description: "Emergency supply depot (应急物资储备库)" })
@Directive(`@key(fields: "id")`)
export class SupplyDepot extends SharedRecord {
  @Field() name!: string;
  @Field(() => AdminLevel, { description: "Tier (储备层级)" }) tier!: string;
  @Field(() => StorageMode) storageMode!: string;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => Float) lon!: number;
  @Field(() => Float) lat!: number;
  @Field() regionCode!: string;
  @Field(() => String, { nullable: true, description: "(personal)" }) keeperName!: string | null;
  @Field(() => String, { nullable: true, description: "(personal)" }) keeperPhone!: string | null;
  @Field(() => String, { nullable: true }) enterpriseCode!: string | null;
}

@ObjectType({ implements: Node, description: "A stocked item (储备物资)" })
export class SupplyItem extends SharedRecord {
  @Field({ description: "One of the 13 categories: 防护用品, 生命救助, 生命支持…" }) category!: string;
  @Field() name!: string;
  @Field(() => Float) quantity!: number;
  @Field() unit!: string;
}
