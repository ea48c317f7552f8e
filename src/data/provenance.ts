/** Provenance as the API shows it: source, freshness and the hub's version. */
export interface ProvenanceView {
  sourceDepartment: string;
  sourceSystem: string;
  sourceId: string;
  fetchedAt: Date;
  version: number;
  ageSeconds: number;
  retiredAt: Date | null;
}

export function provenanceOf(row: Record<string, unknown>, now = Date.now()): ProvenanceView {
  const fetchedAt = row.fetchedAt as Date;
  return {
    sourceDepartment: row.sourceDepartment as string,
    sourceSystem: row.sourceSystem as string,
    sourceId: row.sourceId as string,
    fetchedAt,
    version: row.version as number,
    ageSeconds: Math.max(0, Math.round((now - fetchedAt.getTime()) / 1000)),
    retiredAt: (row.retiredAt as Date | null) ?? null,
  };
}
