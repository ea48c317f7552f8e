/**
 * The hazard closed loop (排查→登记→整改→验收→销号) as mutations. Each takes
 * one `input` and returns the Hazard as it now is. Refusals carry
 * extensions.code: INVALID_TRANSITION (with `state`, `action`), CONFLICT (a
 * stale expectedVersion), FORBIDDEN, BAD_USER_INPUT (`argumentName`
 * "input.<field>"), NOT_FOUND (absent or outside your scope), UNAUTHENTICATED.
 */
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../context.js";
import { namedAuthority } from "./authority.js";
import {
  AcceptHazardInput,
  CancelHazardInput,
  FixHazardOnSpotInput,
  PlanRectificationInput,
  RejectHazardInput,
  ReportHazardInput,
  SubmitRectificationInput,
  SuperviseHazardInput,
} from "./hazard.inputs.js";
import { Hazard } from "./hazard.type.js";
import { reportHazard, stepHazard } from "./hazard-workflow.js";

@Resolver(() => Hazard)
export class HazardMutations {
  @Mutation(() => Hazard, { description: "Register a hazard of an enterprise in your scope (an enterprise: its own)" })
  reportHazard(@Arg("input", () => ReportHazardInput) input: ReportHazardInput, @Ctx() ctx: HubContext) {
    return reportHazard(ctx, input);
  }

  @Mutation(() => Hazard, { description: "Plan the rectification: REPORTED → RECTIFYING" })
  planRectification(@Arg("input", () => PlanRectificationInput) input: PlanRectificationInput, @Ctx() ctx: HubContext) {
    return stepHazard(ctx, input.id, {
      action: "PLAN",
      expectedVersion: input.expectedVersion,
      measures: input.measures,
      responsiblePerson: input.responsiblePerson,
      deadline: input.deadline,
      funds: input.funds,
      goal: input.goal,
      safetyMeasures: input.safetyMeasures,
      note: input.note,
    });
  }

  @Mutation(() => Hazard, { description: "Report the rectification done: RECTIFYING → PENDING_ACCEPTANCE" })
  submitRectification(@Arg("input", () => SubmitRectificationInput) input: SubmitRectificationInput, @Ctx() ctx: HubContext) {
    return stepHazard(ctx, input.id, { action: "SUBMIT", expectedVersion: input.expectedVersion, note: input.note, evidence: input.evidence });
  }

  @Mutation(() => Hazard, { description: "Accept and close (验收销号): PENDING_ACCEPTANCE → CLOSED; a MAJOR hazard by its supervising authority only" })
  acceptHazard(@Arg("input", () => AcceptHazardInput) input: AcceptHazardInput, @Ctx() ctx: HubContext) {
    return stepHazard(ctx, input.id, { action: "ACCEPT", expectedVersion: input.expectedVersion, opinion: input.opinion });
  }

  @Mutation(() => Hazard, { description: "Reject the rectification: PENDING_ACCEPTANCE → RECTIFYING" })
  rejectHazard(@Arg("input", () => RejectHazardInput) input: RejectHazardInput, @Ctx() ctx: HubContext) {
    return stepHazard(ctx, input.id, { action: "REJECT", expectedVersion: input.expectedVersion, opinion: input.opinion, evidence: input.evidence });
  }

  @Mutation(() => Hazard, {
    description:
      "List a MAJOR hazard for supervised rectification (挂牌督办) under an authority of the reference list (`authorities`) that covers it and supervises its sector; " +
      "by default the caller's own. A higher authority may take a listing over. The state is unchanged",
  })
  superviseHazard(@Arg("input", () => SuperviseHazardInput) input: SuperviseHazardInput, @Ctx() ctx: HubContext) {
    return stepHazard(ctx, input.id, (hazard) => {
      const authority = namedAuthority(ctx.catalog, ctx.principal, input.authority, hazard);
      return {
        action: "SUPERVISE",
        expectedVersion: input.expectedVersion,
        authority: authority.code,
        authorityProblem: authority.problem,
        deadline: input.deadline,
        note: input.note,
      };
    });
  }

  @Mutation(() => Hazard, { description: "Cancel a hazard (撤销) with the reason" })
  cancelHazard(@Arg("input", () => CancelHazardInput) input: CancelHazardInput, @Ctx() ctx: HubContext) {
    return stepHazard(ctx, input.id, { action: "CANCEL", expectedVersion: input.expectedVersion, reason: input.reason });
  }

  @Mutation(() => Hazard, { description: "即查即改: close a REPORTED GENERAL hazard fixed on the spot, recorded as PLAN, SUBMIT and ACCEPT" })
  fixHazardOnSpot(@Arg("input", () => FixHazardOnSpotInput) input: FixHazardOnSpotInput, @Ctx() ctx: HubContext) {
    return stepHazard(ctx, input.id, {
      action: "FIX_ON_SPOT",
      expectedVersion: input.expectedVersion,
      measures: input.measures,
      responsiblePerson: input.responsiblePerson,
      funds: input.funds,
      note: input.note,
      evidence: input.evidence,
      opinion: input.opinion,
    });
  }
}
