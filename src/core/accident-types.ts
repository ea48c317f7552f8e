/**
 * The accident types of GB 6441-86 企业职工伤亡事故分类 (the classification the
 * plans refer risk points to: 「参照《企业职工伤亡事故分类》，确定安全风险类别」).
 * A risk point's possible accidents are named from this list; what it does
 * not name is 其他伤害. Pure: no I/O.
 */
export const GB6441_ACCIDENT_TYPES = [
  "物体打击",
  "车辆伤害",
  "机械伤害",
  "起重伤害",
  "触电",
  "淹溺",
  "灼烫",
  "火灾",
  "高处坠落",
  "坍塌",
  "冒顶片帮",
  "透水",
  "放炮",
  "火药爆炸",
  "瓦斯爆炸",
  "锅炉爆炸",
  "容器爆炸",
  "其他爆炸",
  "中毒和窒息",
  "其他伤害",
] as const;

const KNOWN = new Set<string>(GB6441_ACCIDENT_TYPES);

/** The types of `types` that GB 6441-86 does not have. */
export function unknownAccidentTypes(types: readonly string[]): string[] {
  return types.filter((type) => !KNOWN.has(type));
}
