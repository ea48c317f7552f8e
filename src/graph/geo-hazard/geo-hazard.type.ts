import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import { GeoHazardType, GeoScale } from "../common/enums.js";
import { Node } from "../common/node.type.js";
import { SharedRecord } from "../common/shared-record.type.js";

@ObjectType({ implements: Node, description: "Geological hazard point (地质灾害隐患点)" })
@Directive(`@key(fields: "id")`)
export class GeoHazardPoint extends SharedRecord {
  @Field({ description: "编号" }) code!: string;
  @Field() name!: string;
  @Field(() => GeoHazardType) hazardType!: string;
  @Field(() => GeoScale, { description: "规模等级" }) scale!: string;
  @Field(() => GeoScale, { description: "险情等级" }) threatGrade!: string;
  @Field(() => String, { nullable: true, description: "Location, down to the village" }) location!: string | null;
  @Field(() => Float) lon!: number;
  @Field(() => Float) lat!: number;
  @Field() regionCode!: string;
  @Field(() => Int, { description: "威胁人数" }) threatenedPeople!: number;
  @Field(() => Int, { nullable: true, description: "威胁户数" }) threatenedHouseholds!: number | null;
  @Field(() => Float, { nullable: true, description: "威胁财产, ¥10,000 (万元)" }) threatenedPropertyWan!: number | null;
  @Field(() => [String], { description: "诱发因素" }) triggers!: string[];
  @Field(() => String, { nullable: true, description: "监测责任人 (personal)" }) monitorName!: string | null;
  @Field(() => String, { nullable: true, description: "(personal)" }) monitorPhone!: string | null;
  @Field(() => [String], { description: "防治措施: RELOCATION, ENGINEERING, MONITORING" }) measures!: string[];
}
