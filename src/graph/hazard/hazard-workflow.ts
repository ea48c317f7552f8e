/**
 * Runs one workflow command: load the hazard through the caller's scope, ask
 * the pure workflow (decideHazardAction) what to do, write it under optimistic
 * concurrency, and read the result back as the caller sees it.
 */
import { randomUUID } from "node:crypto";
import { validateCreditCode } from "../../core/credit-code.js";
import { decideHazardAction, type HazardCommand, type ReportCommand } from "../../core/hazard/index.js";
import { fromGlobalId } from "../../data/global-id.js";
import { patchData, snapshotOf } from "../../data/hazard-row.js";
import { HUB_SOURCE_SYSTEM, hazardContent, insertHazard, writeHazardStep, type AuditIdentity } from "../../data/hazard-writer.js";
import type { Row } from "../../data/reader.js";
import { badInput } from "../../errors/hub-error.js";
import { hazardChanged } from "../../events/hazard-events.js";
import { contentHash } from "../../core/content-hash.js";
import type { HubContext } from "../context.js";
import { hazardActor, signedIn } from "./hazard-actor.js";
import { conflict, hubErrorOf, notFound } from "./hazard-errors.js";

type StepCommand = Exclude<HazardCommand, ReportCommand>;

function auditIdentity(ctx: HubContext): AuditIdentity {
  const p = ctx.principal;
  return { requestId: ctx.requestId, subject: p.subject, department: p.department, roles: [...p.roles] };
}

/** The key behind a global id of `type`, or BAD_USER_INPUT naming the argument. */
export function keyOf(globalId: string, type: string, argumentName: string): string {
  const decoded = fromGlobalId(globalId);
  if (decoded === null || decoded.type !== type) throw badInput(argumentName, `is not a ${type} id issued by this API`);
  return decoded.key;
}

async function loadHazard(ctx: HubContext, id: string): Promise<Row> {
  const hazard = await ctx.reader.byKey("Hazard", keyOf(id, "Hazard", "input.id"));
  if (hazard === null) throw notFound("input.id", "hazard");
  return hazard;
}

async function reloaded(ctx: HubContext, key: string): Promise<Row> {
  ctx.reader.forget();
  const hazard = await ctx.reader.byKey("Hazard", key);
  if (hazard === null) throw new Error(`hazard ${key} vanished after a write`);
  return hazard;
}

/** Applies a command (or the command made for the stored hazard) to an existing hazard and returns it as it now is. */
export async function stepHazard(ctx: HubContext, id: string, commandFor: StepCommand | ((hazard: Row) => StepCommand)): Promise<Row> {
  signedIn(ctx);
  const hazard = await loadHazard(ctx, id);
  const key = hazard.key as string;
  const command = typeof commandFor === "function" ? commandFor(hazard) : commandFor;
  const actor = hazardActor(ctx, hazard, hazard.enterpriseCode as string);
  const now = new Date();
  const decision = decideHazardAction(snapshotOf(hazard), command, actor, now);
  if (!decision.ok) throw hubErrorOf(decision.error);
  const { next } = decision;
  // A hub-owned record's provenance follows its content; a synced one keeps its source's.
  const extra =
    hazard.sourceSystem === HUB_SOURCE_SYSTEM
      ? { fetchedAt: now, contentHash: contentHash(hazardContent({ ...hazard, ...patchData(next.patch), state: next.state })) }
      : {};
  const outcome = await writeHazardStep(ctx.db.prisma, key, command.expectedVersion, next, extra, auditIdentity(ctx), now);
  if (!outcome.ok) throw conflict(command.expectedVersion, outcome.actualVersion);
  const changed = await reloaded(ctx, key);
  ctx.events.publish("hazard.changed", hazardChanged(changed, next.events.at(-1)?.action ?? command.action, now));
  return changed;
}

export interface ReportRequest extends Omit<ReportCommand, "action" | "foundAt"> {
  enterpriseCode: string;
  foundAt?: Date | null;
  riskPointId?: string | null;
}

async function riskPointKey(ctx: HubContext, globalId: string | null | undefined, enterpriseCode: string): Promise<string | null> {
  if (!globalId) return null;
  const point = await ctx.reader.byKey("RiskPoint", keyOf(globalId, "RiskPoint", "input.riskPointId"));
  if (point === null || point.enterpriseCode !== enterpriseCode) throw badInput("input.riskPointId", "is not a risk point of this enterprise");
  return point.key as string;
}

/** Registers a hazard of an enterprise within the caller's scope; the hub is its source. */
export async function reportHazard(ctx: HubContext, request: ReportRequest): Promise<Row> {
  const principal = signedIn(ctx);
  const checked = validateCreditCode(request.enterpriseCode);
  if (!checked.ok) throw badInput("input.enterpriseCode", `'${request.enterpriseCode}' is not a unified social credit code: ${checked.reason}`);
  const enterprise = await ctx.reader.byKey("Enterprise", checked.code);
  if (enterprise === null) throw notFound("input.enterpriseCode", "enterprise");
  if (enterprise.retiredAt) throw badInput("input.enterpriseCode", "the enterprise is no longer registered with its source");
  const riskPointId = await riskPointKey(ctx, request.riskPointId, checked.code);

  const now = new Date();
  const { enterpriseCode: _code, riskPointId: _rp, ...fields } = request;
  const command: ReportCommand = { ...fields, action: "REPORT", foundAt: request.foundAt ?? now };
  const decision = decideHazardAction(null, command, hazardActor(ctx, null, checked.code), now);
  if (!decision.ok) throw hubErrorOf(decision.error);

  const id = randomUUID();
  const content = {
    enterpriseCode: checked.code,
    riskPointId,
    regionCode: enterprise.regionCode as string,
    sector: enterprise.sector as string,
    ...patchData(decision.next.patch),
    state: decision.next.state,
  };
  const data = {
    id,
    ...content,
    version: decision.next.version,
    hubActed: true,
    sourceDepartment: principal.department ?? "EMERGENCY",
    sourceSystem: HUB_SOURCE_SYSTEM,
    sourceId: id,
    fetchedAt: now,
    contentHash: contentHash(hazardContent(content)),
  };
  await insertHazard(ctx.db.prisma, data as Parameters<typeof insertHazard>[1], decision.next.events, auditIdentity(ctx), now);
  const reported = await reloaded(ctx, id);
  ctx.events.publish("hazard.changed", hazardChanged(reported, "REPORT", now));
  return reported;
}
