/**
 * What a reader may see: the access policy answers these two questions for
 * every read, so no query path (root list, loader, node(id), statistics,
 * subscription) can skip them.
 */
import type { DatasetName } from "./datasets.js";

export interface RowLimit {
  /** Significant division prefix the rows must lie in, or null for no territorial limit. */
  territory: string | null;
  /** Further division prefixes whose rows are read too (mutual aid across a city line). */
  partners?: readonly string[];
  /** Only the rows of this enterprise (an enterprise user's own file), or null. */
  enterpriseCode: string | null;
  /** Extra equality conditions (e.g. public readers see warnings in force only), or null. */
  filter?: Readonly<Record<string, unknown>> | null;
  /** Rows matching all these equality conditions are left out (rows only their owner reads), or null. */
  exclude?: Readonly<Record<string, unknown>> | null;
  /** Only rows whose sector (at `field`, e.g. "enterprise.sector") is one of `values` (条), or null for any sector. */
  sectors?: { field: string; values: readonly string[] } | null;
  /** Rows matching these equality conditions ({} = every row) are read besides the limited ones: what the public reads. */
  publicFloor?: Readonly<Record<string, unknown>> | null;
}

export interface ReadScope {
  /** The limit on rows of a dataset, or null when the dataset may not be read at all. */
  rowLimit(dataset: DatasetName): RowLimit | null;
  /** The row as this reader may see it: fields hidden or masked by the catalogue. */
  presentFields(dataset: DatasetName, row: Record<string, unknown>): Record<string, unknown>;
}

/** Sees everything: used by the sync runtime and by administrative commands, never for a request. */
export const UNRESTRICTED: ReadScope = {
  rowLimit: () => ({ territory: null, enterpriseCode: null }),
  presentFields: (_dataset, row) => row,
};
