/**
 * Multiplexed subscriptions. Subscribers that send the same document and
 * variables under equivalent principals (same department, roles, territory and
 * enterprise: everything the access policy looks at) would be sent identical
 * results, so the subscription is executed once for the group and each result
 * is fanned out to every member through the member's own bounded queue. A
 * member that falls behind is ended alone; the group lives while it has
 * members. Unmasked personal data is still audited per recipient.
 */
import { print, subscribe, type ExecutionArgs, type ExecutionResult } from "graphql";
import type { Principal } from "../access/index.js";
import type { AuditWrite } from "../data/audit-writer.js";
import { boundedStream } from "../events/bounded-stream.js";
import type { HubContext } from "../graph/context.js";
import { log } from "../log.js";

export interface SharedSubscriptionOptions {
  /** Results that may wait for one member before its subscription is ended. */
  capacity: number;
  /** Writes the audit entries of one delivered result. */
  audit: (entries: AuditWrite[]) => Promise<void>;
  /** Counts results handed to subscribers, and subscribers ended for falling behind (metrics.ts). */
  onDelivered?: (count: number) => void;
  onDropped?: () => void;
}

interface Member {
  context: HubContext;
  push: (result: ExecutionResult) => void;
  end: (error?: Error) => void;
}

interface Group {
  members: Set<Member>;
  source: AsyncIterator<ExecutionResult>;
}

/** Everything the access policy decides on; two principals with equal keys see the same data. */
export function policyKey(p: Principal): string {
  return JSON.stringify([p.anonymous, p.department, [...p.roles].sort(), p.territory, p.enterpriseCode]);
}

export function sharedSubscriptions(options: SharedSubscriptionOptions) {
  const groups = new Map<string, Group>();

  async function pump(key: string, group: Group, leader: HubContext) {
    try {
      for (;;) {
        const next = await group.source.next();
        if (next.done) break;
        const reads = leader.personalReads.drain(leader.requestId, leader.principal);
        options.onDelivered?.(group.members.size);
        for (const member of group.members) {
          member.push(next.value);
          if (reads.length > 0) {
            const { principal, requestId } = member.context;
            const entries = reads.map((entry) => ({ ...entry, requestId, subject: principal.subject, department: principal.department, roles: [...principal.roles] }));
            options.audit(entries).catch((error: unknown) => log.error({ err: error, subject: principal.subject }, "audit of personal data sent to a subscriber failed"));
          }
        }
      }
      for (const member of group.members) member.end();
    } catch (error) {
      for (const member of group.members) member.end(error as Error);
    } finally {
      if (groups.get(key) === group) groups.delete(key);
    }
  }

  /** Subscribers now, over every group. */
  const subscribers = () => [...groups.values()].reduce((sum, group) => sum + group.members.size, 0);

  async function subscribeShared(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const context = args.contextValue as HubContext;
    const key = JSON.stringify([print(args.document), args.variableValues ?? null, args.operationName ?? null, policyKey(context.principal)]);
    let group = groups.get(key);
    if (!group) {
      const source = await subscribe(args);
      if (!(Symbol.asyncIterator in source)) return source; // an error result: not shared
      const created: Group = { members: new Set(), source: source[Symbol.asyncIterator]() };
      groups.set(key, created);
      group = created;
      void pump(key, created, context);
    }
    const joined = group;
    return boundedStream<ExecutionResult, ExecutionResult>({
      listen: (push, end) => {
        const member: Member = { context, push, end };
        joined.members.add(member);
        return () => {
          joined.members.delete(member);
          if (joined.members.size === 0 && groups.get(key) === joined) {
            groups.delete(key);
            void joined.source.return?.();
          }
        };
      },
      accept: async (result) => result,
      capacity: options.capacity,
      onOverflow: options.onDropped,
    });
  }

  return { subscribe: subscribeShared, subscribers };
}
