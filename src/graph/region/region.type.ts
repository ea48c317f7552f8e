import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { AdminLevel } from "../common/enums.js";
import { Node } from "../common/node.type.js";

@ObjectType({ implements: Node, description: "Administrative division (行政区划, GB/T 2260)" })
@Directive(`@key(fields: "code")`)
export class Region {
  @Field(() => ID) id!: string;
  @Field({ description: "Division code, 6 digits (12 below county level)" }) code!: string;
  @Field() name!: string;
  @Field(() => AdminLevel) level!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => Int, { nullable: true, description: "Resident population, where a document states it (see populationSource)" }) population!: number | null;
  @Field(() => String, { nullable: true, description: "The document the population comes from" }) populationSource!: string | null;
}
