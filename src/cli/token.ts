/** `emhub token`: a token from the development issuer, which the hub in the same data folder trusts. */
import { Command, Option } from "commander";
import { DEPARTMENT_CODES, loadOrCreateDevIssuer, ROLES, type Department, type Role } from "../access/index.js";
import { validateCreditCode } from "../core/credit-code.js";
import { parseDivisionPrefix } from "../core/division.js";
import { loadConfig } from "../config/config.js";

export const tokenCommand = new Command("token")
  .description("print a development token (not available with NODE_ENV=production)")
  .addOption(new Option("--department <code>", "department").choices(DEPARTMENT_CODES))
  .requiredOption("--roles <roles>", `comma-separated roles: ${ROLES.join(", ")}`)
  .option("--region <code>", "territory as a division code, e.g. 410200")
  .option("--enterprise <creditCode>", "the enterprise's credit code, for ENTERPRISE tokens")
  .option("--subject <name>", "subject (who)", "dev")
  .option("--ttl <duration>", "lifetime, e.g. 8h, 30m", "8h")
  .action(async (options: { department?: Department; roles: string; region?: string; enterprise?: string; subject: string; ttl: string }) => {
    const roles = options.roles.split(",").map((role) => role.trim().toUpperCase());
    const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
    if (unknown.length > 0) throw new Error(`unknown role ${unknown.join(", ")} (known: ${ROLES.join(", ")})`);
    if (options.region !== undefined && !parseDivisionPrefix(options.region).ok) throw new Error(`--region ${options.region} is not a division code`);
    if (options.enterprise !== undefined && !validateCreditCode(options.enterprise).ok) throw new Error(`--enterprise ${options.enterprise} is not a valid credit code`);
    const issuer = await loadOrCreateDevIssuer(loadConfig().dataDir);
    const token = await issuer.signToken({
      subject: options.subject,
      department: options.department ?? null,
      roles: roles as Role[],
      region: options.region,
      enterprise: options.enterprise,
      ttl: options.ttl,
    });
    process.stdout.write(`${token}\n`);
  });
