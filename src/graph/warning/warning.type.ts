import { Directive, Field, Int, ObjectType } from "type-graphql";
import { defineEnum } from "../common/define-enum.js";
import { WarningLevel } from "../common/enums.js";
import { Node } from "../common/node.type.js";
import { SharedRecord } from "../common/shared-record.type.js";

@ObjectType({ description: "An area of a warning (CAP area)" })
export class WarningArea {
  @Field() areaDesc!: string;
  @Field(() => [String], { description: "CPEAS geographic codes (12-digit division codes)" }) geocodes!: string[];
  @Field(() => [String], { description: 'Polygons as CAP gives them: "lat,lon lat,lon …"' }) polygons!: string[];
  @Field(() => [String], { description: 'Circles as CAP gives them: "lat,lon radius_km"' }) circles!: string[];
}

export const DisseminationChannel = defineEnum("DisseminationChannel", "A channel a warning is released through (发布渠道)", {
  SMS: "短信 (小区广播 included)",
  RADIO: "广播",
  TV: "电视",
  LOUDSPEAKER: "大喇叭 / 应急广播 terminals",
  NEW_MEDIA: "新媒体: 微博, 微信, apps",
  OTHER: "电子显示屏 and other channels",
});

@ObjectType({ description: "Where a warning went through one channel in one division: the release system's report (预警信息发布情况)" })
export class WarningDissemination {
  @Field(() => DisseminationChannel) channel!: string;
  @Field({ description: "The division reached" }) regionCode!: string;
  @Field(() => Int, { nullable: true, description: "People reached (人次)" }) reached!: number | null;
  @Field(() => Int, { nullable: true, description: "Terminals that played it (大喇叭, screens)" }) terminals!: number | null;
  @Field() sentAt!: Date;
}

@ObjectType({ implements: Node, description: "A warning (预警), as received in CAP 1.2" })
@Directive(`@key(fields: "id")`)
export class Warning extends SharedRecord {
  @Field({ description: "CAP identifier" }) identifier!: string;
  @Field({ description: "CAP sender" }) sender!: string;
  @Field() sent!: Date;
  @Field({ description: "CAP msgType: Alert, Update, Cancel" }) msgType!: string;
  @Field({ description: "CAP status: Actual, Exercise, System, Test, Draft" }) capStatus!: string;
  @Field({ description: "CAP scope" }) scope!: string;
  @Field(() => [String], { description: 'Alerts this one replaces ("sender,identifier,sent")' }) references!: string[];
  @Field({ description: "CAP event" }) event!: string;
  @Field({ description: "Signal type: 暴雨, 大风, 高温…" }) type!: string;
  @Field(() => WarningLevel) level!: string;
  @Field({ description: "CAP severity" }) severity!: string;
  @Field(() => String, { nullable: true }) urgency!: string | null;
  @Field(() => String, { nullable: true }) certainty!: string | null;
  @Field() headline!: string;
  @Field(() => String, { nullable: true, description: "English headline (en-US info block)" }) headlineEn!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true }) instruction!: string | null;
  @Field(() => String, { nullable: true }) senderName!: string | null;
  @Field(() => Date, { nullable: true }) effective!: Date | null;
  @Field(() => Date, { nullable: true }) onset!: Date | null;
  @Field(() => Date, { nullable: true }) expires!: Date | null;
  @Field(() => [String], { description: "Division codes of the areas" }) regionCodes!: string[];
}
