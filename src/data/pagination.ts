/**
 * Relay connection arguments: offset cursors (base64url "o:<offset>") that stay
 * valid under any ordering, including distance ordering.
 */
import { badInput } from "../errors/hub-error.js";

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageWindow {
  skip: number;
  take: number;
}

export const DEFAULT_PAGE_SIZE = 20;

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString("base64url");
}

export function decodeCursor(cursor: string): number | null {
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return match ? Number(match[1]) : null;
}

export function pageWindow(args: PageArgs, pageMax: number): PageWindow {
  const take = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(take) || take < 0 || take > pageMax) throw badInput("first", `must be an integer from 0 to ${pageMax}`);
  if (args.after == null) return { skip: 0, take };
  const offset = decodeCursor(args.after);
  if (offset === null) throw badInput("after", "is not a cursor returned by this API");
  return { skip: offset + 1, take };
}

export interface Edge<T> {
  cursor: string;
  node: T;
  distanceKm?: number | null;
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
  /** Resolved only when the client asks for it. */
  readonly totalCount: Promise<number> | number;
}

/** Builds a connection from one page fetched with take + 1 rows (the extra row tells hasNextPage). */
export function toConnection<T>(
  rows: T[],
  window: PageWindow,
  totalCount: () => Promise<number> | number,
  distances?: (number | null)[],
): ConnectionResult<T> {
  const page = rows.slice(0, window.take);
  const edges = page.map((node, i) => ({ cursor: encodeCursor(window.skip + i), node, distanceKm: distances?.[i] ?? null }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > window.take,
      hasPreviousPage: window.skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return totalCount();
    },
  };
}
