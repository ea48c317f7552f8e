/**
 * Warning colour levels (预警级别) and their CAP severity (GB/T 35965.1).
 * Pure: no I/O.
 */
export const WARNING_LEVELS = ["BLUE", "YELLOW", "ORANGE", "RED"] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const CAP_SEVERITIES = ["Extreme", "Severe", "Moderate", "Minor", "Unknown"] as const;
export type CapSeverity = (typeof CAP_SEVERITIES)[number];

const SEVERITY_OF: Record<WarningLevel, CapSeverity> = {
  RED: "Extreme",
  ORANGE: "Severe",
  YELLOW: "Moderate",
  BLUE: "Minor",
};

export function severityOfLevel(level: WarningLevel): CapSeverity {
  return SEVERITY_OF[level];
}

export function levelOfSeverity(severity: string): WarningLevel | null {
  const entry = Object.entries(SEVERITY_OF).find(([, s]) => s === severity);
  return entry ? (entry[0] as WarningLevel) : null;
}

/** Rank for comparisons: BLUE 1 … RED 4. */
export function levelRank(level: WarningLevel): number {
  return WARNING_LEVELS.indexOf(level) + 1;
}

const CHINESE: Record<string, WarningLevel> = { 蓝色: "BLUE", 黄色: "YELLOW", 橙色: "ORANGE", 红色: "RED" };

/** A headline that changes an alert's colour: 「由黄色预警升级为橙色预警」, 「橙色预警降级为黄色预警」. */
const COLOUR_CHANGE = /升级|降级|升为|降为|调整为|变更为|更改为|提升为|降低为/;

/**
 * The colour named in a Chinese headline such as 「…发布暴雨黄色预警[Ⅲ级/较重]」;
 * when the headline changes the colour (升级/降级为…), the colour it changes to.
 */
export function levelFromChineseText(text: string): WarningLevel | null {
  const found = Object.entries(CHINESE)
    .flatMap(([word, level]) => [...text.matchAll(new RegExp(word, "g"))].map((m) => ({ at: m.index!, level })))
    .sort((a, b) => a.at - b.at);
  if (found.length === 0) return null;
  return (COLOUR_CHANGE.test(text) ? found[found.length - 1]! : found[0]!).level;
}

/**
 * Meteorological warning signals (气象灾害预警信号发布与传播办法, 中国气象局令第16号,
 * with the haze signal as revised by 中国气象局 in 2013: yellow, orange and red)
 * and the colours each may take. Not every type has every colour.
 */
export const SIGNAL_COLOURS: Record<string, readonly WarningLevel[]> = {
  台风: ["BLUE", "YELLOW", "ORANGE", "RED"],
  暴雨: ["BLUE", "YELLOW", "ORANGE", "RED"],
  暴雪: ["BLUE", "YELLOW", "ORANGE", "RED"],
  寒潮: ["BLUE", "YELLOW", "ORANGE", "RED"],
  大风: ["BLUE", "YELLOW", "ORANGE", "RED"],
  沙尘暴: ["YELLOW", "ORANGE", "RED"],
  高温: ["YELLOW", "ORANGE", "RED"],
  干旱: ["ORANGE", "RED"],
  雷电: ["YELLOW", "ORANGE", "RED"],
  冰雹: ["ORANGE", "RED"],
  霜冻: ["BLUE", "YELLOW", "ORANGE"],
  大雾: ["YELLOW", "ORANGE", "RED"],
  霾: ["YELLOW", "ORANGE", "RED"],
  道路结冰: ["YELLOW", "ORANGE", "RED"],
};

