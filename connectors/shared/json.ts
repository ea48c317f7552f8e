/** A JSON document's value, or DocumentError naming the document when it is not JSON (a BOM is allowed). */
import { DocumentError, type SourceDocument } from "../types.js";

export function readJson(doc: SourceDocument): unknown {
  try {
    return JSON.parse(doc.body.toString("utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new DocumentError(`${doc.name}: not JSON: ${(error as Error).message}`);
  }
}
