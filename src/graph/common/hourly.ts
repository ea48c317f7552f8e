/** Hourly min / max / mean of readings past their raw retention (HourlyReading), for any series: a monitoring point's, a station's level or rain. */
import { Field, Float, Int, ObjectType } from "type-graphql";
import { sql } from "../../data/sql-text.js";
import { badInput } from "../../errors/hub-error.js";
import type { HubContext } from "../context.js";

@ObjectType({ description: "An hour of readings past their raw retention: min, max and mean" })
export class HourlyReading {
  @Field({ description: "The hour's start" }) hour!: Date;
  @Field(() => Float) min!: number;
  @Field(() => Float) max!: number;
  @Field(() => Float) mean!: number;
  @Field(() => Int, { description: "Readings folded into it" }) count!: number;
}

/** Hours a `hourly` field returns at most. */
const MAX_HOURS = 10_000;

/** The hours of one series and key from `from` up to `to` (default now), oldest first. Call it only for a parent read in scope. */
export function hourlyOf(ctx: HubContext, series: string, key: string, from: Date, to: Date | null) {
  const until = to ?? new Date();
  if (until < from) throw badInput("to", "is before from");
  return ctx.db.sql(
    sql`SELECT "hour", "min", "max", "mean", "count" FROM "HourlyReading"
         WHERE "series" = ${series} AND "seriesKey" = ${key} AND "hour" >= ${from}::timestamp(3) AND "hour" < ${until}::timestamp(3)
         ORDER BY "hour" LIMIT ${MAX_HOURS}`,
  );
}
