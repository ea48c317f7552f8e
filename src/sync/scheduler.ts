/**
 * Runs every connector on its own interval. The next run of a connector is
 * planned only when its current run has finished, so one connector never runs
 * twice at once (runs started elsewhere — a push, the command line — wait on
 * the connector lock). stop() cancels what is planned, aborts fetches in
 * flight and waits for the runs under way to be recorded.
 */
import type { Connector } from "../../connectors/types.js";
import { connectorSyncConfig, type SyncConfig } from "../config/sync-config.js";
import type { SyncSummary } from "./run-sync.js";

export interface SchedulerOptions {
  connectors: Connector[];
  config: SyncConfig;
  /** One run of the connector; `signal` aborts when the scheduler stops. */
  run(connector: Connector, signal: AbortSignal): Promise<SyncSummary>;
  /** Delay before a first run that does not wait, staggered per connector (ms). Default 1000. */
  startDelayMs?: number;
  onResult?(connector: Connector, summary: SyncSummary): void;
  onError?(connector: Connector, error: unknown): void;
}

export interface Scheduler {
  /** Names of the connectors with a run under way. */
  running(): string[];
  stop(): Promise<void>;
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  const abort = new AbortController();
  const timers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;

  const plan = (connector: Connector, delayMs: number) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(connector.name);
      const run = runOnce(connector).finally(() => inFlight.delete(connector.name));
      inFlight.set(connector.name, run);
    }, delayMs);
    timer.unref();
    timers.set(connector.name, timer);
  };

  const runOnce = async (connector: Connector) => {
    try {
      const summary = await options.run(connector, abort.signal);
      options.onResult?.(connector, summary);
    } catch (error) {
      if (!stopped) options.onError?.(connector, error);
    }
    plan(connector, intervalOf(connector) * 1000);
  };

  const intervalOf = (connector: Connector) => connectorSyncConfig(options.config, connector.name).intervalSeconds;

  const startDelay = options.startDelayMs ?? 1000;
  options.connectors.forEach((connector, index) => {
    if (intervalOf(connector) > 0) plan(connector, startDelay * (index + 1));
  });

  return {
    running: () => [...inFlight.keys()],
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      abort.abort();
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
