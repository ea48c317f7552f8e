/**
 * The "code" of 一企一码一档: a QR code (SVG) that encodes the URL of the
 * enterprise's file on this hub, `<public URL>/enterprises/<credit code>/file`.
 * The URL alone is encoded, not extra text, so any phone scanner opens it; the
 * credit code is its path segment, and the file needs a bearer token to read.
 */
import QRCode from "qrcode";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Row } from "../../data/reader.js";
import type { HubContext } from "../context.js";
import { Enterprise } from "./enterprise.type.js";

/** The hub URL of an enterprise's file (GET, JSON). */
export function enterpriseFileUrl(publicUrl: string, creditCode: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/enterprises/${encodeURIComponent(creditCode)}/file`;
}

@Resolver(() => Enterprise)
export class EnterpriseQrResolver {
  @FieldResolver(() => String, { nullable: true, description: "QR code (SVG) of the URL of the enterprise's file on this hub: /enterprises/<credit code>/file" })
  qrCode(@Root() enterprise: Row, @Ctx() ctx: HubContext): Promise<string> {
    return QRCode.toString(enterpriseFileUrl(ctx.config.publicUrl, enterprise.key as string), { type: "svg", errorCorrectionLevel: "M", margin: 4 });
  }
}
