/**
 * Reads CAP 1.2 XML with fast-xml-parser: a single <alert> document, or an Atom
 * <feed> whose every <entry><content> holds one <alert>. Namespace prefixes are
 * dropped; every <alert> must be in the CAP 1.2 namespace, exactly.
 *
 * The bytes are decoded in the encoding the XML declaration names (UTF-8 when
 * it names none). A document type declaration is refused: CAP has none, and
 * it is how entity expansion and external entities get in.
 */
import { TextDecoder } from "node:util";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { CAP_NAMESPACE } from "../../src/core/cap.js";
import { DocumentError, type SourceDocument } from "../types.js";

/** One alert as parsed from XML, not yet validated, with where it sat in the document. */
export interface RawAlert {
  position: string;
  alert: unknown;
}

const REPEATED = new Set(["entry", "info", "area", "polygon", "circle", "geocode", "parameter", "category", "responseType", "resource", "eventCode"]);

/** Larger than any feed of alerts (about 5 KB each); larger documents are refused before decoding. */
export const CAP_MAX_BYTES = 4 * 1024 * 1024;

/** Deeper nesting than any CAP document has; deeper documents are refused before parsing. */
const MAX_DEPTH = 32;

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

/** The text of the document in the encoding its XML declaration names. */
function decodeXml(doc: SourceDocument): string {
  const head = doc.body.subarray(0, 200).toString("latin1");
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1] ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared, { fatal: true });
  } catch {
    throw new DocumentError(`${doc.name}: declares encoding="${declared}", which the hub cannot decode`);
  }
  try {
    return decoder.decode(doc.body).replace(/^\uFEFF/, "");
  } catch {
    throw new DocumentError(`${doc.name}: the bytes are not valid ${declared} as its XML declaration says`);
  }
}

/** Refuses a DOCTYPE and nesting deeper than MAX_DEPTH, before the parser sees the text. */
function checkShape(doc: SourceDocument, xml: string): void {
  if (/<!DOCTYPE/i.test(xml)) throw new DocumentError(`${doc.name}: a document type declaration (<!DOCTYPE>) is not allowed in CAP`);
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)[A-Za-z_][^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else if (!m[2] && ++depth > MAX_DEPTH) throw new DocumentError(`${doc.name}: elements nested deeper than ${MAX_DEPTH} levels`);
  }
}

/** The namespace URIs each prefix ("" for the default namespace) is bound to in `text`. */
function namespaceBindings(text: string): Map<string, Set<string>> {
  const bindings = new Map<string, Set<string>>();
  for (const m of text.matchAll(/\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*["']([^"']*)["']/g)) {
    const prefix = m[1] ?? "";
    if (!bindings.has(prefix)) bindings.set(prefix, new Set());
    bindings.get(prefix)!.add(m[2]!);
  }
  return bindings;
}

/**
 * Every <alert> element must be in the CAP 1.2 namespace: bound on the alert
 * itself or, when the alert does not bind its prefix, by the other elements
 * of the document, to that namespace and nothing else.
 */
function checkNamespace(doc: SourceDocument, xml: string): void {
  const alertTag = /<(?:([A-Za-z_][\w.-]*):)?alert(?=[\s>/])[^>]*>/g;
  const elsewhere = namespaceBindings(xml.replace(alertTag, ""));
  for (const m of xml.matchAll(alertTag)) {
    const prefix = m[1] ?? "";
    const own = namespaceBindings(m[0]).get(prefix);
    const uris = [...(own ?? elsewhere.get(prefix) ?? [])];
    if (uris.length !== 1 || uris[0] !== CAP_NAMESPACE) {
      const found = uris.length === 0 ? "no namespace" : uris.join(", ");
      throw new DocumentError(`${doc.name}: not CAP 1.2: <alert> is in ${found}, not ${CAP_NAMESPACE}`);
    }
  }
}

export function readCapXml(doc: SourceDocument): RawAlert[] {
  if (doc.body.length > CAP_MAX_BYTES) throw new DocumentError(`${doc.name}: ${doc.body.length} bytes, more than the ${CAP_MAX_BYTES} a CAP document may have`);
  const xml = decodeXml(doc);
  if (xml.trim() === "") throw new DocumentError(`${doc.name}: empty document`);
  checkShape(doc, xml);
  checkWellFormed(doc, xml);
  let root: Record<string, unknown>;
  try {
    root = parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw new DocumentError(`${doc.name}: unreadable XML: ${(error as Error).message}`);
  }
  let alerts: RawAlert[];
  if ("alert" in root) alerts = [{ position: "alert", alert: root.alert }];
  else if ("feed" in root) alerts = entriesOf(root.feed);
  else {
    const name = Object.keys(root).find((key) => !key.startsWith("?")) ?? "(none)";
    throw new DocumentError(`${doc.name}: root element <${name}> is neither a CAP <alert> nor an Atom <feed>`);
  }
  checkNamespace(doc, xml);
  return alerts;
}
