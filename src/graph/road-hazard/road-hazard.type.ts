import { Directive, Field, Float, ObjectType } from "type-graphql";
import { RoadHazardKind, RoadHazardStatus } from "../common/enums.js";
import { Node } from "../common/node.type.js";
import { SharedRecord } from "../common/shared-record.type.js";

@ObjectType({ implements: Node, description: "Road hazard section, unsafe bridge, flooding underpass or closure (公路隐患 / 交通管制)" })
@Directive(`@key(fields: "id")`)
export class RoadHazard extends SharedRecord {
  @Field({ description: "编号" }) code!: string;
  @Field(() => RoadHazardKind) kind!: string;
  @Field({ description: "Route, e.g. G310" }) route!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: "起点桩号" }) startStake!: string | null;
  @Field(() => String, { nullable: true, description: "止点桩号" }) endStake!: string | null;
  @Field() regionCode!: string;
  @Field(() => Float, { nullable: true }) lon!: number | null;
  @Field(() => Float, { nullable: true }) lat!: number | null;
  @Field(() => String, { nullable: true, description: "管养单位" }) maintainingUnit!: string | null;
  @Field(() => RoadHazardStatus) status!: string;
  @Field({ description: "Closed to traffic" }) closed!: boolean;
  @Field(() => String, { nullable: true }) closureReason!: string | null;
  @Field(() => Date, { nullable: true }) closedFrom!: Date | null;
  @Field(() => Date, { nullable: true }) closedUntil!: Date | null;
}
