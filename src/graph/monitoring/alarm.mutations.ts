/**
 * The enterprise's side of a monitoring alarm: acknowledge it (确认), handle
 * it (处置: the measure taken), and close it once handled. The enterprise
 * acts on its own alarms; the emergency bureau of a territory containing the
 * alarm (EMERGENCY, SUPERVISOR or INSPECTOR) may act for it. Refusals:
 * INVALID_TRANSITION (with `state`, `action`), FORBIDDEN, NOT_FOUND (absent or
 * outside your scope), UNAUTHENTICATED, BAD_USER_INPUT.
 */
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from "type-graphql";
import { hasRole } from "../../access/index.js";
import { decideAlarmAction, type AlarmState } from "../../core/monitoring.js";
import { isWithinDivision } from "../../core/division.js";
import { writeAlarmSteps, type AlarmStep } from "../../data/alarm-writer.js";
import { inSqlTransaction } from "../../data/database.js";
import type { Row } from "../../data/reader.js";
import { badInput, ErrorCode, HubError } from "../../errors/hub-error.js";
import type { HubContext } from "../context.js";
import { notFound } from "../hazard/hazard-errors.js";
import { keyOf } from "../hazard/hazard-workflow.js";
import { MonitoringAlarm } from "./monitoring.type.js";
import { publishAlarmChange } from "../../events/alarm-events.js";

@InputType()
class AlarmStepInput {
  @Field(() => ID, { description: "The alarm's global id" }) id!: string;
  @Field({ nullable: true, description: "A note for the history" }) note?: string;
}

@InputType()
class HandleAlarmInput {
  @Field(() => ID, { description: "The alarm's global id" }) id!: string;
  @Field({ description: "The measure taken (处置措施)" }) measure!: string;
}

/** The enterprise itself, or the emergency bureau of a territory containing the alarm. */
function mayAct(ctx: HubContext, alarm: Row): boolean {
  const p = ctx.principal;
  if (hasRole(p, "ENTERPRISE")) return p.enterpriseCode === alarm.enterpriseCode;
  const governs = p.territory === "" || isWithinDivision(alarm.regionCode as string, p.territory);
  return p.department === "EMERGENCY" && governs && (hasRole(p, "SUPERVISOR") || hasRole(p, "INSPECTOR"));
}

async function stepAlarm(ctx: HubContext, id: string, action: AlarmStep["action"], note: string | null): Promise<Row> {
  if (ctx.principal.anonymous) throw new HubError(ErrorCode.UNAUTHENTICATED, "sign in (a bearer token) to act on alarms");
  const key = keyOf(id, "MonitoringAlarm", "input.id");
  const alarm = await ctx.reader.byKey("MonitoringAlarm", key);
  if (alarm === null) throw notFound("input.id", "monitoring alarm");
  if (!mayAct(ctx, alarm)) throw new HubError(ErrorCode.FORBIDDEN, "only the enterprise, or the emergency bureau of the alarm's territory, acts on a monitoring alarm");
  const from = alarm.state as AlarmState;
  const decision = decideAlarmAction(from, action, true);
  if (!decision.ok) throw new HubError(ErrorCode.INVALID_TRANSITION, decision.reason, { state: from, action });
  const p = ctx.principal;
  const at = new Date();
  const changed = await inSqlTransaction(ctx.db.prisma, (query) =>
    writeAlarmSteps(query, action, [{ alarmId: key, from, to: decision.state, action, actor: p.subject, note, at }], {
      requestId: ctx.requestId,
      subject: p.subject,
      department: p.department,
      roles: [...p.roles],
    }),
  );
  if (changed.length === 0) throw new HubError(ErrorCode.CONFLICT, "the alarm changed meanwhile: reload and retry");
  ctx.reader.forget();
  const now = await ctx.reader.byKey("MonitoringAlarm", key);
  if (now === null) throw new Error(`alarm ${key} vanished after a write`);
  publishAlarmChange(ctx.events, now, action, at);
  return now;
}

@Resolver(() => MonitoringAlarm)
export class AlarmMutations {
  @Mutation(() => MonitoringAlarm, { description: "Acknowledge an alarm (确认): RAISED → ACKNOWLEDGED" })
  acknowledgeMonitoringAlarm(@Arg("input", () => AlarmStepInput) input: AlarmStepInput, @Ctx() ctx: HubContext) {
    return stepAlarm(ctx, input.id, "ACKNOWLEDGE", input.note?.trim() || null);
  }

  @Mutation(() => MonitoringAlarm, { description: "Record the measure taken (处置): RAISED or ACKNOWLEDGED → HANDLED" })
  handleMonitoringAlarm(@Arg("input", () => HandleAlarmInput) input: HandleAlarmInput, @Ctx() ctx: HubContext) {
    const measure = input.measure.trim();
    if (measure === "") throw badInput("input.measure", "say what was done");
    return stepAlarm(ctx, input.id, "HANDLE", measure);
  }

  @Mutation(() => MonitoringAlarm, { description: "Close a handled alarm: HANDLED → CLEARED (the source's 消警 clears it otherwise)" })
  closeMonitoringAlarm(@Arg("input", () => AlarmStepInput) input: AlarmStepInput, @Ctx() ctx: HubContext) {
    return stepAlarm(ctx, input.id, "CLEAR", input.note?.trim() || null);
  }
}
