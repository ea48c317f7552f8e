/**
 * 12350 tip-offs for the emergency bureau: the list of those in its
 * territory, and its two answers to one received — register it as a hazard
 * of an enterprise it may read, or dismiss it with the reason. The public
 * intake and the reporter's view of a ticket are HTTP routes
 * (server/tip-off-route.ts).
 */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Field, FieldResolver, Info, InputType, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { hasRole } from "../../access/index.js";
import { validateCreditCode } from "../../core/credit-code.js";
import { isTicket } from "../../core/tip-off.js";
import type { Row } from "../../data/reader.js";
import { dismissTipOff, registerTipOff } from "../../data/tip-off-writer.js";
import { badInput, ErrorCode, HubError } from "../../errors/hub-error.js";
import { connectionOf } from "../common/connection.type.js";
import { TipOffState } from "../common/enums.js";
import { PageArgs } from "../common/inputs.js";
import { baseWhere, withEquals } from "../common/list.js";
import { readOptions } from "../common/relations.js";
import type { HubContext } from "../context.js";
import { signedIn } from "../hazard/hazard-actor.js";
import { Hazard } from "../hazard/hazard.type.js";
import { TipOff } from "./tip-off.type.js";

@ObjectType()
class TipOffConnection extends connectionOf(TipOff) {}

@InputType({ description: "Tip-off filter" })
class TipOffFilter {
  @Field({ nullable: true, description: "Division code or prefix" }) region?: string;
  @Field(() => TipOffState, { nullable: true }) state?: string;
}

/** The tip-off of a ticket within the caller's scope, or NOT_FOUND naming the argument. */
async function tipOffOf(ctx: HubContext, ticket: string): Promise<Row> {
  if (!isTicket(ticket.trim())) throw badInput("ticket", "is not a 12350 ticket (12350- and 12 characters)");
  const [row] = await ctx.reader.all("TipOff", { ticket: ticket.trim() });
  if (!row) throw new HubError(ErrorCode.NOT_FOUND, "Argument 'ticket': no tip-off with this ticket in your territory", { argumentName: "ticket" });
  return ctx.reader.present("TipOff", row);
}

/** A supervisor or inspector answers a tip-off; analysts and services read them only. */
function answerer(ctx: HubContext) {
  const principal = signedIn(ctx);
  if (!hasRole(principal, "SUPERVISOR", "INSPECTOR", "ADMIN")) throw new HubError(ErrorCode.FORBIDDEN, "only a supervisor or an inspector answers a tip-off");
  return principal;
}

const notReceived = (row: Row) => new HubError(ErrorCode.CONFLICT, `the tip-off is ${String(row.state)} already: only one RECEIVED can be answered`);

@Resolver(() => TipOff)
export class TipOffResolver {
  @Query(() => TipOffConnection, { description: "12350 tip-offs in your territory, newest first (the emergency bureau)" })
  tipOffs(
    @Arg("filter", () => TipOffFilter, { nullable: true }) filter: TipOffFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.reader.connection("TipOff", withEquals(baseWhere("TipOff", filter), { state: filter?.state }), page, readOptions(info, "TipOff", ["edges", "node"]));
  }

  @FieldResolver(() => Hazard, { nullable: true, description: "The hazard it was registered as (when you may read it)" })
  hazard(@Root() tip: Row, @Ctx() ctx: HubContext): Promise<Row | null> | null {
    return tip.hazardId ? ctx.reader.byKey("Hazard", tip.hazardId as string) : null;
  }

  @Mutation(() => TipOff, { description: "Registers a received tip-off as a hazard (found by 举报) of an enterprise you may read" })
  async registerTipOff(
    @Arg("ticket") ticket: string,
    @Arg("enterpriseCode") enterpriseCode: string,
    @Arg("reply", () => String, { nullable: true, description: "What the reporter is told" }) reply: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<Row> {
    const principal = answerer(ctx);
    const tip = await tipOffOf(ctx, ticket);
    const checked = validateCreditCode(enterpriseCode);
    if (!checked.ok) throw badInput("enterpriseCode", `'${enterpriseCode}' is not a unified social credit code: ${checked.reason}`);
    const enterprise = await ctx.reader.byKey("Enterprise", checked.code);
    if (enterprise === null || enterprise.retiredAt) throw new HubError(ErrorCode.NOT_FOUND, "Argument 'enterpriseCode': no enterprise with this code in your scope", { argumentName: "enterpriseCode" });
    const who = { requestId: ctx.requestId, subject: principal.subject, department: principal.department, roles: [...principal.roles] };
    const done = await registerTipOff(ctx.db.prisma, tip.key as string, { creditCode: checked.code, regionCode: enterprise.regionCode as string, sector: enterprise.sector as string }, reply, who, new Date());
    if (!done) throw notReceived(tip);
    return tipOffOf(ctx, ticket);
  }

  @Mutation(() => TipOff, { description: "Dismisses a received tip-off; the reply (why) is shown to the reporter" })
  async dismissTipOff(@Arg("ticket") ticket: string, @Arg("reply") reply: string, @Ctx() ctx: HubContext): Promise<Row> {
    answerer(ctx);
    const tip = await tipOffOf(ctx, ticket);
    if (reply.trim().length < 2) throw badInput("reply", "must say why the tip-off is not taken further");
    if (!(await dismissTipOff(ctx.db.prisma, tip.key as string, reply.trim()))) throw notReceived(tip);
    return tipOffOf(ctx, ticket);
  }
}
