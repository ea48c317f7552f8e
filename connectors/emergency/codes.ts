/**
 * Code tables of the emergency bureau's exchange format: the national
 * dual-prevention (双重预防) codes and the Chinese values of the resource lists.
 */
import { DISCOVERY_SOURCES } from "../../src/core/hazard/discovery-source.js";

export const DANGER_LEVEL = { "0": "GENERAL", "1": "MAJOR" } as const;

/** 0 整改中, 1 已整改（销号）, 9 已登记未整改. */
export const DANGER_STATE = { "0": "RECTIFYING", "1": "CLOSED", "9": "REPORTED" } as const;

/** Discovery source (隐患来源): the code and its label, kept together in `discoverySource` ("7 执法检查"). */
export const DANGER_SOURCE = Object.fromEntries(Object.values(DISCOVERY_SOURCES).map(({ code, zh }) => [code, `${code} ${zh}`])) as Readonly<Record<string, string>>;

/** What an enforcement inspection ordered (责令). */
export const ENFORCEMENT_ORDER = { "0": "NONE", "1": "RECTIFY_NOW", "2": "RECTIFY_BY_DEADLINE", "3": "SUSPEND" } as const;

/** Four-colour risk level: 1 重大 … 4 低. */
export const RISK_LEVEL = { "1": "RED", "2": "ORANGE", "3": "YELLOW", "4": "BLUE" } as const;

export const ADMIN_LEVEL = {
  国家级: "NATIONAL",
  省级: "PROVINCE",
  市级: "CITY",
  县级: "COUNTY",
  区级: "COUNTY",
  乡镇级: "TOWNSHIP",
  街道级: "TOWNSHIP",
  村级: "VILLAGE",
  社区级: "VILLAGE",
} as const;

export const SHELTER_CLASS = { Ⅰ类: "I", Ⅱ类: "II", Ⅲ类: "III", 一类: "I", 二类: "II", 三类: "III" } as const;

export const SHELTER_SPACE_TYPE = {
  公园: "PARK",
  广场: "SQUARE",
  绿地: "GREEN_SPACE",
  体育场馆: "STADIUM",
  学校: "SCHOOL",
  人防工程: "CIVIL_DEFENCE",
  室内场所: "BUILDING",
} as const;

export const SHELTER_STATUS = { 开放: "OPEN", 关闭: "CLOSED", 启用中: "IN_USE" } as const;

/**
 * Team categories: the national fire and rescue force (国家综合性消防救援队伍) is one thing,
 * the 专（兼）职 comprehensive teams of cities, counties and townships another.
 */
export const TEAM_CATEGORY = {
  综合性消防救援: "COMPREHENSIVE_FIRE_RESCUE",
  国家综合性消防救援: "COMPREHENSIVE_FIRE_RESCUE",
  综合应急救援: "COMPREHENSIVE_EMERGENCY",
  专兼职综合应急救援: "COMPREHENSIVE_EMERGENCY",
  医疗: "MEDICAL",
  医疗救护: "MEDICAL",
  航空: "AVIATION",
  无人机: "AVIATION",
  水上搜救: "WATER_RESCUE",
  防汛抢险: "FLOOD_CONTROL",
  危化品: "HAZMAT",
  矿山: "MINE",
  森林灭火: "FOREST_FIRE",
  地震: "EARTHQUAKE",
  工程机械: "ENGINEERING",
  电力: "POWER",
  通信: "COMMUNICATIONS",
  企业专职: "ENTERPRISE_FULL_TIME",
  企业兼职: "ENTERPRISE_PART_TIME",
  社会力量: "SOCIAL",
  民兵: "MILITIA",
} as const;

export const TEAM_STATUS = { 待命: "STANDBY", 出动: "DEPLOYED" } as const;

export const DEPOT_TIER = { 市级: "CITY", 县级: "COUNTY", 区级: "COUNTY", 乡镇级: "TOWNSHIP", 村级: "VILLAGE" } as const;

export const STORAGE_MODE = {
  实物储备: "PHYSICAL",
  协议储备: "AGREEMENT",
  产能储备: "CAPACITY",
  虚拟储备: "VIRTUAL",
  商业储备: "COMMERCIAL",
  社会储备: "SOCIAL",
} as const;

/** The 13 categories of emergency supplies (应急物资分类). */
export const SUPPLY_CATEGORIES = [
  "防护用品",
  "生命救助",
  "生命支持",
  "救援运载",
  "临时食宿",
  "污染清理",
  "动力燃料",
  "工程设备",
  "器材工具",
  "照明设备",
  "通讯广播",
  "交通运输",
  "工程材料",
] as const;

/** 预案类别 (《突发事件应急预案管理办法》). */
export const PLAN_KIND = { 总体应急预案: "OVERALL", 专项应急预案: "SPECIAL", 部门应急预案: "DEPARTMENTAL", 基层应急预案: "GRASSROOTS", 企业应急预案: "ENTERPRISE" } as const;

/** 值班岗位. */
export const DUTY_ROLE = { 带班领导: "LEADER", 值班员: "OFFICER" } as const;

/** 灾害信息员 A/B 岗, 网格员. */
export const OFFICER_ROLE = { 灾害信息员A岗: "INFORMATION_OFFICER_A", 灾害信息员B岗: "INFORMATION_OFFICER_B", 网格员: "GRID_MEMBER" } as const;

/** 响应级别 a plan defines. */
export const RESPONSE_LEVELS = ["Ⅰ级", "Ⅱ级", "Ⅲ级", "Ⅳ级"] as const;
