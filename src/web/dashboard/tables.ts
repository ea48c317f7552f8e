/** The side views' tables: each read by its own query, filled, or saying why it could not be. */
import { gql, HubError } from "./api.js";
import { escapeHtml } from "./colours.js";

/** A date as the table shows it: YYYY-MM-DD. */
export const day = (value: string | null) => escapeHtml((value ?? "").slice(0, 10));

/** A table of `rows` under `header`, or 无. */
export function fill<T>(element: HTMLElement, header: string[], rows: T[], cells: (row: T) => string[]) {
  element.innerHTML = rows.length
    ? `<tr>${header.map((h) => `<th>${h}</th>`).join("")}</tr>` + rows.map((row) => `<tr>${cells(row).map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")
    : `<tr><td>无</td></tr>`;
}

/** Reads one table's query and fills it, or says in it why it could not. */
export async function section<T>(element: HTMLElement, query: string, show: (data: T) => void) {
  try {
    show(await gql<T>(query));
  } catch (error) {
    element.innerHTML = `<tr><td>${escapeHtml(error instanceof HubError ? error.message : "无法读取")}</td></tr>`;
  }
}
