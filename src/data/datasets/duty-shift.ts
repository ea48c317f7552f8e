/** Duty rosters (值班值守): who leads and who is on duty at each bureau, shift by shift, newest first. */
import { declareDataset } from "../dataset-spec.js";

export const dutyShift = declareDataset({
  name: "DutyShift",
  defaultOrder: [{ startsAt: "desc" }],
  sync: { name: "dutyShift" },
});
