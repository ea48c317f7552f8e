/**
 * A deterministic, synthetic emergency-bureau page (enterprises and hazards in
 * Kaifeng) for load tests: same options, same bytes. Every credit code is valid.
 */
import { creditCodeCheckChar } from "../../src/core/credit-code.js";

export interface EmergencyFeedOptions {
  enterprises: number;
  hazardsPerEnterprise: number;
  seed: number;
  /** Risk points per enterprise (default 0); drawn from a stream of their own, so the other rows do not change. */
  riskPointsPerEnterprise?: number;
  /** Shelters in the feed (default 0), around Kaifeng; on the last page when paged. */
  shelters?: number;
}

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const COUNTIES = ["410202", "410203", "410204", "410205", "410212", "410221", "410222", "410223", "410225"];
const SECTORS = ["危险化学品", "工贸（冶金）", "工贸（有色）", "工贸（机械）", "工贸（轻工）", "烟花爆竹", "建筑施工"];
const HAZARD_NAMES = [
  "储罐区可燃气体报警器未定期检定",
  "配电室未配备绝缘垫",
  "受限空间作业未执行审批",
  "消防通道堆放杂物",
  "安全阀校验过期",
  "粉尘除尘系统未设泄爆装置",
  "动火作业监护人不在岗",
  "特种作业人员证书过期",
];

/** mulberry32: a small seeded generator, enough for test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function organisationCode(index: number): string {
  let code = "";
  for (let n = index; code.length < 9; n = Math.floor(n / 31)) code = ALPHABET[n % 31] + code;
  return code;
}

function creditCodeFor(division: string, index: number): string {
  const first17 = `91${division}${organisationCode(index)}`;
  return first17 + creditCodeCheckChar(first17);
}

function day(base: number, offsetDays: number): string {
  return new Date(base + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

interface EnterpriseBlock {
  enterprise: unknown;
  riskPoints: unknown[];
  hazards: unknown[];
}

const RISK_POINT_NAMES = ["甲醇储罐区", "配电室", "受限空间", "粉尘涉爆车间", "液氨制冷车间", "危化品仓库", "锅炉房", "喷漆房"];
const PLACE_TYPES = ["公园", "广场", "绿地", "体育场馆", "学校"];

/** Each enterprise with its hazards, in order: the same sequence for the same options. */
function* enterpriseBlocks({ enterprises, hazardsPerEnterprise, seed, riskPointsPerEnterprise = 0 }: EmergencyFeedOptions): Generator<EnterpriseBlock> {
  const next = random(seed);
  const nextRisk = random(seed ^ 0x5bd1e995);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const start = Date.UTC(2024, 0, 1);
  for (let e = 0; e < enterprises; e++) {
    const division = pick(COUNTIES);
    const creditCode = creditCodeFor(division, seed * 1_000_003 + e);
    const enterprise = {
      creditCode,
      companyName: `开封测试企业${e + 1}有限公司`,
      industryType: pick(SECTORS),
      scale: next() < 0.3 ? "规上" : "小微",
      areaCode: division,
      address: `开封市测试路${e + 1}号`,
      longitude: Number((114.2 + next() * 0.3).toFixed(6)),
      latitude: Number((34.7 + next() * 0.2).toFixed(6)),
      legalPerson: `法人${e + 1}`,
      legalPersonPhone: `139${String(e).padStart(8, "0")}`,
      insured: next() < 0.8 ? 1 : 0,
      dualPreventionState: "线上建设",
    };
    const hazards: unknown[] = [];
    for (let h = 0; h < hazardsPerEnterprise; h++) {
      const state = pick(["0", "1", "9"] as const);
      const found = Math.floor(next() * 300);
      hazards.push({
        id: `YH-${seed}-${e + 1}-${h + 1}`,
        creditCode,
        dangerName: pick(HAZARD_NAMES),
        dangerLevel: next() < 0.05 ? 1 : 0,
        dangerState: Number(state),
        dangerSrc: 1 + Math.floor(next() * 10),
        hazardCategory: next() < 0.5 ? "基础管理类" : "现场管理类",
        registTime: `${day(start, found)} 09:30:00`,
        registrant: `排查员${(e % 50) + 1}`,
        liablePerson: `责任人${(e % 80) + 1}`,
        rectifyDeadline: day(start, found + 30),
        dangerManageFunds: Math.round(next() * 5000),
        ...(state === "1" ? { checkAcceptPerson: "验收人", checkAcceptTime: `${day(start, found + 20)} 16:00:00` } : {}),
      });
    }
    const riskPoints: unknown[] = [];
    for (let r = 0; r < riskPointsPerEnterprise; r++) {
      riskPoints.push({
        id: `FXD-${seed}-${e + 1}-${r + 1}`,
        creditCode,
        riskName: `${RISK_POINT_NAMES[Math.floor(nextRisk() * RISK_POINT_NAMES.length)]}${r + 1}`,
        riskType: nextRisk() < 0.5 ? "设备设施" : "作业活动",
        riskLevel: 1 + Math.floor(nextRisk() * 4),
        evaluateMethod: "LEC",
        evaluateScore: Math.round(nextRisk() * 400),
        liablePerson: `责任人${(e % 80) + 1}`,
        onlineMonitor: nextRisk() < 0.6 ? 1 : 0,
      });
    }
    yield { enterprise, riskPoints, hazards };
  }
}

/** Shelters spread over Kaifeng's counties. */
function shelterRows(count: number, seed: number): unknown[] {
  const next = random(seed ^ 0x27d4eb2f);
  return Array.from({ length: count }, (_, i) => ({
    shelterCode: `BN-${seed}-${i + 1}`,
    shelterName: `开封测试避难场所${i + 1}`,
    shelterLevel: "县级",
    placeType: PLACE_TYPES[Math.floor(next() * PLACE_TYPES.length)],
    disasterTypes: ["地震", "洪涝"],
    effectiveArea: 2000 + Math.round(next() * 50_000),
    capacity: 1000 + Math.round(next() * 20_000),
    longitude: Number((114.2 + next() * 0.3).toFixed(6)),
    latitude: Number((34.7 + next() * 0.2).toFixed(6)),
    areaCode: COUNTIES[Math.floor(next() * COUNTIES.length)],
    useState: "开放",
  }));
}

function page(number: number, pageSize: number, total: number, blocks: EnterpriseBlock[], shelters: unknown[] = []): string {
  const riskPoints = blocks.flatMap((b) => b.riskPoints);
  // lists only when they have rows, so a feed without risk points or shelters is as it always was
  const data = {
    enterprises: blocks.map((b) => b.enterprise),
    ...(riskPoints.length > 0 ? { riskPoints } : {}),
    hazards: blocks.flatMap((b) => b.hazards),
    ...(shelters.length > 0 ? { shelters } : {}),
  };
  return JSON.stringify({ code: 200, msg: "success", page: number, pageSize, total, data });
}

function rowsPerEnterprise(options: EmergencyFeedOptions): number {
  return 1 + options.hazardsPerEnterprise + (options.riskPointsPerEnterprise ?? 0);
}

/** One page holding the whole feed: a full snapshot. */
export function generateEmergencyFeed(options: EmergencyFeedOptions): string {
  const blocks = [...enterpriseBlocks(options)];
  const total = options.enterprises * rowsPerEnterprise(options) + (options.shelters ?? 0);
  return page(1, Math.max(total, 1), total, blocks, shelterRows(options.shelters ?? 0, options.seed));
}

/**
 * The same rows as generateEmergencyFeed, as the bureau's API pages them:
 * `enterprisesPerPage` enterprises with their risk points and hazards per
 * page (a row's enterprise is always on its page), generated one page at a
 * time; the shelters come on the last page.
 */
export function* generateEmergencyPages(options: EmergencyFeedOptions & { enterprisesPerPage: number }): Generator<string> {
  const shelters = shelterRows(options.shelters ?? 0, options.seed);
  const total = options.enterprises * rowsPerEnterprise(options) + shelters.length;
  const pageSize = options.enterprisesPerPage * rowsPerEnterprise(options);
  let blocks: EnterpriseBlock[] = [];
  let number = 1;
  for (const block of enterpriseBlocks(options)) {
    blocks.push(block);
    if (blocks.length === options.enterprisesPerPage) {
      yield page(number++, pageSize, total, blocks);
      blocks = [];
    }
  }
  if (blocks.length > 0 || number === 1 || shelters.length > 0) yield page(number, pageSize, total, blocks, shelters);
}
