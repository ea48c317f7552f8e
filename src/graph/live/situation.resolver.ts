/**
 * `situation(region)`: the region's figures for a wall screen, as a query and
 * as a subscription that sends them at once and again after every burst of
 * events that may change them (warnings, water levels, hazards, synchronised
 * records, connector runs) — when they did change. Screens that watch the same region under the same
 * policy share one subscription (shared-subscriptions.ts), so an event costs
 * one computation per group of screens, and nothing is computed while nothing
 * happens: no polling.
 */
import { Arg, Ctx, FieldResolver, Query, Resolver, Root, Subscription } from "type-graphql";
import { divisionPrefix, divisionsOverlap } from "../../core/division.js";
import type { Row } from "../../data/reader.js";
import { boundedStream } from "../../events/bounded-stream.js";
import { TOPICS, type HubEvents, type Topic } from "../../events/hub-events.js";
import { ErrorCode, HubError } from "../../errors/hub-error.js";
import type { HubContext } from "../context.js";
import { regionArg, type RegionArg } from "../supervision/supervision-data.js";
import { spendFigure } from "../figure-budget.js";
import { situationOf } from "./situation.js";
import { Region } from "../region/region.type.js";
import { Situation } from "./situation.type.js";

/** Events this close together are answered with one computation. */
export const SITUATION_SETTLE_MS = 250;

/** Whether an event may change the figures of `region`: one about a place outside it cannot. */
function concerns(topic: Topic, event: HubEvents[Topic], region: RegionArg): boolean {
  if ("regionCodes" in event) return event.regionCodes.some((code) => divisionsOverlap(code, region.code));
  if ("regionCode" in event) return divisionsOverlap(event.regionCode, region.code);
  return topic === "record.changed" || topic === "connector.run";
}

/** The figures without the instant they were computed at and the connectors' ages, which change by themselves. */
function sameFigures(situation: Situation): string {
  const { asOf: _asOf, connectors, ...figures } = situation;
  return JSON.stringify({ ...figures, connectors: connectors.map(({ name, stale }) => ({ name, stale })) });
}

function signIn(ctx: HubContext) {
  if (ctx.principal.anonymous) throw new HubError(ErrorCode.UNAUTHENTICATED, "sign in (a bearer token) to read the situation");
}

@Resolver()
export class SituationResolver {
  @Query(() => Situation, { description: "The region's situation now (default: your territory)" })
  situation(@Arg("region", () => String, { nullable: true }) region: string | null, @Ctx() ctx: HubContext) {
    signIn(ctx);
    return situationOf(ctx, regionArg(ctx, region));
  }

  @Subscription(() => Situation, {
    name: "situation",
    description: "The region's situation, sent at once and again whenever events may have changed it",
    subscribe: ({ args, context }: { args: { region?: string | null }; context: HubContext }) => {
      signIn(context);
      const region = regionArg(context, args.region);
      let lastSent: string | null = null;
      return boundedStream<"changed", Situation>({
        listen: (push) => {
          push("changed");
          let settling: NodeJS.Timeout | null = null;
          const unsubscribe = TOPICS.map((topic) =>
            context.events.subscribe(topic, (event) => {
              if (settling || !concerns(topic, event as HubEvents[Topic], region)) return;
              settling = setTimeout(() => {
                settling = null;
                push("changed");
              }, SITUATION_SETTLE_MS);
            }),
          );
          return () => {
            if (settling) clearTimeout(settling);
            unsubscribe.forEach((stop) => stop());
          };
        },
        accept: async () => {
          context.reader.forget();
          const situation = await situationOf(context, region);
          // an event that changed nothing here (a run elsewhere, a record outside the figures) sends nothing
          const figures = sameFigures(situation);
          if (figures === lastSent) return null;
          lastSent = figures;
          return situation;
        },
        capacity: context.config.liveBacklog,
      });
    },
  })
  situationChanged(@Root() situation: Situation, @Arg("region", () => String, { nullable: true }) _region?: string) {
    return situation;
  }
}

@Resolver(() => Region)
export class RegionSituationResolver {
  @FieldResolver(() => Situation, { nullable: true, description: "The division's situation now, from the records you may read (signed-in callers)" })
  situation(@Root() region: Row, @Ctx() ctx: HubContext) {
    if (ctx.principal.anonymous) return null;
    spendFigure(ctx, "Region.situation");
    const code = region.code as string;
    return situationOf(ctx, { prefix: divisionPrefix(code), code });
  }
}
