/**
 * How the hub knows a request to /subgraph comes from the deployment's own
 * gateway: it carries the gateway secret (EMHUB_GATEWAY_SECRET, shared by the
 * hub and `emhub gateway`) in a header. Such a request runs the gateway's
 * query-plan operations under the caller's token without the trusted-document
 * check (the gateway made it at its edge), and may read the subgraph SDL
 * (`_service`) for composition, which is otherwise closed where introspection
 * is off.
 */
import crypto from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind } from "graphql";
import { ErrorCode } from "../errors/hub-error.js";
import type { HubContext } from "../graph/context.js";

export const GATEWAY_SECRET_HEADER = "x-emhub-gateway";

/** Whether `presented` is the configured secret (compared in constant time); never without one configured. */
export function isGatewaySecret(configured: string | null, presented: string | string[] | undefined): boolean {
  if (!configured || typeof presented !== "string") return false;
  const [a, b] = [Buffer.from(configured), Buffer.from(presented)];
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Refuses `_service` (the SDL) to callers other than the gateway where introspection is off. */
export function serviceSdlGuard(introspection: boolean): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (introspection || contextValue.viaGateway || !operation) return;
          const asksSdl = operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "_service");
          if (asksSdl) throw new GraphQLError("the subgraph's SDL is for the deployment's gateway (EMHUB_GATEWAY_SECRET) where introspection is off", { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
        },
      };
    },
  };
}
