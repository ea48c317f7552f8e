/** Identity problems: the server maps this to a GraphQLError with extensions.code UNAUTHENTICATED. */
export class AuthError extends Error {
  override name = "AuthError";
  readonly code = "UNAUTHENTICATED" as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A configuration file or variable (issuers, sharing catalogue) that does not validate. */
export class AccessConfigError extends Error {
  override name = "AccessConfigError";
  readonly code = "ACCESS_CONFIG_INVALID" as const;
}
