import { ArgsType, Field, Float, InputType, Int } from "type-graphql";

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: "Page size (default 20)" })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge already read" })
  after?: string | null;
}

@InputType({ description: "A circle: rows inside it come nearest first, with their distance" })
export class NearInput {
  @Field(() => Float, { description: "Latitude (WGS-84)" }) lat!: number;
  @Field(() => Float, { description: "Longitude (WGS-84)" }) lon!: number;
  @Field(() => Float, { description: "Radius in kilometres (≤ 500)" }) radiusKm!: number;
}

@InputType({ description: "Filters shared by every list" })
export class RegionFilter {
  @Field({ nullable: true, description: "Division code or prefix: 4102 (or 410200) is all of Kaifeng" })
  region?: string;

  @Field({ nullable: true, description: "Name contains (case-insensitive)" })
  nameContains?: string;
}
