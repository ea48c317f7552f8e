/** The workflow's refusals as GraphQL errors; input fields are named `input.<field>`. */
import type { HazardError } from "../../core/hazard/index.js";
import { badInput, ErrorCode, HubError } from "../../errors/hub-error.js";

export function hubErrorOf(error: HazardError): HubError {
  switch (error.code) {
    case "CONFLICT":
      return conflict(error.expectedVersion, error.actualVersion);
    case "INVALID_TRANSITION":
      return new HubError(ErrorCode.INVALID_TRANSITION, error.message, { state: error.state, action: error.action });
    case "FORBIDDEN":
      return new HubError(ErrorCode.FORBIDDEN, error.message);
    case "BAD_USER_INPUT":
      return badInput(`input.${error.field}`, error.message);
  }
}

export function conflict(expectedVersion: number, actualVersion: number | null): HubError {
  const now = actualVersion === null ? "has changed" : `is at version ${actualVersion}`;
  return new HubError(ErrorCode.CONFLICT, `hazard ${now}, not ${expectedVersion}: reload and retry`, { expectedVersion, actualVersion });
}

/**
 * A record that is absent or outside the caller's scope: the same answer for
 * both, so that it never tells an outsider that the record exists.
 */
export function notFound(argumentName: string, what: string): HubError {
  return new HubError(ErrorCode.NOT_FOUND, `Argument '${argumentName}': no ${what} with this id`, { argumentName });
}
