/**
 * Where a hazard was found (隐患来源), as the dual-prevention exchange codes
 * it: the code leads the stored text ("7 执法检查"). Enforcement (执法检查, by
 * the law-enforcement officers, with orders and penalties) and supervisory
 * patrols (督导巡查, whose findings 上街区's 双月通报 lists) are two sources;
 * the exchange format has no code for a patrol, so the hub's is 11. Pure: no I/O.
 */
export const DISCOVERY_SOURCES = {
  DAILY: { code: "1", zh: "日常排查" },
  COMPREHENSIVE: { code: "2", zh: "综合排查" },
  SPECIAL: { code: "3", zh: "专项排查" },
  SEASONAL: { code: "4", zh: "季节性排查" },
  HOLIDAY: { code: "5", zh: "节假日前排查" },
  EXPERT: { code: "6", zh: "外聘专家诊断" },
  ENFORCEMENT: { code: "7", zh: "执法检查" },
  REPORT: { code: "8", zh: "举报" },
  OTHER: { code: "9", zh: "其他" },
  GRID: { code: "10", zh: "网格员巡查" },
  PATROL: { code: "11", zh: "督导巡查" },
} as const;
export type DiscoverySource = keyof typeof DISCOVERY_SOURCES;

/** The condition on `discoverySource` for hazards found by any of `sources`. */
export function discoverySourceWhere(sources: readonly DiscoverySource[]): Record<string, unknown> {
  return { OR: sources.map((source) => ({ discoverySource: { startsWith: `${DISCOVERY_SOURCES[source].code} ` } })) };
}
