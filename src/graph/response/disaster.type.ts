import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { defineEnum } from "../common/define-enum.js";
import { Node } from "../common/node.type.js";
import { SharedRecord } from "../common/shared-record.type.js";

export const DisasterReportStage = defineEnum("DisasterReportStage", "A disaster report's stage (《自然灾害情况统计调查制度》)", {
  INITIAL: "初报: within 2 hours of the disaster",
  UPDATE: "续报",
  FINAL: "核报: within 5 days after it ends",
});

@ObjectType({ implements: Node, description: "A county's disaster report (灾情报送): 初报, 续报 or 核报, with the statistics system's figures" })
export class DisasterReport extends SharedRecord {
  @Field(() => DisasterReportStage) stage!: string;
  @Field() regionCode!: string;
  @Field() sentAt!: Date;
  @Field(() => Int, { nullable: true, description: "受灾人口" }) affectedPeople!: number | null;
  @Field(() => Int, { nullable: true, description: "因灾死亡人口" }) deaths!: number | null;
  @Field(() => Int, { nullable: true, description: "因灾失踪人口" }) missing!: number | null;
  @Field(() => Int, { nullable: true, description: "紧急转移安置人口" }) relocated!: number | null;
  @Field(() => Int, { nullable: true, description: "需紧急生活救助人口" }) needingAid!: number | null;
  @Field(() => Int, { nullable: true, description: "倒塌房屋 (间)" }) collapsedHouses!: number | null;
  @Field(() => Int, { nullable: true, description: "严重损坏房屋 (间)" }) severelyDamagedHouses!: number | null;
  @Field(() => Int, { nullable: true, description: "一般损坏房屋 (间)" }) generallyDamagedHouses!: number | null;
  @Field(() => Float, { nullable: true, description: "农作物受灾面积, hectares" }) cropAreaHa!: number | null;
  @Field(() => Float, { nullable: true, description: "直接经济损失, 万元" }) directLossWanYuan!: number | null;
  @Field(() => Date, { nullable: true, description: "When those needing aid had it (救助到位时间)" }) aidDeliveredAt!: Date | null;
}

@ObjectType({ implements: Node, description: "A disaster process (灾害过程) of a county and its reports" })
export class DisasterEvent extends SharedRecord {
  @Field({ description: "灾害过程编号" }) code!: string;
  @Field() name!: string;
  @Field({ description: "暴雨洪涝, 风雹, 地质灾害, 干旱 …" }) hazardType!: string;
  @Field() regionCode!: string;
  @Field() occurredAt!: Date;
  @Field(() => Date, { nullable: true }) endedAt!: Date | null;
}

@ObjectType({ description: "A disaster report received" })
export class DisasterReportChange {
  @Field(() => ID, { description: "The event's id, the same on every instance: a client that reconnects can drop what it has seen" }) eventId!: string;
  @Field() at!: Date;
  @Field(() => DisasterReport) report!: unknown;
}
