import { Arg, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { authoritiesWithin, resolveAuthority, type Authority as AuthorityEntry } from "../../core/authority.js";
import { parseDivisionPrefix } from "../../core/division.js";
import type { Row } from "../../data/reader.js";
import { badInput } from "../../errors/hub-error.js";
import { Department } from "../common/enums.js";
import { Authority } from "./authority.type.js";
import { Hazard } from "./hazard.type.js";

const asAuthority = (a: AuthorityEntry) => ({ code: a.code, name: a.name, aliases: a.aliases, department: a.department, regionCode: a.division, level: a.level });

@Resolver(() => Authority)
export class AuthorityResolver {
  @Query(() => [Authority], { description: "The reference list of supervising authorities, within a division (all levels under it) and of a department" })
  authorities(
    @Arg("within", () => String, { nullable: true, description: "Division code or prefix (4102); the whole province by default" }) within: string | null | undefined,
    @Arg("department", () => Department, { nullable: true }) department: string | null | undefined,
  ) {
    let territory = "";
    if (within != null) {
      const prefix = parseDivisionPrefix(within);
      if (!prefix.ok) throw badInput("within", `'${within}' is not a division code: ${prefix.reason}`);
      territory = prefix.code;
    }
    return authoritiesWithin(territory)
      .filter((a) => department == null || a.department === department)
      .map(asAuthority);
  }
}

@Resolver(() => Hazard)
export class HazardAuthorityResolver {
  @FieldResolver(() => Authority, { nullable: true, description: "The authority the hazard is listed under, when supervisedBy names one of the reference list" })
  supervisingAuthority(@Root() hazard: Row) {
    const authority = hazard.supervisedBy ? resolveAuthority(hazard.supervisedBy as string) : null;
    return authority && asAuthority(authority);
  }
}
