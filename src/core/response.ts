/**
 * What a warning calls on (预警响应): the plan events and expert specialities a
 * warning type concerns. A plan is listed when it covers one of the events;
 * an expert when one of the specialities is theirs. Pure.
 */

/** Warning type → the events of the plans that answer it (the type itself first). */
const PLAN_EVENTS: Readonly<Record<string, readonly string[]>> = {
  暴雨: ["暴雨", "洪水", "城市内涝", "暴雨洪涝", "防汛"],
  洪水: ["洪水", "暴雨", "暴雨洪涝", "防汛"],
  台风: ["台风", "暴雨", "洪水", "防汛"],
  大风: ["大风", "风雹"],
  冰雹: ["冰雹", "风雹"],
  雷电: ["雷电", "风雹"],
  暴雪: ["暴雪", "雪灾", "低温雨雪冰冻"],
  寒潮: ["寒潮", "低温雨雪冰冻"],
  道路结冰: ["道路结冰", "低温雨雪冰冻"],
  高温: ["高温"],
  干旱: ["干旱", "抗旱"],
  枯水: ["枯水", "干旱", "抗旱"],
  森林火险: ["森林火灾", "森林火险"],
  地质灾害气象风险: ["地质灾害"],
  安全生产: ["危险化学品事故", "生产安全事故"],
};

/** Warning type → the specialities of the experts to call. */
const SPECIALITIES: Readonly<Record<string, readonly string[]>> = {
  暴雨: ["水利", "防汛", "气象"],
  洪水: ["水利", "防汛"],
  台风: ["水利", "防汛", "气象"],
  大风: ["气象", "建筑"],
  冰雹: ["气象"],
  雷电: ["气象"],
  暴雪: ["气象", "建筑"],
  寒潮: ["气象"],
  高温: ["气象", "医疗"],
  干旱: ["水利"],
  枯水: ["水利"],
  森林火险: ["森林防火"],
  地质灾害气象风险: ["地质"],
  安全生产: ["危化", "矿山"],
};

export function planEventsFor(warningType: string): string[] {
  return [...new Set([warningType, ...(PLAN_EVENTS[warningType] ?? [])])];
}

export function specialitiesFor(warningType: string): string[] {
  return [...(SPECIALITIES[warningType] ?? [])];
}

/** A shift on duty at `at`: begun, not ended. */
export function onDutyAt(shift: { startsAt: Date; endsAt: Date }, at: Date): boolean {
  return shift.startsAt.getTime() <= at.getTime() && at.getTime() < shift.endsAt.getTime();
}
