/** Builds CAP 1.2 alerts (GB/T 35965.1 profile) for tests: fresh identifiers and times relative to now. */
const COLOURS = { BLUE: ["蓝色", "Minor", "Ⅳ级/一般"], YELLOW: ["黄色", "Moderate", "Ⅲ级/较重"], ORANGE: ["橙色", "Severe", "Ⅱ级/严重"], RED: ["红色", "Extreme", "Ⅰ级/特别严重"] } as const;

export interface CapAlertOptions {
  identifier: string;
  sender?: string;
  msgType?: "Alert" | "Update" | "Cancel";
  /** Earlier alerts this one replaces: "sender,identifier,sent". */
  references?: string[];
  event?: string;
  level?: keyof typeof COLOURS;
  /** 12-digit CPEAS codes (division code padded with zeros). */
  geocodes: string[];
  areaDesc?: string;
  /** CAP polygons of the area ("lat,lon lat,lon …", first point repeated last). */
  polygons?: string[];
  sent?: Date;
  expiresInMinutes?: number;
}

const iso = (date: Date) => new Date(date.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, "+08:00");

export function capAlert(options: CapAlertOptions): string {
  const sender = options.sender ?? "41020041600000";
  const sent = options.sent ?? new Date();
  const event = options.event ?? "暴雨";
  const [colour, severity, grade] = COLOURS[options.level ?? "YELLOW"];
  const expires = new Date(sent.getTime() + (options.expiresInMinutes ?? 360) * 60_000);
  const references = options.references?.length ? `<references>${options.references.join(" ")}</references>` : "";
  const geocodes = options.geocodes.map((code) => `<geocode><valueName>CPEAS Geographic Code</valueName><value>${code}</value></geocode>`).join("");
  const verb = options.msgType === "Cancel" ? "解除" : "发布";
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${options.identifier}</identifier>
  <sender>${sender}</sender>
  <sent>${iso(sent)}</sent>
  <status>Actual</status>
  <msgType>${options.msgType ?? "Alert"}</msgType>
  <scope>Public</scope>
  ${references}
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>${event}</event>
    <urgency>Immediate</urgency>
    <severity>${severity}</severity>
    <certainty>Likely</certainty>
    <effective>${iso(sent)}</effective>
    <expires>${iso(expires)}</expires>
    <senderName>测试气象台</senderName>
    <headline>测试气象台${verb}${event}${colour}预警[${grade}]</headline>
    <description>测试用预警。</description>
    <area><areaDesc>${options.areaDesc ?? "测试区域"}</areaDesc>${(options.polygons ?? []).map((p) => `<polygon>${p}</polygon>`).join("")}${geocodes}</area>
  </info>
</alert>`;
}

/** The "sender,identifier,sent" reference CAP uses for an alert built with these options. */
export function capReference(options: Pick<CapAlertOptions, "identifier" | "sender" | "sent">, sent: Date): string {
  return `${options.sender ?? "41020041600000"},${options.identifier},${iso(sent)}`;
}
