/** Every target, statement and conflict in schema/indicator-targets.yaml quotes its plan's published text word for word. */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { loadIndicatorTargets } from "../../src/config/indicator-targets.js";

const { file } = loadIndicatorTargets();
const normalise = (text: string) => text.replace(/\s+/g, "");
const texts = new Map(Object.entries(file.plans).map(([plan, { text }]) => [plan, normalise(fs.readFileSync(text, "utf8"))]));

const quotations = [
  ...Object.entries(file.indicators).flatMap(([id, indicator]) =>
    indicator.targets.flatMap((t) => [
      ...t.words.map((words) => ({ where: `${id} ${t.plan}`, plan: t.plan, words })),
      ...(t.conflict?.words ?? []).map((words) => ({ where: `${id} ${t.plan} conflict`, plan: t.plan, words })),
    ]),
  ),
  ...file.statements.flatMap((s) => s.words.map((words) => ({ where: `statement ${s.indicator} ${s.region}`, plan: s.plan, words }))),
];

describe("indicator targets quote their plans", () => {
  it("has the text of every plan and quotes each word for word", () => {
    expect(quotations.length).toBeGreaterThan(15);
    const missing = quotations.filter((q) => !texts.get(q.plan)!.includes(normalise(q.words)));
    expect(missing).toEqual([]);
  });

  it("names in each plan's text the document number it is filed under", () => {
    for (const [plan, text] of texts) expect(text).toContain(plan);
  });

  it("sets each target figure where its words say it", () => {
    for (const [id, indicator] of Object.entries(file.indicators))
      for (const t of indicator.targets) {
        // a team-size target is every team at its floor (100%): the floors are the figures the words give
        const figures = t.minimumHeadcount ? Object.values(t.minimumHeadcount) : [t.atLeast ?? t.atMost].filter((n) => n !== 100 || !/全覆盖/.test(t.words.join("")));
        for (const n of figures) expect(t.words.join(" "), `${id} ${t.plan}: ${n}`).toMatch(new RegExp(`(^|\\D)${String(n).replace(".", "\\.")}(\\D|$)`));
      }
  });
});
