/** CSV for Excel, as the hub's exports write it (RFC 4180 fields, China Standard Time). Pure: no I/O. */
export type Cell = string | number | null;

/** "2026-11-22 14:05" in +08:00. */
export function cstMinute(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace("T", " ");
}

/** One CSV field; text that a spreadsheet would take for a formula is prefixed with an apostrophe. */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
