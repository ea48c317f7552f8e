/**
 * Reference data the hub owns itself: the departments and the division tree
 * of the province (GB/T 2260, src/core/division-tree.ts), with the townships
 * of 上街区 (12-digit statistical codes) and the populations the plans give.
 * Written idempotently at every start: rows that are missing are created,
 * rows that differ are updated.
 */
import { DEPARTMENTS } from "../access/index.js";
import { DIVISION_TREE } from "../core/division-tree.js";
import type { Prisma } from "./database.js";

interface RegionSeed {
  code: string;
  name: string;
  level: "PROVINCE" | "CITY" | "COUNTY" | "TOWNSHIP";
  parentCode: string | null;
  population: number | null;
  populationSource: string | null;
}

const TOWNSHIPS_OF_SHANGJIE: Array<[code: string, name: string]> = [
  ["410106001000", "济源路街道"],
  ["410106002000", "中心路街道"],
  ["410106003000", "新安路街道"],
  ["410106004000", "工业路街道"],
  ["410106005000", "矿山街道"],
  ["410106100000", "峡窝镇"],
];

/**
 * Population where a document the hub holds states it, with the document: only such figures, never estimates
 * (indicators per person read unknown elsewhere). A deployment adds its statistics bureau's figures here.
 */
const POPULATION: Readonly<Record<string, { population: number; source: string }>> = {
  "410106": { population: 140_000, source: "上政〔2022〕3号 上街区“十四五”应急管理体系和本质安全能力建设规划：总人口约14万人" },
};

const populationOf = (code: string) => ({ population: POPULATION[code]?.population ?? null, populationSource: POPULATION[code]?.source ?? null });

export const REGIONS: readonly RegionSeed[] = [
  ...DIVISION_TREE.map((d) => ({ ...d, ...populationOf(d.code) })),
  ...TOWNSHIPS_OF_SHANGJIE.map(([code, name]) => ({ code, name, level: "TOWNSHIP" as const, parentCode: "410106", ...populationOf(code) })),
];

export async function writeReferenceData(prisma: Prisma): Promise<void> {
  const stored = new Map((await prisma.region.findMany()).map((r) => [r.code, r]));
  // Parents come before children in REGIONS, so creating them in order keeps the tree consistent.
  await prisma.region.createMany({ data: REGIONS.filter((r) => !stored.has(r.code)), skipDuplicates: true });
  for (const region of REGIONS) {
    const row = stored.get(region.code);
    if (row && (row.name !== region.name || row.level !== region.level || row.parentCode !== region.parentCode || row.population !== region.population || row.populationSource !== region.populationSource)) {
      await prisma.region.update({ where: { code: region.code }, data: region });
    }
  }
  for (const { code, nameZh } of DEPARTMENTS) {
    await prisma.department.upsert({ where: { code }, create: { code, nameZh }, update: { nameZh } });
  }
}
