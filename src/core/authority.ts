/**
 * Supervising authorities (挂牌督办单位): the reference list of department ×
 * division with their Chinese names, built from the division tree. An
 * authority is written `DEPARTMENT@division` (EMERGENCY@410200 is
 * 开封市应急管理局) and matched exactly, by that code or by one of its names.
 * The 安全生产委员会办公室 of a territory (SAFETY_COMMITTEE@…) sits in its
 * emergency bureau and acts through it. Pure: no I/O.
 */
import { DIVISION_TREE, divisionOf, type TreeDivision } from "./division-tree.js";
import { divisionPrefix, isWithinDivision, normaliseDivisionCode } from "./division.js";

export interface Authority {
  /** `EMERGENCY@410200`. */
  code: string;
  /** 开封市应急管理局. */
  name: string;
  /** Other names it goes by (省应急管理厅, 开封市安委办). */
  aliases: readonly string[];
  /** The department whose officials act for it. */
  department: string;
  /** Its territory, a full 6-digit division code. */
  division: string;
  level: TreeDivision["level"];
}

/** The bodies a territory has, by the name they carry at province and at city/county level. */
const BODIES: ReadonlyArray<{ code: string; department: string; province: string; city: string; county?: string; aliases?: readonly string[] }> = [
  { code: "EMERGENCY", department: "EMERGENCY", province: "应急管理厅", city: "应急管理局" },
  { code: "SAFETY_COMMITTEE", department: "EMERGENCY", province: "安全生产委员会办公室", city: "安全生产委员会办公室", aliases: ["安委会办公室", "安委办"] },
  { code: "HOUSING", department: "HOUSING", province: "住房和城乡建设厅", city: "住房和城乡建设局" },
  { code: "TRANSPORT", department: "TRANSPORT", province: "交通运输厅", city: "交通运输局" },
  { code: "WATER", department: "WATER", province: "水利厅", city: "水利局" },
  { code: "NATURAL_RESOURCES", department: "NATURAL_RESOURCES", province: "自然资源厅", city: "自然资源局", aliases: ["自然资源和规划局"] },
  { code: "PUBLIC_SECURITY", department: "PUBLIC_SECURITY", province: "公安厅", city: "公安局" },
  { code: "METEOROLOGY", department: "METEOROLOGY", province: "气象局", city: "气象局" },
  { code: "FIRE_RESCUE", department: "FIRE_RESCUE", province: "消防救援总队", city: "消防救援支队", county: "消防救援大队" },
];

function authoritiesOf(division: TreeDivision): Authority[] {
  return BODIES.map((body) => {
    const title = division.level === "PROVINCE" ? body.province : division.level === "COUNTY" ? (body.county ?? body.city) : body.city;
    const titles = [title, ...(body.aliases ?? [])];
    const aliases = titles.slice(1).map((t) => `${division.name}${t}`);
    // the province's own bodies are called 省… in the province (省应急管理厅)
    if (division.level === "PROVINCE") aliases.push(...titles.map((t) => `省${t}`));
    // a county's are also named with their city (郑州市上街区应急管理局)
    const parent = division.level === "COUNTY" && division.parentCode ? divisionOf(division.parentCode) : null;
    if (parent?.level === "CITY") aliases.push(...titles.map((t) => `${parent.name}${division.name}${t}`));
    return { code: `${body.code}@${division.code}`, name: `${division.name}${title}`, aliases, department: body.department, division: division.code, level: division.level };
  });
}

export const AUTHORITIES: readonly Authority[] = DIVISION_TREE.flatMap(authoritiesOf);

const BY_CODE = new Map(AUTHORITIES.map((a) => [a.code, a]));
const BY_NAME = new Map(AUTHORITIES.flatMap((a) => [a.name, ...a.aliases].map((name) => [name, a] as const)));

/** The authority a text names exactly: its code (`emergency@4102` is EMERGENCY@410200) or one of its names; null otherwise. */
export function resolveAuthority(text: string): Authority | null {
  const trimmed = text.trim();
  const code = /^([A-Za-z_]+)@(\d+)$/.exec(trimmed);
  if (code) {
    const division = normaliseDivisionCode(code[2]!);
    return division.ok ? (BY_CODE.get(`${code[1]!.toUpperCase()}@${division.code}`) ?? null) : null;
  }
  return BY_NAME.get(trimmed) ?? null;
}

/** The emergency bureau or other body a department has in a territory ("4102" + EMERGENCY → 开封市应急管理局); null when the list has none. */
export function authorityOf(department: string | null, territory: string): Authority | null {
  if (department === null || territory === "") return null;
  const division = normaliseDivisionCode(territory);
  return division.ok ? (BY_CODE.get(`${department}@${division.code}`) ?? null) : null;
}

/** True when officials of `department` in `territory` act for the authority. */
export function actsFor(authority: Authority, department: string | null, territory: string): boolean {
  const division = normaliseDivisionCode(territory);
  return department === authority.department && division.ok && division.code === authority.division;
}

/** True when `territory` strictly contains the authority's territory: a higher level may take over its listing. */
export function isAbove(territory: string, authority: Authority): boolean {
  const division = normaliseDivisionCode(territory);
  if (!division.ok) return false;
  const prefix = divisionPrefix(division.code);
  return prefix.length < divisionPrefix(authority.division).length && isWithinDivision(authority.division, prefix);
}

/** The authorities of a territory and of the levels under it, in tree order. */
export function authoritiesWithin(territory: string): Authority[] {
  return AUTHORITIES.filter((a) => territory === "" || isWithinDivision(a.division, territory));
}
