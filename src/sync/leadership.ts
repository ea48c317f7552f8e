/**
 * One leader among hub instances sharing a PostgreSQL database: only the
 * leader runs the schedule of pulls, so a province's replicas do not each
 * pull every source. Leadership is a session-level advisory lock held on a
 * connection of its own; when the leader stops or its connection drops, the
 * lock is released and another instance takes over at its next try.
 */
import pg from "pg";
import { log as logger } from "../log.js";

/** The advisory lock key of the schedule. */
export const SCHEDULE_LOCK = 4_101_060_002;

export interface Leadership {
  isLeader(): boolean;
  stop(): Promise<void>;
}

export interface LeadershipOptions {
  databaseUrl: string;
  /** Starts the leader's work; returns how to stop it. */
  lead: () => { stop(): Promise<void> };
  /** How often a follower tries to take over (ms). */
  retryMs?: number;
  log?: (line: string) => void;
}

export function startLeadership(options: LeadershipOptions): Leadership {
  const retryMs = options.retryMs ?? 10_000;
  const log = options.log ?? ((line: string) => logger.info(line));
  let stopped = false;
  let client: pg.Client | null = null;
  let work: { stop(): Promise<void> } | null = null;
  let timer: NodeJS.Timeout | null = null;

  const stepDown = async (reason: string) => {
    const current = work;
    work = null;
    client = null;
    if (current) {
      log(`schedule: no longer the leader (${reason})`);
      await current.stop();
    }
    if (!stopped) timer = setTimeout(() => void attempt(), retryMs);
  };

  const attempt = async () => {
    timer = null;
    const candidate = new pg.Client({ connectionString: options.databaseUrl });
    candidate.on("error", () => {}); // a dropped connection ends leadership through "end" below
    try {
      await candidate.connect();
      const { rows } = await candidate.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [SCHEDULE_LOCK]);
      if (stopped || !rows[0]!.locked) {
        await candidate.end();
        if (!stopped) timer = setTimeout(() => void attempt(), retryMs);
        return;
      }
    } catch {
      await candidate.end().catch(() => {});
      if (!stopped) timer = setTimeout(() => void attempt(), retryMs);
      return;
    }
    client = candidate;
    candidate.once("end", () => void stepDown("its database connection closed"));
    log("schedule: this instance is the leader and runs the pulls");
    work = options.lead();
  };

  void attempt();
  return {
    isLeader: () => work !== null,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const current = work;
      work = null;
      await current?.stop();
      const held = client;
      client = null;
      await held?.end().catch(() => {});
    },
  };
}
