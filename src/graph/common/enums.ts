/** The graph's vocabulary: enum values in English, the Chinese term in the description. */
import { DEPARTMENTS } from "../../access/index.js";
import { DISCOVERY_SOURCES } from "../../core/hazard/discovery-source.js";
import { defineEnum } from "./define-enum.js";

export const Department = defineEnum("Department", "A department that owns or reads shared data (部门)", Object.fromEntries(DEPARTMENTS.map((d) => [d.code, d.nameZh])) as Record<(typeof DEPARTMENTS)[number]["code"], string>);

export const AdminLevel = defineEnum("AdminLevel", "Administrative level (行政层级)", {
  NATIONAL: "国家级",
  PROVINCE: "省级",
  CITY: "市级",
  COUNTY: "县级",
  TOWNSHIP: "乡镇（街道）级",
  VILLAGE: "村（社区）级",
});

export const RiskLevel = defineEnum("RiskLevel", "Four-colour safety risk level (安全风险四色分级)", {
  RED: "重大风险（红）",
  ORANGE: "较大风险（橙）",
  YELLOW: "一般风险（黄）",
  BLUE: "低风险（蓝）",
});

export const HazardGrade = defineEnum("HazardGrade", "Accident hazard grade (事故隐患等级)", {
  GENERAL: "一般事故隐患",
  MAJOR: "重大事故隐患",
});

export const HazardState = defineEnum("HazardState", "Hazard rectification state (隐患治理状态)", {
  REPORTED: "已登记",
  RECTIFYING: "整改中",
  PENDING_ACCEPTANCE: "待验收",
  CLOSED: "已销号",
  CANCELLED: "已撤销",
});

export const WarningLevel = defineEnum("WarningLevel", "Warning colour level (预警级别)", {
  BLUE: "蓝色 Ⅳ级 一般",
  YELLOW: "黄色 Ⅲ级 较重",
  ORANGE: "橙色 Ⅱ级 严重",
  RED: "红色 Ⅰ级 特别严重",
});

export const WarningStatus = defineEnum("WarningStatus", "Whether a warning is in force (预警状态)", {
  ACTIVE: "生效中",
  EXPIRED: "已过期",
  SUPERSEDED: "已更新（被后续预警替代）",
  CANCELLED: "已解除",
  NOT_ACTUAL: "非实际预警：测试、演练、草稿或系统消息（CAP status 不是 Actual），只给发布部门和管理员",
});

export const ShelterClass = defineEnum("ShelterClass", "Legacy shelter class by stay length (避难场所类别)", {
  I: "Ⅰ类（≥30天）",
  II: "Ⅱ类（10–30天）",
  III: "Ⅲ类（≤10天）",
});

export const SpaceType = defineEnum("SpaceType", "Kind of space a shelter uses (场所类型)", {
  PARK: "公园",
  SQUARE: "广场",
  GREEN_SPACE: "绿地",
  STADIUM: "体育场馆",
  SCHOOL: "学校",
  CIVIL_DEFENCE: "人防工程",
  BUILDING: "建筑",
});

export const ShelterStatus = defineEnum("ShelterStatus", "Shelter status (场所状态)", {
  OPEN: "可用",
  CLOSED: "关闭",
  IN_USE: "使用中",
});

export const TeamCategory = defineEnum("TeamCategory", "Rescue team category (救援队伍类别)", {
  COMPREHENSIVE_FIRE_RESCUE: "国家综合性消防救援队伍",
  COMPREHENSIVE_EMERGENCY: "专（兼）职综合应急救援队伍",
  FLOOD_CONTROL: "防汛抢险",
  HAZMAT: "危化品救援",
  MINE: "矿山救援",
  FOREST_FIRE: "森林灭火",
  EARTHQUAKE: "地震救援",
  ENGINEERING: "工程机械",
  POWER: "电力抢修",
  COMMUNICATIONS: "通信保障",
  MEDICAL: "医疗救护",
  AVIATION: "航空救援、无人机",
  WATER_RESCUE: "水上搜救",
  ENTERPRISE_FULL_TIME: "企业专职",
  ENTERPRISE_PART_TIME: "企业兼职",
  SOCIAL: "社会应急力量",
  MILITIA: "民兵",
});

export const TeamStatus = defineEnum("TeamStatus", "Rescue team readiness (队伍状态)", {
  STANDBY: "待命",
  DEPLOYED: "出动",
});

export const StorageMode = defineEnum("StorageMode", "How a depot holds its reserve (储备方式)", {
  PHYSICAL: "实物储备",
  AGREEMENT: "协议储备",
  CAPACITY: "产能储备",
  VIRTUAL: "虚拟储备",
  COMMERCIAL: "商业储备",
  SOCIAL: "社会储备",
});

export const HazardDiscoverySource = defineEnum(
  "HazardDiscoverySource",
  "Where a hazard was found (隐患来源)",
  Object.fromEntries(Object.entries(DISCOVERY_SOURCES).map(([key, { code, zh }]) => [key, `${zh} (${code})`])) as Record<keyof typeof DISCOVERY_SOURCES, string>,
);

export const StationType = defineEnum("StationType", "Hydrological station type (SL 323 STTP)", {
  WATER_LEVEL: "水位站 ZZ",
  HYDROLOGICAL: "河道水文站 ZQ",
  RESERVOIR: "水库水文站 RR",
  RAIN_GAUGE: "雨量站 PP",
  SLUICE: "堰闸水文站 DD",
  TIDE: "潮位站 TT",
  PUMPING: "泵站 DP",
  SOIL_MOISTURE: "墒情站 SS",
  GROUNDWATER: "地下水站 ZG",
  FLOOD_DIVERSION: "分洪水位站 ZB",
  WEATHER: "气象站 MM",
  EVAPORATION: "蒸发站 BB",
  OTHER: "a type code SL 323 does not define (sttp gives it as the source sent it)",
});

export const GeoHazardType = defineEnum("GeoHazardType", "Geological hazard type (地质灾害类型)", {
  COLLAPSE: "崩塌",
  LANDSLIDE: "滑坡",
  DEBRIS_FLOW: "泥石流",
  GROUND_COLLAPSE: "地面塌陷",
  GROUND_FISSURE: "地裂缝",
  SUBSIDENCE: "地面沉降",
});

export const GeoScale = defineEnum("GeoScale", "Scale or threat grade (规模等级 / 险情等级)", {
  HUGE: "特大型",
  LARGE: "大型",
  MEDIUM: "中型",
  SMALL: "小型",
});

export const RoadHazardKind = defineEnum("RoadHazardKind", "Road hazard kind (公路隐患类型)", {
  WATERSIDE_CLIFF: "临水临崖",
  LONG_STEEP_DOWNGRADE: "连续长陡下坡",
  SHARP_CURVE_STEEP_SLOPE: "急弯陡坡",
  UNSAFE_BRIDGE: "危旧桥",
  SUNKEN_UNDERPASS: "下凹式立交",
  TRAFFIC_CONTROL: "交通管制",
});

export const RoadHazardStatus = defineEnum("RoadHazardStatus", "Remediation status (整治状态)", {
  IDENTIFIED: "排查",
  REMEDIATING: "整治中",
  REMEDIATED: "已整治",
});

export const TipOffState = defineEnum("TipOffState", "Where a 12350 tip-off stands", {
  RECEIVED: "Received; the bureau has yet to act on it (已受理)",
  REGISTERED: "A hazard was registered from it (已立案为隐患)",
  DISMISSED: "Looked into and not taken further; the reply says why (不予立案)",
});

export const EnforcementOrder = defineEnum("EnforcementOrder", "What a law-enforcement inspection ordered (责令)", {
  NONE: "nothing ordered",
  RECTIFY_NOW: "责令立即整改",
  RECTIFY_BY_DEADLINE: "责令限期整改",
  SUSPEND: "责令停产停业整顿",
});
