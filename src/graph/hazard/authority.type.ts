import { Field, ObjectType } from "type-graphql";
import { AdminLevel, Department } from "../common/enums.js";

@ObjectType({ description: "A supervising authority (监管部门/挂牌督办单位) of the reference list: a department's body in a division" })
export class Authority {
  @Field({ description: "EMERGENCY@410200: what superviseHazard takes and supervisedBy holds" }) code!: string;
  @Field({ description: "开封市应急管理局" }) name!: string;
  @Field(() => [String], { description: "Other names it is matched by (省应急管理厅, 开封市安委办)" }) aliases!: string[];
  @Field(() => Department, { description: "The department whose officials act for it" }) department!: string;
  @Field({ description: "Its territory (6-digit division code)" }) regionCode!: string;
  @Field(() => AdminLevel) level!: string;
}
