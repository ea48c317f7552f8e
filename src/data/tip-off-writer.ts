/**
 * Writes 12350 tip-offs: a new one in one transaction with the hazard it
 * registers when it names an enterprise the hub knows (found by 举报, for the
 * emergency bureau of the enterprise's territory), and the bureau's later
 * register or dismiss. The hub is the hazard's source, as for a hazard
 * reported through the API.
 */
import { randomUUID } from "node:crypto";
import { contentHash } from "../core/content-hash.js";
import { DISCOVERY_SOURCES } from "../core/hazard/discovery-source.js";
import { newTicket, type TipOffIntake } from "../core/tip-off.js";
import { inTransaction, type DbClient, type Prisma } from "./database.js";
import { HUB_SOURCE_SYSTEM, hazardContent, insertHazard, type AuditIdentity } from "./hazard-writer.js";
/** Who registered a hazard from a tip-off on its own: the hotline. */
export const TIP_OFF_ACTOR = "12350";

export interface TipOffWritten {
  id: string;
  ticket: string;
  state: "RECEIVED" | "REGISTERED" | "DISMISSED";
  regionCode: string;
  hazardId: string | null;
  receivedAt: Date;
}

/** The hazard a tip-off becomes: general grade until the bureau grades it, found now by 举报. */
async function registerHazard(tx: DbClient, enterprise: { creditCode: string; regionCode: string; sector: string }, ticket: string, description: string, who: AuditIdentity, now: Date): Promise<string> {
  const id = randomUUID();
  const content = {
    enterpriseCode: enterprise.creditCode,
    riskPointId: null,
    regionCode: enterprise.regionCode,
    sector: enterprise.sector,
    grade: "GENERAL" as const,
    state: "REPORTED" as const,
    description,
    discoverySource: `${DISCOVERY_SOURCES.REPORT.code} ${DISCOVERY_SOURCES.REPORT.zh}`,
    foundAt: now,
    foundBy: `12350 举报（${ticket}）`,
  };
  const data = { id, ...content, version: 1, hubActed: true, sourceDepartment: "EMERGENCY", sourceSystem: HUB_SOURCE_SYSTEM, sourceId: id, fetchedAt: now, contentHash: contentHash(hazardContent(content)) };
  const event = { action: "REPORT" as const, fromState: null, toState: "REPORTED" as const, actor: who.subject, note: `12350 举报 ${ticket}`, evidence: [] };
  await insertHazard(tx, data, [event], who, now);
  return id;
}

/** An enterprise the hub holds and still shares, by credit code (whoever asks: the hotline registers for the bureau). */
async function knownEnterprise(tx: DbClient, code: string | null) {
  if (code === null) return null;
  return tx.enterprise.findFirst({ where: { creditCode: code, retiredAt: null }, select: { creditCode: true, regionCode: true, sector: true } });
}

/** Receives a tip-off; one naming a known enterprise registers its hazard at once (in the enterprise's territory). */
export async function receiveTipOff(prisma: Prisma, intake: TipOffIntake, requestId: string, now: Date): Promise<TipOffWritten> {
  const who: AuditIdentity = { requestId, subject: TIP_OFF_ACTOR, department: "EMERGENCY", roles: [] };
  return inTransaction(prisma, async (tx) => {
    const ticket = newTicket();
    const enterprise = await knownEnterprise(tx, intake.enterpriseCode);
    const hazardId = enterprise ? await registerHazard(tx, enterprise, ticket, intake.description, who, now) : null;
    const row = await tx.tipOff.create({
      data: { ...intake, regionCode: enterprise?.regionCode ?? intake.regionCode, ticket, state: hazardId ? "REGISTERED" : "RECEIVED", hazardId, receivedAt: now },
    });
    return { id: row.id, ticket, state: row.state, regionCode: row.regionCode, hazardId, receivedAt: row.receivedAt };
  });
}

/** The bureau registers a received tip-off as a hazard of `enterprise`; false when the tip-off is no longer RECEIVED. */
export async function registerTipOff(prisma: Prisma, tipOffId: string, enterprise: { creditCode: string; regionCode: string; sector: string }, reply: string | null, who: AuditIdentity, now: Date): Promise<boolean> {
  return inTransaction(prisma, async (tx) => {
    const tip = await tx.tipOff.findUnique({ where: { id: tipOffId } });
    if (!tip || tip.state !== "RECEIVED") return false;
    const hazardId = await registerHazard(tx, enterprise, tip.ticket, tip.description, who, now);
    const { count } = await tx.tipOff.updateMany({ where: { id: tipOffId, state: "RECEIVED" }, data: { state: "REGISTERED", hazardId, enterpriseCode: enterprise.creditCode, reply } });
    return count === 1;
  });
}

/** The bureau dismisses a received tip-off with its reason; false when it is no longer RECEIVED. */
export async function dismissTipOff(prisma: Prisma, tipOffId: string, reply: string): Promise<boolean> {
  const { count } = await prisma.tipOff.updateMany({ where: { id: tipOffId, state: "RECEIVED" }, data: { state: "DISMISSED", reply } });
  return count === 1;
}
