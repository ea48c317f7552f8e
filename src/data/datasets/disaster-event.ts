/** Disaster processes (灾害过程) of a county, newest first, with their reports. */
import { declareDataset } from "../dataset-spec.js";

export const disasterEvent = declareDataset({
  name: "DisasterEvent",
  defaultOrder: [{ occurredAt: "desc" }],
  needs: { reports: [], latestReport: [], initialReportDueAt: ["occurredAt"], finalReportDueAt: ["endedAt"], overdue: ["occurredAt", "endedAt"], hoursToAid: ["occurredAt"] },
  sync: { name: "disasterEvent" },
});
