/** The audit log: writes and reads of personal data, newest first. */
import { declareDataset } from "../dataset-spec.js";

export const auditEntry = declareDataset({
  name: "AuditEntry",
  regionPath: null,
  shared: false,
  defaultOrder: [{ at: "desc" }],
});
