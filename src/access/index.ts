// Public surface of the access layer: identities, token verification, the sharing catalogue and masking.
export {
  ANONYMOUS,
  DEPARTMENTS,
  DEPARTMENT_CODES,
  ROLES,
  ROLE_NAMES_ZH,
  departmentFrom,
  hasRole,
  isDepartment,
  isRole,
  type Department,
  type Principal,
  type Role,
} from "./principal.js";
export { AccessConfigError, AuthError } from "./errors.js";
export {
  ACCEPTABLE_ALGORITHMS,
  loadIssuersConfig,
  parseIssuersConfig,
  type Algorithm,
  type ClaimNames,
  type IssuerConfig,
  type IssuerConfigInput,
  type IssuersConfig,
} from "./config.js";
export {
  CLOCK_TOLERANCE_SECONDS,
  MAX_TOKEN_LENGTH,
  createTokenVerifier,
  type TokenVerifier,
  type TokenVerifierOptions,
} from "./token.js";
export { principalFromClaims } from "./token-claims.js";
export {
  DEV_AUDIENCE,
  DEV_ISSUER,
  DEV_KEY_FILE,
  loadOrCreateDevIssuer,
  type DevIssuer,
  type DevTokenRequest,
} from "./dev-issuer.js";
export {
  FIELD_CLASSES,
  datasetOf,
  datasetsIn,
  fieldClassOf,
  maskOf,
  fieldsOf,
  loadCatalog,
  parseCatalog,
  type Catalog,
  type CatalogDataset,
  type FieldClass,
  type ReadRule,
} from "./catalog.js";
export {
  canReadDataset,
  fieldAccess,
  isGovernment,
  readGrant,
  rowScope,
  mutualAidPartners,
  mutualAidTerritory,
  seesPersonalData,
  type FieldAccess,
  type ReadGrant,
  type RowScope,
} from "./catalog-policy.js";
export { MASK_METHODS, maskAddress, maskIdNumber, maskName, maskPhone, maskValue, type MaskMethod } from "./mask.js";
export type { AuditAction, AuditRecord } from "./audit.js";
