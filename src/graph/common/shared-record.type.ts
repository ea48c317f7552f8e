import { Field, ID, ObjectType } from "type-graphql";
import { Provenance } from "./provenance.type.js";

/** Fields of every record shared from a department: global id and provenance. */
@ObjectType()
export abstract class SharedRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => Provenance, { description: "Source, freshness and version" })
  provenance!: Provenance;
}
