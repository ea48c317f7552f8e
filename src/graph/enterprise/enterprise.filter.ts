import { Field, InputType } from "type-graphql";
import { RegionFilter } from "../common/inputs.js";

@InputType({ description: "Enterprise list filter" })
export class EnterpriseFilter extends RegionFilter {
  @Field({ nullable: true, description: "Sector (行业领域), exact" }) sector?: string;
}
