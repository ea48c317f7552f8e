/** The sum of a numeric column over rows (a missing or non-numeric value counts 0). */
export function sumOf(rows: ReadonlyArray<Record<string, unknown>>, field: string): number {
  return rows.reduce((total, row) => total + (Number(row[field]) || 0), 0);
}
