import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { HazardGrade, HazardState } from "../common/enums.js";
import { Node } from "../common/node.type.js";
import { SharedRecord } from "../common/shared-record.type.js";

@ObjectType({ implements: Node, description: "Accident hazard (事故隐患) and its rectification" })
@Directive(`@key(fields: "id")`)
export class Hazard extends SharedRecord {
  @Field() enterpriseCode!: string;
  @Field(() => HazardGrade) grade!: string;
  @Field(() => HazardState) state!: string;
  @Field(() => Int, { description: "Optimistic-concurrency version: pass it as expectedVersion" }) version!: number;
  @Field() description!: string;
  @Field(() => String, { nullable: true, description: "隐患类别" }) category!: string | null;
  @Field(() => String, { nullable: true, description: "排查来源: 日常/综合/专项/季节性/节假日前/外聘专家/执法检查/举报" }) discoverySource!: string | null;
  @Field() foundAt!: Date;
  @Field(() => String, { nullable: true }) foundBy!: string | null;
  @Field() regionCode!: string;
  @Field() sector!: string;
  @Field(() => String, { nullable: true, description: "整改措施" }) measures!: string | null;
  @Field(() => Float, { nullable: true, description: "整改资金 (元)" }) funds!: number | null;
  @Field(() => String, { nullable: true, description: "整改责任人 (personal)" }) responsiblePerson!: string | null;
  @Field(() => String, { nullable: true, description: "整改期限, a date in China Standard Time (YYYY-MM-DD)" }) deadline!: string | null;
  @Field(() => String, { nullable: true, description: "治理目标 (major hazards)" }) goal!: string | null;
  @Field(() => String, { nullable: true, description: "安全防范措施 (major hazards)" }) safetyMeasures!: string | null;
  @Field(() => String, { nullable: true, description: "挂牌督办 authority" }) supervisedBy!: string | null;
  @Field(() => String, { nullable: true, description: "督办期限 (YYYY-MM-DD)" }) supervisionDeadline!: string | null;
  @Field(() => String, { nullable: true }) acceptedBy!: string | null;
  @Field(() => Date, { nullable: true }) acceptedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "验收意见" }) acceptanceOpinion!: string | null;
  @Field(() => Date, { nullable: true, description: "销号 time" }) closedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When the periodic overdue check first found it overdue" }) overdueSince!: Date | null;
  @Field(() => HazardState, {
    nullable: true,
    description: "The state the department system reports when it differs from this one: once the hub's workflow has acted on a hazard it owns the state, and a differing report is kept here (and in the history) instead of applied",
  })
  sourceState!: string | null;
  @Field({ description: "The hub's workflow has acted on it: from then on the workflow, not the department system, owns its state, plan, supervision and acceptance" })
  hubActed!: boolean;
}

@ObjectType({ implements: Node, description: "One step in a hazard's history; never changed once written" })
export class HazardEvent {
  @Field(() => ID) id!: string;
  @Field(() => Int) seq!: number;
  @Field() action!: string;
  @Field(() => HazardState, { nullable: true }) fromState!: string | null;
  @Field(() => HazardState) toState!: string;
  @Field() actor!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [String]) evidence!: string[];
  @Field() at!: Date;
}
