/**
 * Waiting for a condition rather than for a time: a test that waits a fixed
 * 200 ms passes on an idle machine and fails on a busy one. Deadlines here are
 * generous (a minute by default); they only bound how long a broken feature
 * makes a test hang.
 */
import os from "node:os";

export async function waitFor(condition: () => boolean | Promise<boolean>, options: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? "a condition"}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}

/**
 * A latency budget the product promises on an idle machine (a pushed warning
 * on a screen within 2 s), stretched by the machine's load per core, so that
 * a test of it fails when the feature is slow, not when the machine is busy.
 */
export function latencyBudgetMs(idleMs: number): number {
  return idleMs * Math.max(1, os.loadavg()[0]! / os.availableParallelism());
}
