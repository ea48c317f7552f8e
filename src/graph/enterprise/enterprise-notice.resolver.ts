/**
 * An enterprise's public risk notice (安全风险公告 / 风险告知): name, credit
 * code, sector, place, the colour of its highest risk and its risk points in
 * force with their possible accidents and control measures, and the emergency
 * contact as the catalogue allows (personal: hidden from the public). It is
 * what the enterprise's QR code opens (GET /e/<code>), read by key only: there
 * is no list of notices.
 */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Field, FieldResolver, Info, ObjectType, Query, Resolver, Root } from "type-graphql";
import { validateCreditCode } from "../../core/credit-code.js";
import { enterpriseFileUrl } from "../../core/enterprise-urls.js";
import { riskLevelCounts } from "../../core/risk.js";
import type { Row } from "../../data/reader.js";
import { badInput } from "../../errors/hub-error.js";
import { readOptions } from "../common/relations.js";
import { RiskLevel } from "../common/enums.js";
import type { HubContext } from "../context.js";
import { Region } from "../region/region.type.js";
import { RiskLevelCount } from "./enterprise.type.js";

@ObjectType({ description: "A risk point as the public notice shows it (风险告知卡)" })
export class RiskNoticeItem {
  @Field() name!: string;
  @Field(() => RiskLevel) level!: string;
  @Field(() => [String], { description: "Accidents it may lead to (可能导致的事故类型)" }) accidentTypes!: string[];
  @Field(() => String, { nullable: true, description: "Control measures (管控措施)" }) controlMeasures!: string | null;
}

@ObjectType({ description: "An enterprise's public risk notice (安全风险公告), the page its QR code opens" })
export class EnterpriseNotice {
  @Field() creditCode!: string;
  @Field() name!: string;
  @Field() sector!: string;
  @Field() regionCode!: string;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => RiskLevel, { nullable: true, description: "The colour of its highest risk point; null when it has none" }) riskLevel!: string | null;
  @Field(() => [RiskNoticeItem], { description: "Risk points in force, red first" }) riskPoints!: RiskNoticeItem[];
  @Field(() => String, { nullable: true, description: "Emergency contact: the safety principal (personal)" }) safetyPrincipal!: string | null;
  @Field(() => String, { nullable: true, description: "Emergency contact's phone (personal)" }) safetyPrincipalPhone!: string | null;
  @Field(() => Date, { description: "When the enterprise's record last changed" }) updatedAt!: Date;
}

@Resolver(() => EnterpriseNotice)
export class EnterpriseNoticeResolver {
  @Query(() => EnterpriseNotice, { nullable: true, description: "An enterprise's public risk notice by its credit code (what its QR code opens)" })
  enterpriseNotice(@Arg("code") code: string, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    const result = validateCreditCode(code);
    if (!result.ok) throw badInput("code", `'${code}' is not a unified social credit code: ${result.reason}`);
    return ctx.reader.byKey("EnterpriseNotice", result.code, readOptions(info, "EnterpriseNotice"));
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() notice: Row, @Ctx() ctx: HubContext, @Info() info: GraphQLResolveInfo) {
    return ctx.reader.byKey("Region", notice.regionCode as string, readOptions(info, "Region"));
  }

  @FieldResolver(() => [RiskLevelCount], { description: "Risk points counted by colour, red first (四色)" })
  riskPointCounts(@Root() notice: Row) {
    return riskLevelCounts((notice.riskPoints ?? []) as RiskNoticeItem[]);
  }

  @FieldResolver(() => String, { description: "The URL of the enterprise's full file (JSON; needs a bearer token that may read it)" })
  fileUrl(@Root() notice: Row, @Ctx() ctx: HubContext) {
    return enterpriseFileUrl(ctx.config.publicUrl, notice.creditCode as string);
  }
}
