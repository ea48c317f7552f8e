/**
 * The catalogue's field classes, applied to every field of every catalogued
 * type as it is resolved — root lists, nested relations, node(id) and
 * subscriptions alike: hidden fields resolve to null, PERSONAL ones are masked
 * unless the reader may see them, and every unmasked PERSONAL value is noted
 * for the audit log.
 */
import type { MiddlewareFn } from "type-graphql";
import { datasetOf, fieldAccess, fieldClassOf, maskValue, readGrant } from "../access/index.js";
import type { HubContext } from "./context.js";

export const fieldPolicy: MiddlewareFn<HubContext> = async ({ root, info, context }, next) => {
  const dataset = info.parentType.name;
  const { catalog, principal } = context;
  if (datasetOf(catalog, dataset) === null) return next();
  const field = info.fieldName;
  // Rows an enterprise principal reaches through its ENTERPRISE grant are its own (the reader limits them).
  const ownEnterprise = readGrant(catalog, principal, dataset) === "ENTERPRISE";
  const access = fieldAccess(catalog, principal, dataset, field, { ownEnterprise });
  if (access === "hidden") return null;
  const value = await next();
  if (value === null || value === undefined) return value;
  if (fieldClassOf(catalog, dataset, field) !== "PERSONAL") return value;
  if (access === "masked") return maskValue(field, value);
  context.personalReads.note(dataset, recordIdOf(root), field);
  return value;
};

function recordIdOf(root: unknown): string | null {
  const row = root as { key?: unknown; id?: unknown } | null;
  return row?.key != null ? String(row.key) : row?.id != null ? String(row.id) : null;
}
