/**
 * The catalogue's field classes, applied to every field of every object type
 * as it is resolved — root lists, nested relations, node(id) and
 * subscriptions alike: hidden fields resolve to null, PERSONAL ones are masked
 * unless the reader may see them, and every unmasked PERSONAL value is noted
 * for the audit log.
 *
 * A decision depends only on the principal, the type and the field, so it is
 * made once per operation and kept in the context under the field's slot
 * number. The wrapper is synchronous: a visible field costs an array read and
 * a call, and its resolver's value (promise or not) is returned as it is.
 */
import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { datasetOf, fieldAccess, fieldClassOf, maskOf, maskValue, readGrant, rowScope, type Catalog, type Principal } from "../access/index.js";
import { divisionsOverlap } from "../core/division.js";
import type { HubContext } from "./context.js";
import { FieldDecision } from "./field-decision.js";


export function decideField(catalog: Catalog, principal: Principal, type: string, field: string): FieldDecision {
  const base = baseDecision(catalog, principal, type, field);
  if (base === FieldDecision.Hidden || fieldClassOf(catalog, type, field) === "PUBLIC") return base;
  const scope = rowScope(catalog, principal, type);
  // beyond the public floor only where the reader's own scope reaches (territorial public datasets)
  if (scope.deny || !scope.publicFloor || scope.territory === null || scope.territoryField === null) return base;
  if (base === FieldDecision.Masked) return FieldDecision.InScopeMasked;
  return base === FieldDecision.Visible ? FieldDecision.InScopeVisible : FieldDecision.InScopeAudited;
}

function baseDecision(catalog: Catalog, principal: Principal, type: string, field: string): FieldDecision {
  if (datasetOf(catalog, type) === null) return FieldDecision.Visible;
  // Rows an enterprise principal reaches through its ENTERPRISE grant are its own (the reader limits them).
  const ownEnterprise = readGrant(catalog, principal, type) === "ENTERPRISE";
  const access = fieldAccess(catalog, principal, type, field, { ownEnterprise });
  if (access === "hidden") return FieldDecision.Hidden;
  if (fieldClassOf(catalog, type, field) !== "PERSONAL") return FieldDecision.Visible;
  if (access === "masked") return FieldDecision.Masked;
  const dataset = datasetOf(catalog, type)!;
  // the reader limits the rows of a territorial dataset; the others are limited here, field by field
  return !dataset.territorial && dataset.territoryField && principal.territory !== "" ? FieldDecision.AuditedInTerritory : FieldDecision.Audited;
}

/** The division code of a row, at the catalogue's territory field ("regionCode", "hazard.regionCode"); a list for a warning's regionCodes. */
function rowTerritory(source: unknown, path: string): string | string[] {
  let value: unknown = source;
  for (const step of path.split(".")) value = (value as Record<string, unknown> | null | undefined)?.[step];
  return Array.isArray(value) ? value.map(String) : value == null ? "" : String(value);
}

/** The row lies in (or, for areas, reaches into) `territory`. */
function rowWithin(source: unknown, path: string, territory: string): boolean {
  const codes = rowTerritory(source, path);
  return Array.isArray(codes) ? codes.some((code) => divisionsOverlap(code, territory)) : codes.startsWith(territory);
}

/** The reader's own scope of a public dataset (its territory and mutual-aid partners), per operation. */
const ownScopes = new WeakMap<HubContext, Map<string, { territories: string[]; field: string }>>();
function ownScope(context: HubContext, type: string): { territories: string[]; field: string } {
  let scopes = ownScopes.get(context);
  if (!scopes) ownScopes.set(context, (scopes = new Map()));
  let scope = scopes.get(type);
  if (!scope) {
    const row = rowScope(context.catalog, context.principal, type) as { territory: string; partners: readonly string[]; territoryField: string };
    scopes.set(type, (scope = { territories: [row.territory, ...row.partners], field: row.territoryField }));
  }
  return scope;
}

/** Wraps the resolver of every field of every object type (roots and introspection aside) with the policy. */
export function applyFieldPolicy(schema: GraphQLSchema): void {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  let slots = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__") || roots.has(type)) continue;
    for (const field of Object.values(type.getFields())) {
      field.resolve = withPolicy(type.name, field.name, slots++, field.resolve ?? defaultFieldResolver);
    }
  }
}

function withPolicy(type: string, field: string, slot: number, resolve: GraphQLFieldResolver<unknown, HubContext>): GraphQLFieldResolver<unknown, HubContext> {
  return (source, args, context, info) => {
    const decisions = context.fieldDecisions;
    let decision = decisions[slot];
    if (decision === undefined) decisions[slot] = decision = decideField(context.catalog, context.principal, type, field);
    if (decision === FieldDecision.Visible) return resolve(source, args, context, info);
    if (decision === FieldDecision.Hidden) return null;
    if (decision >= FieldDecision.InScopeVisible) {
      const own = ownScope(context, type);
      if (!own.territories.some((territory) => rowWithin(source, own.field, territory))) return null;
      if (decision === FieldDecision.InScopeVisible) return resolve(source, args, context, info);
      decision = decision === FieldDecision.InScopeMasked ? FieldDecision.Masked : FieldDecision.Audited;
    }
    const value = resolve(source, args, context, info);
    const masked =
      decision === FieldDecision.Masked ||
      (decision === FieldDecision.AuditedInTerritory && !rowWithin(source, datasetOf(context.catalog, type)!.territoryField!, context.principal.territory));
    const shown = (v: unknown) => {
      if (v === null || v === undefined) return v;
      if (masked) return maskValue(maskOf(context.catalog, type, field)!, v);
      context.personalReads.note(type, recordIdOf(source), field);
      return v;
    };
    return value instanceof Promise ? value.then(shown) : shown(value);
  };
}

function recordIdOf(root: unknown): string | null {
  const row = root as { key?: unknown; id?: unknown } | null;
  return row?.key != null ? String(row.key) : row?.id != null ? String(row.id) : null;
}
