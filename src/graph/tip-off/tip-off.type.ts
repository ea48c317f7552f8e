import { Field, ObjectType } from "type-graphql";
import { TipOffState } from "../common/enums.js";

@ObjectType({ description: "A 12350 tip-off from the public (安全生产举报), received for the emergency bureau of the territory it names" })
export class TipOff {
  @Field({ description: "What the reporter follows it by (12350-…)" }) ticket!: string;
  @Field({ description: "Division code of where it is about (the enterprise's, when it names one the hub holds)" }) regionCode!: string;
  @Field(() => String, { nullable: true, description: "Credit code of the enterprise it names" }) enterpriseCode!: string | null;
  @Field(() => String, { nullable: true, description: "The enterprise's name as the reporter gave it" }) enterpriseName!: string | null;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field() description!: string;
  @Field(() => String, { nullable: true, description: "The reporter's name (personal data)" }) reporterName!: string | null;
  @Field(() => String, { nullable: true, description: "The reporter's telephone or e-mail (personal data)" }) reporterContact!: string | null;
  @Field(() => TipOffState) state!: string;
  @Field(() => String, { nullable: true, description: "The bureau's answer, shown to the reporter" }) reply!: string | null;
  @Field() receivedAt!: Date;
  @Field() updatedAt!: Date;
}
