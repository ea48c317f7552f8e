/** Helpers for the hazard workflow and supervision tests: error extraction, days in +08:00, fixtures. */
import type { ExecutionResult } from "graphql";
import { creditCodeCheckChar } from "../../src/core/credit-code.js";
import { cstDate } from "../../src/core/hazard/index.js";
import type { Prisma } from "../../src/data/database.js";
import { fromGlobalId } from "../../src/data/global-id.js";

/** The first error's code, message and extensions (fails the test when there is none). */
export function firstError(res: ExecutionResult<unknown>): { code: string; message: string; extensions: Record<string, unknown> } {
  const error = res.errors?.[0];
  if (!error) throw new Error(`expected an error, got data ${JSON.stringify(res.data)}`);
  return { code: String(error.extensions?.code), message: error.message, extensions: (error.extensions ?? {}) as Record<string, unknown> };
}

/** Today + n days, "YYYY-MM-DD" in China Standard Time. */
export function cstDayFromNow(days: number): string {
  return cstDate(new Date(Date.now() + days * 24 * 3600 * 1000));
}

export function keyOf(globalId: string): string {
  return fromGlobalId(globalId)!.key;
}

/** A valid unified social credit code for a division: 91 + division + organisation code + check. */
export function creditCodeFor(division: string, organisation: string): string {
  const first17 = `91${division}${organisation}`;
  return first17 + creditCodeCheckChar(first17)!;
}

const PROVENANCE = { sourceDepartment: "EMERGENCY", sourceSystem: "fixture", fetchedAt: new Date("2026-07-01T00:00:00Z"), contentHash: "fixture" };

export async function insertEnterprise(prisma: Prisma, e: { creditCode: string; name: string; regionCode: string; sector: string }): Promise<void> {
  await prisma.enterprise.create({ data: { ...e, ...PROVENANCE, sourceId: e.creditCode } });
}

export interface FixtureHazard {
  id: string;
  enterpriseCode: string;
  regionCode: string;
  sector: string;
  grade: "GENERAL" | "MAJOR";
  state: "REPORTED" | "RECTIFYING" | "PENDING_ACCEPTANCE" | "CLOSED" | "CANCELLED";
  foundAt: string;
  closedAt?: string;
  deadline?: string;
  supervisionDeadline?: string;
  supervisedBy?: string;
  /** For CANCELLED: when the CANCEL event happened. */
  cancelledAt?: string;
}

const day = (d: string | undefined) => (d ? new Date(`${d}T00:00:00.000Z`) : null);

/** Inserts a hazard row as a department system's sync would, plus a CANCEL event for a cancelled one. */
export async function insertHazardRow(prisma: Prisma, h: FixtureHazard): Promise<void> {
  await prisma.hazard.create({
    data: {
      id: h.id,
      enterpriseCode: h.enterpriseCode,
      regionCode: h.regionCode,
      sector: h.sector,
      grade: h.grade,
      state: h.state,
      description: `fixture ${h.id}`,
      foundAt: new Date(h.foundAt),
      closedAt: h.closedAt ? new Date(h.closedAt) : null,
      deadline: day(h.deadline),
      supervisionDeadline: day(h.supervisionDeadline),
      supervisedBy: h.supervisedBy ?? null,
      ...PROVENANCE,
      sourceId: h.id,
    },
  });
  if (h.cancelledAt) {
    await prisma.hazardEvent.create({
      data: { hazardId: h.id, seq: 1, action: "CANCEL", fromState: "REPORTED", toState: "CANCELLED", actor: "fixture", at: new Date(h.cancelledAt), evidence: [] },
    });
  }
}
