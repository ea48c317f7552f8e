import { Field, Float, ObjectType } from "type-graphql";
import { EnforcementOrder } from "../common/enums.js";
import { Node } from "../common/node.type.js";
import { SharedRecord } from "../common/shared-record.type.js";

@ObjectType({ implements: Node, description: "A law-enforcement inspection (执法检查) of an enterprise: what it found, ordered and imposed; apart from supervisory patrols (督导巡查)" })
export class EnforcementAction extends SharedRecord {
  @Field() enterpriseCode!: string;
  @Field({ description: "The case's document number (文书编号)" }) caseNumber!: string;
  @Field() inspectedAt!: Date;
  @Field({ description: "The enforcement unit (执法机构)" }) unit!: string;
  @Field({ description: "What the inspection found (检查发现的问题)" }) findings!: string;
  @Field(() => EnforcementOrder) order!: string;
  @Field(() => String, { nullable: true, description: "The deadline of 责令限期整改, YYYY-MM-DD" }) orderDeadline!: string | null;
  @Field(() => String, { nullable: true, description: "The penalty's kind (警告, 罚款 …); null: none" }) penalty!: string | null;
  @Field(() => Float, { nullable: true, description: "The fine, yuan" }) fineYuan!: number | null;
  @Field({ description: "The case is closed (结案)" }) closed!: boolean;
  @Field() regionCode!: string;
}
