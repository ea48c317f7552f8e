/**
 * The "code" of 一企一码一档: a QR code (SVG) that encodes the URL of the
 * enterprise's public risk notice on this hub, `<public URL>/e/<credit code>`
 * (EMHUB_PUBLIC_URL). The URL alone is encoded, so any phone camera opens it;
 * the page shows the notice to anyone and links the full file, which needs a
 * bearer token.
 */
import QRCode from "qrcode";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { enterpriseNoticeUrl } from "../../core/enterprise-urls.js";
import type { Row } from "../../data/reader.js";
import type { HubContext } from "../context.js";
import { Enterprise } from "./enterprise.type.js";

@Resolver(() => Enterprise)
export class EnterpriseQrResolver {
  @FieldResolver(() => String, { nullable: true, description: "QR code (SVG) of the URL of the enterprise's public risk notice on this hub: /e/<credit code>" })
  qrCode(@Root() enterprise: Row, @Ctx() ctx: HubContext): Promise<string> {
    return QRCode.toString(enterpriseNoticeUrl(ctx.config.publicUrl, enterprise.key as string), { type: "svg", errorCorrectionLevel: "M", margin: 4 });
  }
}
