/**
 * Relay connections over keyset pages (query/order.ts): a page is read with
 * one row more than asked, which tells whether there is a next one; the total
 * is counted only when the client asks for `totalCount`.
 */
import { badInput } from "../errors/hub-error.js";
import { decodeCursor, encodeCursor } from "./query/order.js";

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;

export interface Page {
  size: number;
  /** Key of the row the page starts after, or null for the first page. */
  afterKey: string | null;
}

export function pageOf(args: PageArgs, pageMax: number): Page {
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > pageMax) throw badInput("first", `must be an integer from 0 to ${pageMax}`);
  if (args.after == null) return { size, afterKey: null };
  const afterKey = decodeCursor(args.after);
  if (afterKey === null) throw badInput("after", "is not a cursor returned by this API");
  return { size, afterKey };
}

export class Edge<T> {
  constructor(
    readonly node: T,
    private readonly key: string,
    readonly distanceKm: number | null = null,
  ) {}

  /** Encoded only when asked for. */
  get cursor(): string {
    return encodeCursor(this.key);
  }
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionResult<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Counted only when the client asks for it. */
  readonly totalCount: Promise<number> | number;
}

/** A connection from one page read with size + 1 rows. */
export function toConnection<T>(
  rows: T[],
  page: Page,
  keyOf: (row: T) => string,
  totalCount: () => Promise<number> | number,
  distanceOf?: (row: T) => number,
): ConnectionResult<T> {
  const edges = rows.slice(0, page.size).map((row) => new Edge(row, keyOf(row), distanceOf ? distanceOf(row) : null));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.size,
      hasPreviousPage: page.afterKey !== null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    get totalCount() {
      return totalCount();
    },
  };
}

export function emptyConnection<T>(page: Page): ConnectionResult<T> {
  return toConnection<T>([], page, () => "", () => 0);
}
