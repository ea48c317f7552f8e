/** The hub's URLs of an enterprise: its public risk notice (what its QR code opens) and its full file (JSON, for token holders). */
const base = (publicUrl: string) => publicUrl.replace(/\/+$/, "");

/** The page a phone opens from the QR code: `<public URL>/e/<credit code>`. */
export function enterpriseNoticeUrl(publicUrl: string, creditCode: string): string {
  return `${base(publicUrl)}/e/${encodeURIComponent(creditCode)}`;
}

/** The whole file as one JSON document: `<public URL>/enterprises/<credit code>/file` (needs a bearer token). */
export function enterpriseFileUrl(publicUrl: string, creditCode: string): string {
  return `${base(publicUrl)}/enterprises/${encodeURIComponent(creditCode)}/file`;
}
