import { Field, InputType } from "type-graphql";
import { HazardGrade, HazardState } from "../common/enums.js";
import { RegionFilter } from "../common/inputs.js";

@InputType({ description: "Hazard list filter" })
export class HazardFilter extends RegionFilter {
  @Field(() => HazardGrade, { nullable: true }) grade?: string;
  @Field(() => [HazardState], { nullable: true, description: "Any of these states" }) states?: string[];
  @Field({ nullable: true, description: "Sector (行业领域), exact" }) sector?: string;
  @Field({ nullable: true, description: "Credit code of the enterprise" }) enterpriseCode?: string;
}
