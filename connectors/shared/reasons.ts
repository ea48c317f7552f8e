/** Turns validation issues into one-line rejection reasons that name the field and the value. */
import type { z } from "zod";

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node = raw;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** A short, printable form of a source value. */
export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = typeof value === "string" ? `'${value}'` : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === "number" ? `[${key}]` : String(key))).join(".").replace(/\.\[/g, "[");
}

/**
 * "creditCode check character should be 'J', got 'X'" for custom checks (their
 * message already names the value); "dangerLevel Invalid option: … (got 3)" otherwise.
 */
export function describeIssues(error: z.ZodError, raw: unknown): string {
  return error.issues
    .map((issue) => {
      const field = fieldName(issue.path);
      if (issue.code === "custom") return field ? `${field} ${issue.message}` : issue.message;
      return `${field || "record"} ${issue.message} (got ${showValue(valueAt(raw, issue.path))})`;
    })
    .join("; ");
}

/** "<dataset> <id>: <what is wrong>" — the form of every rejection reason. */
export function reasonFor(dataset: string, sourceId: string | undefined, problem: string): string {
  return `${dataset} ${sourceId ?? "(no id)"}: ${problem}`;
}
