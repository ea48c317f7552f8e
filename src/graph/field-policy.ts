/**
 * The catalogue's field classes, applied to every field of every catalogued
 * type as it is resolved — root lists, nested relations, node(id) and
 * subscriptions alike: hidden fields resolve to null, PERSONAL ones are masked
 * unless the reader may see them, and every unmasked PERSONAL value is noted
 * for the audit log. Decisions depend only on the principal, the type and the
 * field, so each is made once per operation (a subscription's operation lasts
 * for all its events).
 */
import type { MiddlewareFn } from "type-graphql";
import { datasetOf, fieldAccess, fieldClassOf, maskValue, readGrant, type Catalog, type FieldAccess, type Principal } from "../access/index.js";
import type { HubContext } from "./context.js";

/** How one field of one type is shown to one principal; null when the type is not catalogued. */
type Decision = { access: FieldAccess; personal: boolean } | null;

const decisionsByContext = new WeakMap<HubContext, Map<string, Decision>>();

function decide(catalog: Catalog, principal: Principal, dataset: string, field: string): Decision {
  if (datasetOf(catalog, dataset) === null) return null;
  // Rows an enterprise principal reaches through its ENTERPRISE grant are its own (the reader limits them).
  const ownEnterprise = readGrant(catalog, principal, dataset) === "ENTERPRISE";
  return { access: fieldAccess(catalog, principal, dataset, field, { ownEnterprise }), personal: fieldClassOf(catalog, dataset, field) === "PERSONAL" };
}

function decisionFor(context: HubContext, dataset: string, field: string): Decision {
  let decisions = decisionsByContext.get(context);
  if (!decisions) decisionsByContext.set(context, (decisions = new Map()));
  const key = `${dataset}.${field}`;
  let decision = decisions.get(key);
  if (decision === undefined) decisions.set(key, (decision = decide(context.catalog, context.principal, dataset, field)));
  return decision;
}

export const fieldPolicy: MiddlewareFn<HubContext> = async ({ root, info, context }, next) => {
  const decision = decisionFor(context, info.parentType.name, info.fieldName);
  if (decision === null) return next();
  if (decision.access === "hidden") return null;
  const value = await next();
  if (value === null || value === undefined || !decision.personal) return value;
  if (decision.access === "masked") return maskValue(info.fieldName, value);
  context.personalReads.note(info.parentType.name, recordIdOf(root), info.fieldName);
  return value;
};

function recordIdOf(root: unknown): string | null {
  const row = root as { key?: unknown; id?: unknown } | null;
  return row?.key != null ? String(row.key) : row?.id != null ? String(row.id) : null;
}
