/**
 * A rate-limit store shared through Redis that keeps limiting when Redis does
 * not answer: counts go to a local store meanwhile, the shared store is set
 * up again (its scripts loaded anew) every few seconds until it answers, and
 * each change of state is logged once, as JSON, through the hub's logger.
 * Without it, rate-limit-redis keeps a failed script load for the life of the
 * process, and express-rate-limit lets every request through with a stack
 * trace on stderr.
 */
import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from "express-rate-limit";
import { log } from "../log.js";

export type SharedStoreState = "local" | "shared" | "fallback";

/** How long the shared store rests after a failure before it is tried again. */
export const RETRY_MS = 5_000;

export class FallbackStore implements Store {
  private current: "connecting" | "shared" | "fallback" = "connecting";
  private options: Options | undefined;
  private setup: Promise<void> | null = null;
  private retryAt = 0;
  private closed = false;

  constructor(
    private readonly shared: Store,
    private readonly local: Store,
    private readonly retryMs = RETRY_MS,
  ) {}

  init(options: Options): void {
    this.options = options;
    this.local.init?.(options);
    this.connect();
  }

  /** "shared" while Redis counts, "fallback" while this instance counts alone (also before Redis first answered). */
  state(): SharedStoreState {
    return this.current === "shared" ? "shared" : "fallback";
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return this.use((store) => store.get?.(key));
  }

  async increment(key: string): Promise<IncrementResponse> {
    return this.use((store) => store.increment(key));
  }

  async decrement(key: string): Promise<void> {
    return this.use((store) => store.decrement(key));
  }

  async resetKey(key: string): Promise<void> {
    return this.use((store) => store.resetKey(key));
  }

  shutdown(): void {
    this.closed = true;
    this.shared.shutdown?.();
    this.local.shutdown?.();
  }

  private async use<T>(action: (store: Store) => Promise<T> | T): Promise<T> {
    if (this.current !== "shared") {
      this.connect();
      return action(this.local);
    }
    try {
      return await action(this.shared);
    } catch (error) {
      this.fail(error);
      return action(this.local);
    }
  }

  /** Sets the shared store up (again), unless a setup is under way or it failed less than retryMs ago. */
  private connect(): void {
    if (this.closed || this.setup || Date.now() < this.retryAt || !this.options) return;
    this.setup = Promise.resolve(this.shared.init?.(this.options))
      .then(() => {
        if (this.current !== "shared") log.info({ rateLimit: "shared" }, "rate limit: counting in Redis");
        this.current = "shared";
      })
      .catch((error: unknown) => this.fail(error))
      .finally(() => (this.setup = null));
  }

  private fail(error: unknown): void {
    this.retryAt = Date.now() + this.retryMs;
    // tried again when the rest is over, with or without requests
    setTimeout(() => this.connect(), this.retryMs + 10).unref();
    if (this.current === "fallback") return;
    this.current = "fallback";
    log.warn({ rateLimit: "fallback", err: error }, `rate limit: Redis does not answer; each instance counts on its own until it does (tried again every ${Math.round(this.retryMs / 1000)} s)`);
  }
}
