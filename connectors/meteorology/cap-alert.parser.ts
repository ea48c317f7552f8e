/**
 * Reads CAP 1.2 XML with fast-xml-parser: a single <alert> document, or an Atom
 * <feed> whose every <entry><content> holds one <alert>. Namespace prefixes are
 * dropped; the document must declare the CAP 1.2 namespace.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { CAP_NAMESPACE } from "../../src/core/cap.js";
import { DocumentError, type SourceDocument } from "../types.js";

/** One alert as parsed from XML, not yet validated, with where it sat in the document. */
export interface RawAlert {
  position: string;
  alert: unknown;
}

const REPEATED = new Set(["entry", "info", "area", "polygon", "circle", "geocode", "parameter", "category", "responseType", "resource", "eventCode"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

function checkWellFormed(doc: SourceDocument, xml: string): void {
  const verdict = XMLValidator.validate(xml);
  if (verdict === true) return;
  const { msg, line, col } = verdict.err;
  throw new DocumentError(`${doc.name}: malformed XML at line ${line}, column ${col}: ${msg}`);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function entriesOf(feed: unknown): RawAlert[] {
  const entries = isObject(feed) && Array.isArray(feed.entry) ? feed.entry : [];
  return entries.map((entry, index) => ({
    position: `entry ${index + 1}`,
    alert: isObject(entry) && isObject(entry.content) ? entry.content.alert : undefined,
  }));
}

export function readCapXml(doc: SourceDocument): RawAlert[] {
  const xml = doc.body.toString("utf8").replace(/^\uFEFF/, "");
  if (xml.trim() === "") throw new DocumentError(`${doc.name}: empty document`);
  checkWellFormed(doc, xml);
  const root = parser.parse(xml) as Record<string, unknown>;
  let alerts: RawAlert[];
  if ("alert" in root) alerts = [{ position: "alert", alert: root.alert }];
  else if ("feed" in root) alerts = entriesOf(root.feed);
  else {
    const name = Object.keys(root).find((key) => !key.startsWith("?")) ?? "(none)";
    throw new DocumentError(`${doc.name}: root element <${name}> is neither a CAP <alert> nor an Atom <feed>`);
  }
  if (alerts.length > 0 && !xml.includes(CAP_NAMESPACE)) {
    throw new DocumentError(`${doc.name}: not CAP 1.2: namespace ${CAP_NAMESPACE} is not declared`);
  }
  return alerts;
}
