import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import { RiskLevel } from "../common/enums.js";
import { Node } from "../common/node.type.js";
import { SharedRecord } from "../common/shared-record.type.js";

@ObjectType({ implements: Node, description: "Production and business unit (生产经营单位): one enterprise, one code, one file" })
@Directive(`@key(fields: "creditCode")`)
export class Enterprise extends SharedRecord {
  @Field({ description: "Unified social credit code (统一社会信用代码), the enterprise's identity" }) creditCode!: string;
  @Field() name!: string;
  @Field({ description: "Sector (行业领域), e.g. 危险化学品, 工贸, 建筑施工" }) sector!: string;
  @Field(() => String, { nullable: true, description: "规上 / 小微" }) sizeClass!: string | null;
  @Field({ description: "Division code where it is registered" }) regionCode!: string;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => Float, { nullable: true }) lon!: number | null;
  @Field(() => Float, { nullable: true }) lat!: number | null;
  @Field(() => String, { nullable: true, description: "法定代表人 (personal)" }) legalRepresentative!: string | null;
  @Field(() => String, { nullable: true, description: "法定代表人电话 (personal)" }) legalRepresentativePhone!: string | null;
  @Field(() => String, { nullable: true, description: "安全负责人 (personal)" }) safetyPrincipal!: string | null;
  @Field(() => String, { nullable: true, description: "安全负责人电话 (personal)" }) safetyPrincipalPhone!: string | null;
  @Field(() => String, { nullable: true, description: "安全生产标准化等级" }) standardisationGrade!: string | null;
  @Field(() => Boolean, { nullable: true, description: "安全生产责任保险" }) liabilityInsurance!: boolean | null;
  @Field(() => String, { nullable: true, description: "双重预防体系建设情况 (线下/线上)" }) dualPreventionStatus!: string | null;
  @Field(() => String, { nullable: true, description: "信用状况 / 黑名单" }) creditStatus!: string | null;
}

@ObjectType({ implements: Node, description: "Safety risk point (风险点)" })
export class RiskPoint extends SharedRecord {
  @Field() enterpriseCode!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: "设备设施 / 作业活动" }) type!: string | null;
  @Field(() => [String], { description: "危险有害因素" }) hazardFactors!: string[];
  @Field(() => [String], { description: "可能导致的事故类型" }) accidentTypes!: string[];
  @Field(() => RiskLevel) level!: string;
  @Field(() => String, { nullable: true, description: "Assessment method, e.g. LEC" }) assessmentMethod!: string | null;
  @Field(() => Float, { nullable: true, description: "Assessment score (LEC: D = L·E·C)" }) assessmentScore!: number | null;
  @Field(() => String, { nullable: true, description: "管控措施" }) controlMeasures!: string | null;
  @Field(() => String, { nullable: true }) responsibleUnit!: string | null;
  @Field(() => String, { nullable: true, description: "(personal)" }) responsiblePerson!: string | null;
  @Field({ description: "在线监测" }) onlineMonitored!: boolean;
  @Field() regionCode!: string;
}

@ObjectType({ implements: Node, description: "Major hazard source (重大危险源, GB 18218-2018)" })
export class MajorHazardSource extends SharedRecord {
  @Field() enterpriseCode!: string;
  @Field() name!: string;
  @Field(() => Int, { description: "Grade 1 (一级, R ≥ 100) to 4 (四级, R < 10)" }) grade!: number;
  @Field(() => [String]) substances!: string[];
  @Field(() => Float, { nullable: true, description: "R = α·Σ(β·q/Q)" }) rValue!: number | null;
  @Field({ description: "Filed (备案) with the emergency bureau" }) filed!: boolean;
  @Field(() => Date, { nullable: true }) filedAt!: Date | null;
  @Field({ description: "Monitoring data online" }) monitoringOnline!: boolean;
  @Field() regionCode!: string;
}

@ObjectType({ description: "Risk points of one colour" })
export class RiskLevelCount {
  @Field(() => RiskLevel) level!: string;
  @Field(() => Int) count!: number;
}
