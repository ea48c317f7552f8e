/**
 * Out of scope reads as absent through the gateway as on the hub: an entity
 * the hub resolves to null for this caller (`_entities` answers null for a
 * record the caller may not read) is left out of the list it was in, or is a
 * null field, and is no error. The gateway reports such a null as a
 * non-null violation of a field selected on the entity ("Cannot return null
 * for non-nullable field Enterprise.name."), at a path whose parent is null
 * in the data; any other error at that entity keeps it, and its error, as
 * they are. Pure: no I/O.
 */
import type { ExecutionResult, GraphQLError } from "graphql";

const NON_NULL_VIOLATION = /^Cannot return null for non-nullable field [_A-Za-z][_0-9A-Za-z]*\.[_A-Za-z][_0-9A-Za-z]*\.$/;

type Path = ReadonlyArray<string | number>;

function at(data: unknown, path: Path): unknown {
  let value = data;
  for (const step of path) value = (value as Record<string | number, unknown> | null | undefined)?.[step];
  return value;
}

const keyOf = (path: Path) => JSON.stringify(path);

/** The result with absent entities left out; the same object when there is none. */
export function leaveOutAbsentEntities<T extends ExecutionResult>(result: T): T {
  const errors = result.errors ?? [];
  if (errors.length === 0 || result.data == null) return result;
  const absent = new Map<string, Path>();
  const otherwise = new Set<string>();
  for (const error of errors) {
    const path = error.path;
    if (!path || path.length < 2) continue;
    const parent = path.slice(0, -1);
    const isAbsent = NON_NULL_VIOLATION.test(error.message) && at(result.data, parent) === null;
    if (isAbsent) absent.set(keyOf(parent), parent);
    else for (let i = 1; i <= path.length; i++) otherwise.add(keyOf(path.slice(0, i)));
  }
  const leftOut = [...absent.values()].filter((parent) => !otherwise.has(keyOf(parent)));
  if (leftOut.length === 0) return result;
  const gone = new Set(leftOut.map(keyOf));
  const data = structuredClone(result.data) as Record<string, unknown>;
  // list items last to first, so that the indexes of the others hold
  const items = leftOut.filter((parent) => typeof parent.at(-1) === "number").sort((a, b) => (b.at(-1) as number) - (a.at(-1) as number));
  for (const item of items) {
    const list = at(data, item.slice(0, -1));
    if (Array.isArray(list)) list.splice(item.at(-1) as number, 1);
  }
  const kept = errors.filter((error: GraphQLError) => !(error.path && error.path.length >= 2 && gone.has(keyOf(error.path.slice(0, -1))) && NON_NULL_VIOLATION.test(error.message)));
  const { errors: _dropped, ...rest } = result;
  return { ...rest, data, ...(kept.length > 0 ? { errors: kept } : {}) } as T;
}
