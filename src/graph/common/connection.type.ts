import { Field, Float, Int, ObjectType, type ClassType } from "type-graphql";

@ObjectType({ description: "Relay page information" })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

/** Creates `<Name>Edge` and `<Name>Connection` for a node type. */
export function connectionOf<T extends object>(NodeType: ClassType<T>, name: string = NodeType.name) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field({ description: "Pass to `after` to read the next page" })
    cursor!: string;

    @Field(() => NodeType)
    node!: T;

    @Field(() => Float, { nullable: true, description: "Distance in km from the `near` point, when the list was asked with near" })
    distanceKm!: number | null;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: "Rows matching the filter within the caller's scope" })
    totalCount!: number;
  }
  return Connection;
}
