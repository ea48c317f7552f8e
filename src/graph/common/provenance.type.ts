import { Field, Int, ObjectType } from "type-graphql";
import { Department } from "./enums.js";

@ObjectType({ description: "Where a shared record came from and how fresh it is (数据来源)" })
export class Provenance {
  @Field(() => Department, { description: "Owning department" })
  sourceDepartment!: string;

  @Field({ description: "The department system the record came from" })
  sourceSystem!: string;

  @Field({ description: "The record's id in that system" })
  sourceId!: string;

  @Field({ description: "When the hub last fetched it" })
  fetchedAt!: Date;

  @Field(() => Int, { description: "The hub's version, +1 on every change" })
  version!: number;

  @Field(() => Int, { description: "Seconds since fetchedAt" })
  ageSeconds!: number;

  @Field(() => Date, { nullable: true, description: "Set when the record vanished from a full snapshot of its source" })
  retiredAt!: Date | null;
}

