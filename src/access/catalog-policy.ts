/**
 * Pure access decisions over the sharing catalogue. Default deny: an unknown
 * dataset is not readable and an unknown field is hidden.
 */
import { datasetOf, regulatedSectors, type Catalog, type CatalogDataset, type ReadRule } from "./catalog.js";
import { hasRole, type Principal } from "./principal.js";
import { divisionPrefix } from "../core/division.js";

/** Why a principal may read a dataset, strongest first. */
export type ReadGrant = "ADMIN" | "RULE" | "ENTERPRISE" | "PUBLIC";

export type FieldAccess = "visible" | "masked" | "hidden";

export type RowScope =
  | { deny: true }
  | {
      deny: false;
      grant: ReadGrant;
      /** Division prefix the rows' territoryField must start with; null = no territorial limit. */
      territory: string | null;
      /** Further division prefixes whose rows are read too (mutual aid across a city line); empty for none. */
      partners: readonly string[];
      territoryField: string | null;
      /** Credit code the rows' enterpriseField must equal; null = any enterprise. */
      enterpriseCode: string | null;
      enterpriseField: string | null;
      /** Equality conditions for public-only readers (e.g. status ACTIVE); null = none. */
      filter: Readonly<Record<string, string | number | boolean>> | null;
      /** Rows matching these conditions are left out (the owner's own rows, for other readers); null = none. */
      exclude: Readonly<Record<string, string | number | boolean>> | null;
      /** The sectors the rows' sectorField must be one of (条); null = any sector. */
      sectors: readonly string[] | null;
      sectorField: string | null;
      /**
       * Public data is a floor: a reader whose rule limits a public dataset reads its public rows
       * (these conditions; {} = every row) besides. Their fields beyond PUBLIC only in its own scope.
       */
      publicFloor: Readonly<Record<string, string | number | boolean>> | null;
    };

/** An authenticated principal acting for a government department (not an enterprise). */
export function isGovernment(principal: Principal): boolean {
  return !principal.anonymous && principal.department !== null && !hasRole(principal, "ENTERPRISE");
}

/** A rule limited to regulated sectors matches only a department that regulates at least one. */
function ruleMatches(catalog: Catalog, rule: ReadRule, principal: Principal): boolean {
  if (!isGovernment(principal)) return false;
  const department = rule.departments === "*" || rule.departments.includes(principal.department!);
  const role = rule.roles === "*" ? principal.roles.length > 0 : hasRole(principal, ...rule.roles);
  const sectors = !rule.sectors || regulatedSectors(catalog, principal.department!).length > 0;
  return department && role && sectors;
}

function grantFor(catalog: Catalog, ds: CatalogDataset, principal: Principal): ReadGrant | null {
  if (principal.anonymous) return ds.public ? "PUBLIC" : null;
  if (hasRole(principal, "ADMIN")) return "ADMIN";
  if (hasRole(principal, "ENTERPRISE")) {
    if (ds.enterpriseField && principal.enterpriseCode) return "ENTERPRISE";
    return ds.public ? "PUBLIC" : null;
  }
  if (ds.read.some((rule) => ruleMatches(catalog, rule, principal))) return "RULE";
  return ds.public ? "PUBLIC" : null;
}

/** The sectors a RULE reader is limited to: none when any matching rule is unlimited, else those its department regulates. */
function sectorLimit(catalog: Catalog, ds: CatalogDataset, principal: Principal): readonly string[] | null {
  const matching = ds.read.filter((rule) => ruleMatches(catalog, rule, principal));
  return matching.some((rule) => !rule.sectors) ? null : regulatedSectors(catalog, principal.department!);
}

/** The strongest ground on which `principal` reads `dataset`, or null when it may not. */
export function readGrant(catalog: Catalog, principal: Principal, dataset: string): ReadGrant | null {
  const ds = datasetOf(catalog, dataset);
  return ds === null ? null : grantFor(catalog, ds, principal);
}

export function canReadDataset(catalog: Catalog, principal: Principal, dataset: string): boolean {
  return readGrant(catalog, principal, dataset) !== null;
}

/** True when the principal sees PERSONAL fields of the dataset unmasked under the catalogue's personal policy. */
export function seesPersonalData(catalog: Catalog, principal: Principal, dataset: string): boolean {
  const ds = datasetOf(catalog, dataset);
  const { personal } = catalog;
  if (ds === null || !isGovernment(principal) || !hasRole(principal, ...personal.roles)) return false;
  const department = principal.department!;
  return personal.departments.includes(department) || (personal.ownerDepartment && department === ds.owner);
}

/**
 * How one field of one record is shown: "visible", "masked" (PERSONAL, see mask.ts)
 * or "hidden" (null in the API). `ownEnterprise`: the record belongs to the
 * principal's enterprise (only meaningful for ENTERPRISE principals).
 */
export function fieldAccess(
  catalog: Catalog,
  principal: Principal,
  dataset: string,
  field: string,
  options: { ownEnterprise?: boolean } = {},
): FieldAccess {
  const ds = datasetOf(catalog, dataset);
  if (ds === null || !Object.hasOwn(ds.fields, field)) return "hidden";
  const fieldClass = ds.fields[field]!;
  switch (grantFor(catalog, ds, principal)) {
    case null:
      return "hidden";
    case "PUBLIC":
      return fieldClass === "PUBLIC" ? "visible" : "hidden";
    case "ENTERPRISE":
      if (!options.ownEnterprise) return ds.public && fieldClass === "PUBLIC" ? "visible" : "hidden";
      return fieldClass === "RESTRICTED" ? "hidden" : "visible";
    case "ADMIN":
    case "RULE":
      if (fieldClass === "PUBLIC" || fieldClass === "SHARED") return "visible";
      if (fieldClass === "PERSONAL") return seesPersonalData(catalog, principal, dataset) ? "visible" : "masked";
      return hasRole(principal, "ADMIN") || principal.department === ds.owner || principal.department === "EMERGENCY"
        ? "visible"
        : "hidden";
  }
}

/** The territory a government reader reads response resources in: its own widened to the catalogue's mutual-aid reach. */
export function mutualAidTerritory(catalog: Catalog, territory: string): string {
  const reach = catalog.mutualAid?.reach;
  if (reach === "province") return territory.slice(0, 2);
  if (reach === "city") return territory.slice(0, 4);
  return territory;
}

/**
 * The divisions across a city line whose response resources a reader of `territory` reads too:
 * the partners the catalogue gives its territory or any division it lies in (a county's adjacent
 * counties, its city's partner city), less what its reach already covers.
 */
export function mutualAidPartners(catalog: Catalog, territory: string): string[] {
  const partners = catalog.mutualAid?.partners ?? {};
  const reach = mutualAidTerritory(catalog, territory);
  const found = Object.entries(partners)
    .filter(([division]) => territory.startsWith(divisionPrefix(division)))
    .flatMap(([, list]) => list.map(divisionPrefix))
    .filter((prefix) => !prefix.startsWith(reach));
  return [...new Set(found)].sort();
}

/** Which rows of the dataset the principal may read, or { deny: true }. */
export function rowScope(catalog: Catalog, principal: Principal, dataset: string): RowScope {
  const ds = datasetOf(catalog, dataset);
  const grant = ds === null ? null : grantFor(catalog, ds, principal);
  if (ds === null || grant === null) return { deny: true };
  const scope: RowScope = {
    deny: false,
    grant,
    territory: null,
    partners: [],
    territoryField: null,
    enterpriseCode: null,
    enterpriseField: null,
    filter: null,
    exclude: grant === "ADMIN" || principal.department === ds.owner ? null : (ds.ownerOnlyRows ?? null),
    sectors: null,
    sectorField: null,
    publicFloor: null,
  };
  if (grant === "RULE" && ds.sectorField) {
    scope.sectors = sectorLimit(catalog, ds, principal);
    scope.sectorField = scope.sectors === null ? null : ds.sectorField;
  }
  if ((grant === "RULE" || grant === "ENTERPRISE") && ds.public) scope.publicFloor = ds.publicFilter ?? {};
  if ((grant === "ADMIN" || grant === "RULE") && ds.territorial) {
    // Only ADMIN may hold the empty (unlimited) territory; anyone else without one is denied.
    if (principal.territory === "" && grant === "RULE") return { deny: true };
    scope.territory = principal.territory === "" ? null : grant === "RULE" && ds.mutualAid ? mutualAidTerritory(catalog, principal.territory) : principal.territory;
    scope.territoryField = scope.territory === null ? null : (ds.territoryField ?? null);
    if (scope.territory !== null && grant === "RULE" && ds.mutualAid) scope.partners = mutualAidPartners(catalog, principal.territory);
  } else if (grant === "ENTERPRISE") {
    scope.enterpriseCode = principal.enterpriseCode;
    scope.enterpriseField = ds.enterpriseField ?? null;
  } else if (grant === "PUBLIC") {
    scope.filter = ds.publicFilter ?? null;
  }
  return scope;
}
