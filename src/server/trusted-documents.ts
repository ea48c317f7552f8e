/**
 * Trusted documents: for the roles the operator names, only the operations of
 * the hub's manifest run — those in schema/operations/, the same files the
 * codegen types the clients from. An operation matches when it is the same
 * operation with the same fragments, whatever its whitespace, comments or the
 * order of its fragments; other roles keep free-form queries under the limits.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { GraphQLError, Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import type { Principal } from "../access/index.js";

export const TRUSTED_ONLY = "TRUSTED_DOCUMENTS_ONLY";

export interface TrustedDocuments {
  /** Operation names by key. */
  readonly operations: ReadonlyMap<string, string>;
  /** Refuses the operation when the principal is held to the manifest and the operation is not in it. */
  check(principal: Principal, document: DocumentNode, operationName: string | null | undefined): GraphQLError | null;
}

function fragmentsUsed(node: DefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, found = new Map<string, FragmentDefinitionNode>()) {
  visit(node, {
    FragmentSpread(spread) {
      const fragment = fragments.get(spread.name.value);
      if (fragment && !found.has(fragment.name.value)) {
        found.set(fragment.name.value, fragment);
        fragmentsUsed(fragment, fragments, found);
      }
    },
  });
  return found;
}

/** The key of one operation of a document: a hash of it and its fragments as graphql-js prints them, fragments by name. */
export function operationKey(document: DocumentNode, operationName?: string | null): string | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return null;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const used = [...fragmentsUsed(operation, fragments).values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
  const text = [operation, ...used].map((definition) => print(definition)).join("\n");
  return crypto.createHash("sha256").update(text).digest("hex");
}

/** The operations of every .graphql file in `dir`, fragments shared across the files. */
export function loadTrustedDocuments(dir: string, restrictedRoles: readonly string[]): TrustedDocuments {
  const files = fs.readdirSync(dir).filter((file) => file.endsWith(".graphql")).sort();
  const definitions = files.flatMap((file) => parse(fs.readFileSync(path.join(dir, file), "utf8")).definitions);
  const whole: DocumentNode = { kind: Kind.DOCUMENT, definitions };
  const operations = new Map<string, string>();
  for (const definition of definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) continue;
    operations.set(operationKey(whole, definition.name.value)!, definition.name.value);
  }
  // a principal with no role the hub knows (a token of roles it does not grant) is held as an anonymous caller is
  const heldToManifest = (principal: Principal) =>
    principal.roles.length === 0 ? restrictedRoles.includes("anonymous") : principal.roles.every((role) => restrictedRoles.includes(role));
  return {
    operations,
    check(principal, document, operationName) {
      if (!heldToManifest(principal)) return null;
      const key = operationKey(document, operationName);
      if (key !== null && operations.has(key)) return null;
      return new GraphQLError("this client may run only the hub's trusted operations (schema/operations/*.graphql)", { extensions: { code: TRUSTED_ONLY } });
    },
  };
}
