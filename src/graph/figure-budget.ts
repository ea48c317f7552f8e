/**
 * Figures computed per row (a region's situation, what a warning's areas
 * hold) read many records each: one operation may compute a bounded number of
 * them, however many rows it lists — EMHUB_MAX_AGGREGATES × FIGURES_PER_AGGREGATE.
 * Past that, each further one is refused with QUERY_TOO_COMPLEX.
 */
import { ErrorCode, HubError } from "../errors/hub-error.js";
import type { HubContext } from "./context.js";

export const FIGURES_PER_AGGREGATE = 10;

const spent = new WeakMap<HubContext, number>();

/** Counts one per-row figure against the operation's budget; throws when the budget is spent. */
export function spendFigure(ctx: HubContext, what: string): void {
  const used = (spent.get(ctx) ?? 0) + 1;
  spent.set(ctx, used);
  const budget = ctx.config.limits.maxAggregates * FIGURES_PER_AGGREGATE;
  if (used > budget) throw new HubError(ErrorCode.QUERY_TOO_COMPLEX, `${what} is computed per row: at most ${budget} in one operation; ask for fewer rows`);
}
