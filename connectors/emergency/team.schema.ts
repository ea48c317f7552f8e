/** Rescue teams (救援队伍) and their members. */
import { z } from "zod";
import {
  checkCoordinates,
  codeTable,
  count,
  divisionCode,
  numeric,
  optionalCount,
  optionalCreditCode,
  optionalPhone,
  optionalText,
  text,
  textList,
} from "../shared/fields.js";
import { ADMIN_LEVEL, TEAM_CATEGORY, TEAM_STATUS } from "./codes.js";

export const rescueTeamRow = z
  .object({
    teamId: text,
    teamName: text,
    /** 综合性消防救援 / 防汛抢险 / 危化品 / … / 企业专职 / 企业兼职 / 社会力量 / 民兵 */
    teamType: codeTable(TEAM_CATEGORY),
    /** 国家级 … 村级 */
    teamLevel: codeTable(ADMIN_LEVEL),
    personNum: count,
    vehicleNum: optionalCount,
    equipments: textList,
    baseAddress: optionalText,
    longitude: numeric,
    latitude: numeric,
    areaCode: divisionCode,
    dutyPhone: optionalPhone,
    /** 待命 / 出动 */
    teamState: codeTable(TEAM_STATUS),
    /** The owning enterprise, for 企业专职 / 企业兼职 teams. */
    creditCode: optionalCreditCode,
  })
  .superRefine((row, ctx) => {
    checkCoordinates(ctx, row.latitude, row.longitude, ["longitude"]);
    const enterpriseTeam = row.teamType === "ENTERPRISE_FULL_TIME" || row.teamType === "ENTERPRISE_PART_TIME";
    if (enterpriseTeam && row.creditCode === null) {
      ctx.addIssue({ code: "custom", path: ["creditCode"], message: "is required for an enterprise team" });
    }
  });

export type RescueTeamRow = z.output<typeof rescueTeamRow>;

export const teamMemberRow = z.object({
  memberId: text,
  teamId: text,
  memberName: text,
  /** 队长 / 副队长 / 队员 / 驾驶员 … */
  post: text,
  skills: textList,
  mobile: optionalPhone,
});

export type TeamMemberRow = z.output<typeof teamMemberRow>;
