/** A piece of the leader's housekeeping run now and then every interval, never two at once; stop() waits for a run under way. */
import { log } from "../log.js";

export interface PeriodicJob {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export function startPeriodic(name: string, intervalSeconds: number, work: () => Promise<unknown>): PeriodicJob {
  let current: Promise<void> | null = null;
  const run = () => {
    current ??= work()
      .then(() => undefined)
      .catch((error: unknown) => log.error({ err: error }, `${name} failed`))
      .finally(() => {
        current = null;
      });
  };
  run();
  const timer = setInterval(run, intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
