import { Arg, Args, Ctx, Field, ID, InputType, ObjectType, Query, Resolver } from "type-graphql";
import { connectionOf } from "../common/connection.type.js";
import { PageArgs } from "../common/inputs.js";
import { withEquals } from "../common/list.js";
import type { HubContext } from "../context.js";

@ObjectType({ description: "One entry of the append-only audit log: a mutation, or a read that returned unmasked personal data" })
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field({ description: "The request (HTTP) or operation (WebSocket) it happened in" }) requestId!: string;
  @Field({ description: "Who (token subject)" }) subject!: string;
  @Field(() => String, { nullable: true }) department!: string | null;
  @Field(() => [String]) roles!: string[];
  @Field({ description: "READ_PERSONAL or MUTATION" }) action!: string;
  @Field({ description: "Dataset (GraphQL type)" }) dataset!: string;
  @Field(() => String, { nullable: true }) recordId!: string | null;
  @Field(() => [String], { description: "Fields read or changed" }) fields!: string[];
}

@ObjectType()
class AuditEntryConnection extends connectionOf(AuditEntry) {}

@InputType({ description: "Audit log filter" })
class AuditFilter {
  @Field({ nullable: true }) dataset?: string;
  @Field({ nullable: true }) recordId?: string;
  @Field({ nullable: true }) subject?: string;
  @Field({ nullable: true, description: "READ_PERSONAL or MUTATION" }) action?: string;
}

/** The audit log is read-only through the API: there is no mutation that changes or deletes it. */
@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: "The audit log, newest first (ADMIN only; empty for others)" })
  auditLog(@Arg("filter", () => AuditFilter, { nullable: true }) filter: AuditFilter | undefined, @Args() page: PageArgs, @Ctx() ctx: HubContext) {
    const where = withEquals({}, { dataset: filter?.dataset, recordId: filter?.recordId, subject: filter?.subject, action: filter?.action });
    return ctx.reader.connection("AuditEntry", where, page);
  }
}
