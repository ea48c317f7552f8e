/** The table `emhub sync` prints: one row per connector run, then the reasons of the runs that failed. */
import type { SyncCounts } from "../core/sync-counts.js";

export interface RunRow {
  connector: string;
  ok: boolean;
  counts: SyncCounts;
  seconds: number;
  errors: string[];
}

const COUNT_COLUMNS: (keyof SyncCounts)[] = ["fetched", "created", "updated", "unchanged", "retired", "rejected"];

export function formatSummaryTable(rows: RunRow[]): string {
  const header = ["connector", "result", ...COUNT_COLUMNS, "seconds"];
  const body = rows.map((row) => [
    row.connector,
    row.ok ? "ok" : "FAILED",
    ...COUNT_COLUMNS.map((column) => String(row.counts[column])),
    row.seconds.toFixed(1),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i]!.length)));
  // Names left-aligned, numbers right-aligned.
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ").trimEnd();
  const lines = [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...body.map(line)];
  const failures = rows.filter((row) => !row.ok).flatMap((row) => row.errors.map((error) => `${row.connector}: ${error}`));
  if (failures.length > 0) lines.push("", ...failures);
  return lines.join("\n");
}
