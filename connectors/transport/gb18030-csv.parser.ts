/**
 * Reads the transport bureau's CSV: GB18030 bytes with Chinese headers. A file
 * in another encoding is refused as a whole, with the reason.
 */
import { parse as parseCsv } from "csv-parse/sync";
import iconv from "iconv-lite";
import { DocumentError, type SourceDocument } from "../types.js";

export type CsvRow = Record<string, string>;

/** Non-ASCII bytes that are valid UTF-8: the usual wrong encoding. */
function looksLikeUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return bytes.some((byte) => byte >= 0x80);
  } catch {
    return false;
  }
}

const utf8Hint = (bytes: Buffer) => (looksLikeUtf8(bytes) ? "; the bytes are valid UTF-8" : "");

/** GB18030 text, or a DocumentError saying why the bytes are not GB18030. */
export function decodeGb18030(doc: SourceDocument): string {
  const bytes = doc.body;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new DocumentError(`${doc.name}: not GB18030: the file starts with a UTF-8 byte-order mark`);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DocumentError(`${doc.name}: not GB18030: the file starts with a UTF-16 byte-order mark`);
  }
  const text = iconv.decode(bytes, "gb18030");
  const bad = text.indexOf("\uFFFD");
  if (bad >= 0) {
    const line = text.slice(0, bad).split("\n").length;
    throw new DocumentError(`${doc.name}: not GB18030: undecodable bytes on line ${line}${utf8Hint(bytes)}`);
  }
  return text;
}

/** The rows as objects keyed by the trimmed Chinese headers; checks the headers first. */
export function readGb18030Csv(
  doc: SourceDocument,
  columns: { required: readonly string[]; optional: readonly string[] },
): CsvRow[] {
  const text = decodeGb18030(doc);
  if (text.trim() === "") return [];
  const header = (text.split(/\r?\n/, 1)[0] ?? "").split(",").map((name) => name.trim().replace(/^"|"$/g, ""));
  const known = [...columns.required, ...columns.optional];
  if (!header.some((name) => known.includes(name))) {
    throw new DocumentError(
      `${doc.name}: not GB18030: no known header (${columns.required.join(", ")}) after decoding${utf8Hint(doc.body)}`,
    );
  }
  const missing = columns.required.filter((name) => !header.includes(name));
  if (missing.length > 0) throw new DocumentError(`${doc.name}: missing required columns: ${missing.join(", ")}`);
  try {
    return parseCsv(text, { columns: (names: string[]) => names.map((n) => n.trim()), skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new DocumentError(`${doc.name}: not readable CSV: ${(error as Error).message}`);
  }
}
