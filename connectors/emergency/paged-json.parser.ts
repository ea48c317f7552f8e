/** Reads one page of the emergency bureau's API; throws DocumentError when the page is unreadable. */
import { DocumentError, type SourceDocument } from "../types.js";
import { describeIssues } from "../shared/reasons.js";
import { readJson } from "../shared/json.js";
import { envelope, LIST_NAMES, type EmergencyLists, type EmergencyPage } from "./envelope.schema.js";

export function parsePagedJson(doc: SourceDocument): EmergencyPage {
  const json = readJson(doc);
  const parsed = envelope.safeParse(json);
  if (!parsed.success) {
    throw new DocumentError(`${doc.name}: not an emergency API page: ${describeIssues(parsed.error, json)}`);
  }
  const { code, msg, page, pageSize, total, data } = parsed.data;
  if (code !== 200) throw new DocumentError(`${doc.name}: the source answered code ${code}: ${msg ?? "(no message)"}`);
  const lists: EmergencyLists = {};
  for (const name of LIST_NAMES) {
    const rows = data[name];
    if (Array.isArray(rows)) lists[name] = rows;
  }
  return { page, pageSize, total, lists };
}
