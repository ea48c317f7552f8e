/**
 * The sharing catalogue (信息共享目录, schema/sharing-catalog.yaml): for every
 * dataset its owner, who may read it, whether rows are limited to the reader's
 * territory or enterprise, and the class of every field. Validated at start;
 * the decisions themselves are in catalog-policy.ts.
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { AccessConfigError } from "./errors.js";
import { formatIssues } from "./format-issues.js";
import { MASK_METHODS, type MaskMethod } from "./mask.js";
import { DEPARTMENT_CODES, ROLES, type Department } from "./principal.js";
import { WARNING_LEVELS } from "../core/warning-level.js";

/** PUBLIC: anyone who may read the dataset, anonymous included. SHARED: authenticated readers.
 * RESTRICTED: the owner department, EMERGENCY and ADMIN. PERSONAL: masked outside the personal policy. */
export const FIELD_CLASSES = ["PUBLIC", "SHARED", "RESTRICTED", "PERSONAL"] as const;
export type FieldClass = (typeof FIELD_CLASSES)[number];

const quoted = (value: unknown) => JSON.stringify(value);

/** A division code or its significant prefix ("4102", "410106"). */
const Division = z.string().regex(/^41\d{0,10}$/, "must be a Henan division code or prefix (41…)");

const FieldClassSchema = z.enum(FIELD_CLASSES, {
  error: (issue) => `unknown field class ${quoted(issue.input)} (expected ${FIELD_CLASSES.join(", ")})`,
});

/**
 * A field's entry: its class, and for a PERSONAL field how it is masked
 * (mask.ts): "PERSONAL phone", "PERSONAL name", "PERSONAL idNumber",
 * "PERSONAL address", "PERSONAL text". A PERSONAL field without a method is
 * refused: the method is declared, never guessed from the field's name.
 */
const FieldEntrySchema = z.string().transform((entry, ctx): { fieldClass: FieldClass; mask: MaskMethod | null } => {
  const [fieldClass, method, ...rest] = entry.trim().split(/\s+/);
  const parsedClass = FieldClassSchema.safeParse(fieldClass);
  if (!parsedClass.success) {
    ctx.addIssue({ code: "custom", message: parsedClass.error.issues[0]!.message });
    return z.NEVER;
  }
  if (parsedClass.data !== "PERSONAL") {
    if (method !== undefined) ctx.addIssue({ code: "custom", message: `${parsedClass.data} takes no masking method (only PERSONAL does)` });
    return { fieldClass: parsedClass.data, mask: null };
  }
  if (method === undefined || rest.length > 0 || !(MASK_METHODS as readonly string[]).includes(method)) {
    ctx.addIssue({ code: "custom", message: `PERSONAL needs one masking method: PERSONAL ${MASK_METHODS.join(" | ")}${method ? ` (got ${quoted(method)})` : ""}` });
    return z.NEVER;
  }
  return { fieldClass: "PERSONAL", mask: method as MaskMethod };
});
const DepartmentSchema = z.enum(DEPARTMENT_CODES as [Department, ...Department[]], {
  error: (issue) => `unknown department ${quoted(issue.input)} (expected ${DEPARTMENT_CODES.join(", ")})`,
});
const RoleSchema = z.enum(ROLES, {
  error: (issue) => `unknown role ${quoted(issue.input)} (expected ${ROLES.join(", ")})`,
});
const Identifier = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, "must be an identifier");
/** A field of the dataset, or a relation followed by a field of the related record ("hazard.regionCode"). */
const FieldPath = z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/, "must be a field path");

const ReadRuleSchema = z
  .object({
    departments: z.union([z.literal("*"), z.array(DepartmentSchema).min(1)]),
    roles: z.union([z.literal("*"), z.array(RoleSchema).min(1)]),
    /** "regulated": the rule opens only the rows of the sectors the reader's department regulates (条). */
    sectors: z.literal("regulated", { error: (issue) => `unknown sectors ${quoted(issue.input)} (expected "regulated")` }).optional(),
  })
  .strict();

const DatasetSchema = z
  .object({
    title: z.string().optional(),
    owner: DepartmentSchema,
    public: z.boolean(),
    /** Equality conditions that limit what anonymous and other public-only readers get. */
    publicFilter: z.record(FieldPath, z.union([z.string(), z.number(), z.boolean()])).optional(),
    /** Equality conditions of rows only the owner department (and ADMIN) may read, e.g. exercise alerts. */
    ownerOnlyRows: z.record(FieldPath, z.union([z.string(), z.number(), z.boolean()])).optional(),
    territorial: z.boolean(),
    territoryField: FieldPath.optional(),
    /** The field holding the owning enterprise's credit code: ENTERPRISE principals read their own rows. */
    enterpriseField: FieldPath.optional(),
    /** The field holding the enterprise's sector, for rules limited to the sectors a department regulates. */
    sectorField: FieldPath.optional(),
    /** A response resource (shelters, teams, depots): government readers read it across the catalogue's mutualAid reach. */
    mutualAid: z.boolean().optional(),
    read: z.array(ReadRuleSchema),
    fields: z.record(Identifier, FieldEntrySchema),
  })
  .strict()
  // classes by field (what every decision reads) and the masking method of each PERSONAL field
  .transform(({ fields, ...ds }) => ({
    ...ds,
    fields: Object.fromEntries(Object.entries(fields).map(([name, entry]) => [name, entry.fieldClass])) as Record<string, FieldClass>,
    masks: Object.fromEntries(Object.entries(fields).flatMap(([name, entry]) => (entry.mask ? [[name, entry.mask]] : []))) as Record<string, MaskMethod>,
  }))
  .superRefine((ds, ctx) => {
    const known = (path: string) => Object.hasOwn(ds.fields, path.split(".")[0]!);
    if (Object.keys(ds.fields).length === 0) ctx.addIssue({ code: "custom", path: ["fields"], message: "lists no field" });
    if (ds.territorial && !ds.territoryField) {
      ctx.addIssue({ code: "custom", path: ["territoryField"], message: "is required when territorial is true" });
    }
    if (ds.read.some((rule) => rule.sectors) && !ds.sectorField) {
      ctx.addIssue({ code: "custom", path: ["sectorField"], message: "is required when a read rule is limited to regulated sectors" });
    }
    for (const key of ["territoryField", "enterpriseField", "sectorField"] as const) {
      const path = ds[key];
      if (path && !known(path)) ctx.addIssue({ code: "custom", path: [key], message: `names unknown field ${path}` });
    }
    if (ds.mutualAid && !ds.territorial) ctx.addIssue({ code: "custom", path: ["mutualAid"], message: "needs territorial: true (there is no territory to widen)" });
    if (ds.publicFilter && !ds.public) {
      ctx.addIssue({ code: "custom", path: ["publicFilter"], message: "needs public: true" });
    }
    for (const key of ["publicFilter", "ownerOnlyRows"] as const) {
      for (const path of Object.keys(ds[key] ?? {})) {
        if (!known(path)) ctx.addIssue({ code: "custom", path: [key, path], message: "names an unknown field" });
      }
    }
  });

export const CatalogSchema = z
  .object({
    version: z.literal(1, { error: (issue) => `unsupported catalogue version ${quoted(issue.input)} (expected 1)` }),
    updated: z.preprocess(
      (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
      z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"),
    ),
    /** Who sees PERSONAL fields unmasked: a listed role AND a listed department (or the owner, if ownerDepartment). */
    personal: z
      .object({
        roles: z.array(RoleSchema),
        departments: z.array(DepartmentSchema),
        ownerDepartment: z.boolean().default(false),
      })
      .strict(),
    /**
     * Mutual aid (跨区协同联动, 跨市应急合作): how far beyond their own territory government
     * readers read the datasets marked mutualAid — their own territory, the whole city of it, or
     * the province — and, across a city line, the partners of their territory: division → the
     * divisions whose response resources its readers read too (adjacent counties, or a partner city).
     */
    mutualAid: z
      .object({
        reach: z.enum(["territory", "city", "province"]),
        partners: z.record(Division, z.array(Division).min(1)).default({}),
      })
      .strict()
      .optional(),
    /**
     * Who may issue which warnings (预警发布), by department code: the standard its types come from, and
     * each event type with the colours it may take. A CAP alert of another type or colour is quarantined.
     */
    warningIssuers: z
      .record(
        z.string(),
        z
          .object({
            standard: z.string().trim().min(1),
            types: z.record(z.string().trim().min(1), z.array(z.enum(WARNING_LEVELS)).min(1)),
          })
          .strict(),
      )
      .default({}),
    /** The enterprise sectors each department regulates (管行业必须管安全), by department code. */
    sectors: z.record(z.string(), z.array(z.string().trim().min(1))).default({}),
    datasets: z.record(Identifier, DatasetSchema),
  })
  .strict()
  .superRefine((catalog, ctx) => {
    for (const key of ["sectors", "warningIssuers"] as const) {
      for (const department of Object.keys(catalog[key])) {
        if (!(DEPARTMENT_CODES as readonly string[]).includes(department)) {
          ctx.addIssue({ code: "custom", path: [key, department], message: `unknown department ${quoted(department)} (expected ${DEPARTMENT_CODES.join(", ")})` });
        }
      }
    }
  });

export type Catalog = z.output<typeof CatalogSchema>;
export type CatalogDataset = Catalog["datasets"][string];
export type ReadRule = CatalogDataset["read"][number];

/** Top-level keys starting with "x-" hold YAML anchors (shared rule lists) and are not part of the catalogue. */
function withoutExtensions(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  return Object.fromEntries(Object.entries(input).filter(([key]) => !key.startsWith("x-")));
}

/** Validates an already-parsed catalogue; `source` names it in error messages. */
export function parseCatalog(input: unknown, source = "sharing catalogue"): Catalog {
  const result = CatalogSchema.safeParse(withoutExtensions(input));
  if (!result.success) throw new AccessConfigError(formatIssues(source, result.error));
  return result.data;
}

/** Reads and validates the catalogue file (YAML); throws AccessConfigError naming every bad entry. */
export function loadCatalog(path: string): Catalog {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new AccessConfigError(`sharing catalogue ${path} cannot be read: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    throw new AccessConfigError(`sharing catalogue ${path} is not valid YAML: ${(error as Error).message}`);
  }
  return parseCatalog(parsed, path);
}

export function datasetsIn(catalog: Catalog): string[] {
  return Object.keys(catalog.datasets);
}

/** The dataset's fields and their classes; empty for an unknown dataset. */
export function fieldsOf(catalog: Catalog, dataset: string): Readonly<Record<string, FieldClass>> {
  return Object.hasOwn(catalog.datasets, dataset) ? catalog.datasets[dataset]!.fields : {};
}

/** The class of one field, or null when the dataset or the field is not in the catalogue. */
export function fieldClassOf(catalog: Catalog, dataset: string, field: string): FieldClass | null {
  const fields = fieldsOf(catalog, dataset);
  return Object.hasOwn(fields, field) ? fields[field]! : null;
}

/** How a PERSONAL field is masked, as the catalogue declares it; null for any other field. */
export function maskOf(catalog: Catalog, dataset: string, field: string): MaskMethod | null {
  return datasetOf(catalog, dataset)?.masks[field] ?? null;
}

/** The sectors a department regulates (empty when none). */
export function regulatedSectors(catalog: Catalog, department: Department): readonly string[] {
  return catalog.sectors[department] ?? [];
}

/** The dataset's entry, or null when it is not in the catalogue. */
export function datasetOf(catalog: Catalog, dataset: string): CatalogDataset | null {
  return Object.hasOwn(catalog.datasets, dataset) ? catalog.datasets[dataset]! : null;
}
