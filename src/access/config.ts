/**
 * Trusted token issuers. Read from EMHUB_ISSUERS (a JSON string) or from the
 * file named by EMHUB_ISSUERS_FILE (YAML or JSON). With neither, no external
 * issuer is trusted (the development issuer may still be, see dev-issuer.ts).
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { AccessConfigError } from "./errors.js";
import { formatIssues } from "./format-issues.js";

/** Asymmetric algorithms only: shared-secret (HS*) and "none" can never be configured. */
export const ACCEPTABLE_ALGORITHMS = [
  "ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "EdDSA", "Ed25519",
] as const;

export type Algorithm = (typeof ACCEPTABLE_ALGORITHMS)[number];

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

const jwksUrl = z
  .url({ error: "must be an absolute URL" })
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  }, "must use https (plain http is accepted for loopback hosts only)");

export const ClaimNamesSchema = z
  .object({
    /** Claim holding the principal's id. Default "sub". */
    subject: z.string().min(1).default("sub"),
    /** Claim holding the department code (EMERGENCY …) or its Chinese name. Default "dept". */
    department: z.string().min(1).default("dept"),
    /** Claim holding the roles: an array or a space/comma separated string. Default "roles". */
    roles: z.string().min(1).default("roles"),
    /** Claim holding the division code of the principal's territory. Default "region". */
    territory: z.string().min(1).default("region"),
    /** Claim holding an enterprise's unified social credit code. Default "uscc". */
    enterprise: z.string().min(1).default("uscc"),
  })
  .strict()
  .prefault({});

export const IssuerSchema = z
  .object({
    /** Must equal the token's `iss`. */
    issuer: z.string().min(1, "must not be empty"),
    /** The `aud` tokens must carry (one of them, when a list). */
    audience: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    algorithms: z
      .array(
        z.enum(ACCEPTABLE_ALGORITHMS, {
          error: (issue) =>
            `algorithm ${JSON.stringify(issue.input)} is not accepted (use one of ${ACCEPTABLE_ALGORITHMS.join(", ")})`,
        }),
      )
      .min(1)
      .default(["ES256", "RS256", "EdDSA"]),
    jwksUrl: jwksUrl.optional(),
    publicKeyPem: z.string().includes("BEGIN PUBLIC KEY", { error: "must be a PEM SPKI public key" }).optional(),
    publicJwk: z.record(z.string(), z.unknown()).optional(),
    /** Minimum seconds between two JWKS fetches triggered by an unknown key id. Default 30. */
    jwksCooldownSeconds: z.number().nonnegative().default(30),
    /** Seconds a fetched JWKS is used before it is fetched again. Default 600. */
    jwksMaxAgeSeconds: z.number().positive().default(600),
    claims: ClaimNamesSchema,
  })
  .strict()
  .superRefine((value, ctx) => {
    const sources = [value.jwksUrl, value.publicKeyPem, value.publicJwk].filter((s) => s !== undefined);
    if (sources.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: `exactly one of jwksUrl, publicKeyPem, publicJwk is required, got ${sources.length}`,
      });
    }
    if (value.publicJwk && "d" in value.publicJwk) {
      ctx.addIssue({ code: "custom", path: ["publicJwk"], message: "is a private key; give the public part only" });
    }
  });

export const IssuersConfigSchema = z
  .object({ issuers: z.array(IssuerSchema) })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.issuers.forEach((entry, index) => {
      if (seen.has(entry.issuer)) {
        ctx.addIssue({ code: "custom", path: ["issuers", index, "issuer"], message: `duplicate issuer ${entry.issuer}` });
      }
      seen.add(entry.issuer);
    });
  });

export type ClaimNames = z.output<typeof ClaimNamesSchema>;
export type IssuerConfig = z.output<typeof IssuerSchema>;
export type IssuerConfigInput = z.input<typeof IssuerSchema>;
export type IssuersConfig = z.output<typeof IssuersConfigSchema>;

/** Validates an already-parsed configuration object; `source` names it in error messages. */
export function parseIssuersConfig(input: unknown, source = "issuer configuration"): IssuersConfig {
  const result = IssuersConfigSchema.safeParse(input);
  if (!result.success) throw new AccessConfigError(formatIssues(source, result.error));
  return result.data;
}

/** Reads EMHUB_ISSUERS or EMHUB_ISSUERS_FILE; `{ issuers: [] }` when neither is set. */
export function loadIssuersConfig(env: NodeJS.ProcessEnv = process.env): IssuersConfig {
  const inline = env.EMHUB_ISSUERS?.trim();
  if (inline) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(inline);
    } catch (error) {
      throw new AccessConfigError(`EMHUB_ISSUERS is not valid JSON: ${(error as Error).message}`);
    }
    return parseIssuersConfig(parsed, "EMHUB_ISSUERS");
  }
  const file = env.EMHUB_ISSUERS_FILE?.trim();
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new AccessConfigError(`EMHUB_ISSUERS_FILE ${file} cannot be read: ${(error as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = parseYaml(text);
    } catch (error) {
      throw new AccessConfigError(`${file} is neither valid YAML nor JSON: ${(error as Error).message}`);
    }
    return parseIssuersConfig(parsed, file);
  }
  return { issuers: [] };
}
