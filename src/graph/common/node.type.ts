import { Field, ID, InterfaceType } from "type-graphql";

/** Relay's Node: every record has a global id that `node(id:)` resolves. */
@InterfaceType({
  description: "An object with a global id",
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: "Global id (opaque); pass it to node(id:)" })
  id!: string;
}
