/**
 * What the hub records in the AuditEntry table: every read of unmasked
 * personal data and every mutation. Types only; the writer lives with the data layer.
 */
import type { Department, Role } from "./principal.js";

export type AuditAction = "READ_PERSONAL" | "MUTATION";

export interface AuditRecord {
  /** Correlates all entries of one GraphQL request. */
  requestId: string;
  subject: string;
  department: Department | null;
  roles: Role[];
  action: AuditAction;
  /** Catalogue dataset name (GraphQL type), e.g. "Enterprise". */
  dataset: string;
  /** The record's id, or null for an action on the dataset as a whole. */
  recordId: string | null;
  /** READ_PERSONAL: the personal fields returned unmasked; MUTATION: the fields written. */
  fields: string[];
}
