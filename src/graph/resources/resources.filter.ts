import { Field, InputType } from "type-graphql";
import { AdminLevel, ShelterStatus, StorageMode, TeamCategory, TeamStatus } from "../common/enums.js";
import { RegionFilter } from "../common/inputs.js";

@InputType({ description: "Shelter list filter" })
export class ShelterFilter extends RegionFilter {
  @Field(() => AdminLevel, { nullable: true }) level?: string;
  @Field(() => ShelterStatus, { nullable: true }) status?: string;
}

@InputType({ description: "Rescue team list filter" })
export class RescueTeamFilter extends RegionFilter {
  @Field(() => TeamCategory, { nullable: true }) category?: string;
  @Field(() => AdminLevel, { nullable: true }) level?: string;
  @Field(() => TeamStatus, { nullable: true }) status?: string;
}

@InputType({ description: "Supply depot list filter" })
export class SupplyDepotFilter extends RegionFilter {
  @Field(() => AdminLevel, { nullable: true }) tier?: string;
  @Field(() => StorageMode, { nullable: true }) storageMode?: string;
}
