import { isObjectType, type GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, ID, Info, Query, Resolver } from "type-graphql";
import { DATASETS, type DatasetName } from "../../data/datasets.js";
import { fromGlobalId } from "../../data/global-id.js";
import { badInput } from "../../errors/hub-error.js";
import type { HubContext } from "../context.js";
import { readOptions } from "./relations.js";
import { Node } from "./node.type.js";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any record by its global id; null when absent or outside your scope" })
  node(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    const decoded = fromGlobalId(id);
    if (decoded === null || !isNodeDataset(decoded.type, info)) throw badInput("id", "is not a global id issued by this API");
    return ctx.reader.byKey(decoded.type as DatasetName, decoded.key, readOptions(info, decoded.type));
  }
}

/** A dataset whose GraphQL type implements Node (ids of other rows are never issued). */
function isNodeDataset(type: string, info: GraphQLResolveInfo): boolean {
  const graphqlType = info.schema.getType(type);
  return type in DATASETS && isObjectType(graphqlType) && graphqlType.getInterfaces().some((i) => i.name === "Node");
}
