/**
 * Reference data the hub owns itself: the departments and the division tree
 * of the places the hub serves (GB/T 2260 codes; townships of 上街区 with
 * 12-digit statistical codes). Written idempotently at every start.
 */
import type { Prisma } from "./database.js";

type RegionSeed = [code: string, name: string, level: "PROVINCE" | "CITY" | "COUNTY" | "TOWNSHIP", parent: string | null, population?: number];

export const REGIONS: RegionSeed[] = [
  ["410000", "河南省", "PROVINCE", null],
  ["410100", "郑州市", "CITY", "410000"],
  ["410106", "上街区", "COUNTY", "410100", 140_000],
  ["410106001000", "济源路街道", "TOWNSHIP", "410106"],
  ["410106002000", "中心路街道", "TOWNSHIP", "410106"],
  ["410106003000", "新安路街道", "TOWNSHIP", "410106"],
  ["410106004000", "工业路街道", "TOWNSHIP", "410106"],
  ["410106005000", "矿山街道", "TOWNSHIP", "410106"],
  ["410106100000", "峡窝镇", "TOWNSHIP", "410106"],
  ["410200", "开封市", "CITY", "410000"],
  ["410202", "龙亭区", "COUNTY", "410200"],
  ["410203", "顺河回族区", "COUNTY", "410200"],
  ["410204", "鼓楼区", "COUNTY", "410200"],
  ["410205", "禹王台区", "COUNTY", "410200"],
  ["410212", "祥符区", "COUNTY", "410200"],
  ["410221", "杞县", "COUNTY", "410200"],
  ["410222", "通许县", "COUNTY", "410200"],
  ["410223", "尉氏县", "COUNTY", "410200"],
  ["410225", "兰考县", "COUNTY", "410200"],
  ["410500", "安阳市", "CITY", "410000"],
  ["410505", "殷都区", "COUNTY", "410500"],
];

export const DEPARTMENTS: Array<[code: string, nameZh: string]> = [
  ["EMERGENCY", "应急管理局"],
  ["WATER", "水利局"],
  ["METEOROLOGY", "气象局"],
  ["NATURAL_RESOURCES", "自然资源局"],
  ["TRANSPORT", "交通运输局"],
  ["PUBLIC_SECURITY", "公安局"],
  ["HOUSING", "住房和城乡建设局"],
  ["FIRE_RESCUE", "消防救援支队"],
];

export async function writeReferenceData(prisma: Prisma): Promise<void> {
  // Parents come before children in REGIONS, so one pass keeps the tree consistent.
  for (const [code, name, level, parentCode, population] of REGIONS) {
    const data = { name, level, parentCode, population: population ?? null };
    await prisma.region.upsert({ where: { code }, create: { code, ...data }, update: data });
  }
  for (const [code, nameZh] of DEPARTMENTS) {
    await prisma.department.upsert({ where: { code }, create: { code, nameZh }, update: { nameZh } });
  }
}
