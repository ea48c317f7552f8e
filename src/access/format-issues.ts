import type { z } from "zod";

type Issue = z.core.$ZodIssue;

/**
 * A failed union ("*" or a list) reports one branch per alternative; keep the
 * branch that got furthest into the value, so the message names the bad item.
 */
function unwrap(issue: Issue, prefix: PropertyKey[]): Array<{ path: PropertyKey[]; message: string }> {
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const depth = (branch: Issue[]) => Math.max(0, ...branch.map((i) => i.path.length));
    const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
    if (depth(best) > 0) return best.flatMap((inner) => unwrap(inner, path));
  }
  return [{ path, message: issue.message }];
}

/** One line per problem, each naming the offending field by its path: "issuers.0.audience: …". */
export function formatIssues(source: string, error: z.ZodError): string {
  const lines = error.issues
    .flatMap((issue) => unwrap(issue, []))
    .map(({ path, message }) => `  ${path.map(String).join(".") || "(root)"}: ${message}`);
  return `${source} is invalid:\n${lines.join("\n")}`;
}
