/**
 * A validated CAP alert to a hub `warning` record: the zh-CN info block gives
 * the Chinese fields, an en-US block the English headline. The colour level
 * comes from the severity and must agree with the colour named in the headline.
 */
import { CPEAS_GEOCODE, divisionFromCpeasCode, formatCapReference, parseCapReferences, signalTypeOf } from "../../src/core/cap.js";
import { levelFromChineseText, levelOfSeverity, type WarningLevel } from "../../src/core/warning-level.js";
import { RecordCollector, rawId } from "../shared/collector.js";
import { describeIssues } from "../shared/reasons.js";
import type { HubRecord, ParseResult } from "../types.js";
import type { RawAlert } from "./cap-alert.parser.js";
import { capAlert, type CapAlert, type CapArea, type CapInfo } from "./cap.schema.js";

const byLanguage = (infos: CapInfo[], language: string) => infos.find((info) => info.language.toLowerCase() === language);

/** 「暴雨黄色预警」 → 暴雨; a type outside the signal table keeps the event without colour and 预警. */
function warningType(info: CapInfo): string {
  return (
    signalTypeOf(info.event) ??
    signalTypeOf(info.headline ?? "") ??
    info.event.replace(/(红色|橙色|黄色|蓝色)/g, "").replace(/预警(信号)?$/, "").trim()
  );
}

function colourLevel(info: CapInfo): { level: WarningLevel } | { problem: string } {
  const fromSeverity = levelOfSeverity(info.severity);
  const fromText = levelFromChineseText(info.headline ?? "") ?? levelFromChineseText(info.event);
  if (fromSeverity && fromText && fromSeverity !== fromText) {
    return { problem: `severity ${info.severity} (${fromSeverity}) disagrees with the colour in the headline (${fromText})` };
  }
  const level = fromSeverity ?? fromText;
  return level ? { level } : { problem: `severity ${info.severity} and no colour in the headline: no warning level` };
}

function regionCodesOf(areas: CapArea[]): string[] | string {
  const codes = new Set<string>();
  for (const area of areas) {
    for (const geocode of area.geocode) {
      if (geocode.valueName !== CPEAS_GEOCODE) continue;
      const division = divisionFromCpeasCode(geocode.value);
      if (!division.ok) return `area '${area.areaDesc}' geocode ${division.reason}`;
      codes.add(division.code);
    }
  }
  return codes.size > 0 ? [...codes] : `no '${CPEAS_GEOCODE}' geocode in any area`;
}

function warningAreas(areas: CapArea[]): Array<Record<string, unknown>> {
  return areas.map((area) => ({
    areaDesc: area.areaDesc,
    geocodes: area.geocode.filter((g) => g.valueName === CPEAS_GEOCODE).map((g) => g.value),
    polygons: area.polygon,
    circles: area.circle,
  }));
}

export function capSourceId(alert: { sender: string; identifier: string }): string {
  return `${alert.sender}/${alert.identifier}`;
}

export function warningRecord(alert: CapAlert): HubRecord | string {
  if (alert.msgType === "Ack" || alert.msgType === "Error") return `msgType ${alert.msgType} carries no warning`;
  const zh = byLanguage(alert.info, "zh-cn");
  if (!zh) return `info has no zh-CN block (languages: ${alert.info.map((i) => i.language).join(", ")})`;
  const en = byLanguage(alert.info, "en-us");

  const references = parseCapReferences(alert.references ?? "");
  if (!references.ok) return `references ${references.reason}`;
  const referenceList = references.references.map(formatCapReference);
  if (alert.msgType !== "Alert" && referenceList.length === 0) return `msgType ${alert.msgType} without references`;

  const colour = colourLevel(zh);
  if ("problem" in colour) return colour.problem;
  const { level } = colour;
  const type = warningType(zh);
  const regionCodes = regionCodesOf(zh.area);
  if (typeof regionCodes === "string") return regionCodes;

  const record: HubRecord = {
    dataset: "warning",
    sourceId: capSourceId(alert),
    data: {
      identifier: alert.identifier,
      sender: alert.sender,
      sent: alert.sent,
      msgType: alert.msgType,
      capStatus: alert.status,
      scope: alert.scope,
      references: referenceList,
      event: zh.event,
      type,
      level,
      severity: zh.severity,
      urgency: zh.urgency,
      certainty: zh.certainty,
      headline: zh.headline ?? zh.event,
      headlineEn: en?.headline ?? null,
      description: zh.description,
      instruction: zh.instruction,
      senderName: zh.senderName,
      effective: zh.effective,
      onset: zh.onset,
      expires: zh.expires,
      status: alert.msgType === "Cancel" ? "CANCELLED" : "ACTIVE",
      regionCodes,
    },
    children: { warningAreas: warningAreas(zh.area) },
  };
  if (alert.msgType !== "Alert") record.supersedes = { references: referenceList, cancel: alert.msgType === "Cancel" };
  return record;
}

function sourceIdOf(alert: unknown): string | undefined {
  const identifier = rawId(alert, "identifier");
  return identifier === undefined ? undefined : capSourceId({ sender: rawId(alert, "sender") ?? "", identifier });
}

/** Every alert of a document: bad ones are rejected, the others still land. A feed is never a snapshot. */
/** The first text of the alert holding an entity reference the parser left unexpanded ("info[0].headline: &lol9;"), or null. */
export function unexpandedEntity(node: unknown, path = ""): string | null {
  if (typeof node === "string") {
    const entity = /&[A-Za-z_:][\w.:-]*;/.exec(node)?.[0];
    return entity ? `${path || "alert"} holds the undefined entity ${entity}` : null;
  }
  if (node === null || typeof node !== "object") return null;
  for (const [key, value] of Object.entries(node)) {
    const found = unexpandedEntity(value, Array.isArray(node) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/** The warning record of one alert, or why it is refused. */
function alertRecord(alert: object): HubRecord | string {
  const parsed = capAlert.safeParse(alert);
  return parsed.success ? warningRecord(parsed.data) : describeIssues(parsed.error, alert);
}

export function mapCapAlerts(alerts: RawAlert[]): ParseResult {
  const out = new RecordCollector();
  for (const { position, alert } of alerts) {
    if (alert === null || typeof alert !== "object") {
      out.reject("warning", undefined, `${position}: no CAP <alert> in the entry content`, alert ?? null);
      continue;
    }
    const sourceId = sourceIdOf(alert);
    if (!out.claim("warning", sourceId, alert)) continue;
    const outcome = unexpandedEntity(alert) ?? alertRecord(alert);
    if (typeof outcome === "string") out.reject("warning", sourceId, `${position}: ${outcome}`, alert);
    else out.accept(outcome);
  }
  return out.result([]);
}
