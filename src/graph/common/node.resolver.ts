import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { DATASETS, type DatasetName } from "../../data/datasets.js";
import { fromGlobalId } from "../../data/global-id.js";
import { badInput } from "../../errors/hub-error.js";
import type { HubContext } from "../context.js";
import { Node } from "./node.type.js";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any record by its global id; null when absent or outside your scope" })
  node(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext) {
    const decoded = fromGlobalId(id);
    if (decoded === null || !(decoded.type in DATASETS)) throw badInput("id", "is not a global id issued by this API");
    return ctx.reader.byKey(decoded.type as DatasetName, decoded.key);
  }
}
