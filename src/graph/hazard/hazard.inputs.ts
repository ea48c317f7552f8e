/** Inputs of the hazard workflow mutations: one `input` argument each. */
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { HazardGrade } from "../common/enums.js";

/** What every step on an existing hazard names: which hazard, and the version the client last saw. */
@InputType()
abstract class HazardStepInput {
  @Field(() => ID, { description: "The hazard's global id" }) id!: string;
  @Field(() => Int, { description: "The hazard's version as last read; a stale one is refused with CONFLICT" }) expectedVersion!: number;
}

@InputType({ description: "Register a hazard (登记)" })
export class ReportHazardInput {
  @Field({ description: "Unified social credit code of the enterprise" }) enterpriseCode!: string;
  @Field(() => HazardGrade) grade!: "GENERAL" | "MAJOR";
  @Field() description!: string;
  @Field(() => String, { nullable: true, description: "隐患类别, e.g. 基础管理类 / 现场管理类" }) category?: string | null;
  @Field(() => String, { nullable: true, description: "排查来源: 日常/综合/专项/季节性/节假日前/外聘专家/执法检查/举报" }) discoverySource?: string | null;
  @Field(() => Date, { nullable: true, description: "When it was found; default now" }) foundAt?: Date | null;
  @Field(() => ID, { nullable: true, description: "Global id of the enterprise's risk point it belongs to" }) riskPointId?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => [String], { nullable: true, description: "References to photos or documents" }) evidence?: string[] | null;
}

@InputType({ description: "Plan the rectification (整改方案): REPORTED → RECTIFYING" })
export class PlanRectificationInput extends HazardStepInput {
  @Field({ description: "整改措施" }) measures!: string;
  @Field({ description: "整改责任人" }) responsiblePerson!: string;
  @Field({ description: "整改期限, a date YYYY-MM-DD in China Standard Time; met until the end of that day" }) deadline!: string;
  @Field(() => Float, { nullable: true, description: "整改资金 (元)" }) funds?: number | null;
  @Field(() => String, { nullable: true, description: "治理目标 (required for a MAJOR hazard)" }) goal?: string | null;
  @Field(() => String, { nullable: true, description: "安全防范措施 (required for a MAJOR hazard)" }) safetyMeasures?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: "Report the rectification done: RECTIFYING → PENDING_ACCEPTANCE" })
export class SubmitRectificationInput extends HazardStepInput {
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => [String], { nullable: true }) evidence?: string[] | null;
}

@InputType({ description: "Accept the rectification and close the hazard (验收销号)" })
export class AcceptHazardInput extends HazardStepInput {
  @Field({ description: "验收意见 (may be empty)" }) opinion!: string;
}

@InputType({ description: "Reject the rectification: back to RECTIFYING" })
export class RejectHazardInput extends HazardStepInput {
  @Field({ description: "What is still to be fixed" }) opinion!: string;
  @Field(() => [String], { nullable: true }) evidence?: string[] | null;
}

@InputType({ description: "List a MAJOR hazard for supervised rectification (挂牌督办)" })
export class SuperviseHazardInput extends HazardStepInput {
  @Field({ description: "督办期限, a date YYYY-MM-DD in China Standard Time" }) deadline!: string;
  @Field(() => String, { nullable: true, description: "The supervising authority, DEPARTMENT@division (EMERGENCY@410200); default: your department and territory" }) authority?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: "Cancel a hazard that is not one (撤销), with the reason" })
export class CancelHazardInput extends HazardStepInput {
  @Field() reason!: string;
}

@InputType({ description: "即查即改: a GENERAL hazard fixed on the spot, recorded as plan, submission and acceptance" })
export class FixHazardOnSpotInput extends HazardStepInput {
  @Field({ description: "整改措施" }) measures!: string;
  @Field({ description: "整改责任人" }) responsiblePerson!: string;
  @Field(() => Float, { nullable: true }) funds?: number | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => [String], { nullable: true }) evidence?: string[] | null;
  @Field({ description: "验收意见 (may be empty)" }) opinion!: string;
}
