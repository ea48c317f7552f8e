/**
 * Splitting hazards by the child regions of a territory (块), for figures by
 * county under a city, by city under the province, and so on.
 * Pure: no I/O.
 */
import { divisionPrefix, normaliseDivisionCode } from "../division.js";

function prefixOf(code: string): string | null {
  const n = normaliseDivisionCode(code);
  return n.ok ? divisionPrefix(n.code) : null;
}

/**
 * Hazards inside `parentPrefix`, keyed by the child region each lies in (keys
 * exactly as given, every child present even when empty, in the given order).
 * Codes and prefixes are compared in significant-prefix form, so "410200" and
 * "4102" mean the same city. A hazard under several children goes to the most
 * specific one; one inside the parent but under no child (registered at the
 * parent level) goes under the key `parentPrefix`. Hazards outside the parent
 * or with an invalid code are left out.
 */
export function groupByChildRegion<T extends { regionCode: string }>(
  hazards: readonly T[],
  parentPrefix: string,
  childPrefixes: readonly string[],
): Map<string, T[]> {
  const parent = prefixOf(parentPrefix);
  const children = childPrefixes
    .map((key) => ({ key, prefix: prefixOf(key) }))
    .filter((c): c is { key: string; prefix: string } => c.prefix !== null)
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const groups = new Map<string, T[]>();
  for (const key of childPrefixes) groups.set(key, []);
  if (parent === null) return groups;
  for (const h of hazards) {
    const code = prefixOf(h.regionCode);
    if (code === null || !code.startsWith(parent)) continue;
    const child = children.find((c) => code.startsWith(c.prefix));
    const key = child ? child.key : parentPrefix;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(h);
  }
  return groups;
}

/** Hazards by their sector (条), the sectors in name order. */
export function groupBySector<T extends { sector: string }>(hazards: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const hazard of hazards) {
    let list = groups.get(hazard.sector);
    if (!list) groups.set(hazard.sector, (list = []));
    list.push(hazard);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b, "zh-CN")));
}
