/**
 * Multiplexed subscriptions. Subscribers that send the same document and
 * variables under equivalent principals (same department, roles, territory and
 * enterprise: everything the access policy looks at) would be sent identical
 * results, so the subscription is executed once for the group, each result is
 * serialised once, and the one message is written to every member's socket
 * under the member's own operation id. Backpressure stays per socket: a member
 * whose socket holds more than `capacity` unsent messages is ended alone; the
 * group lives while it has members. Unmasked personal data is still audited
 * per recipient, in one write per result.
 */
import { print, subscribe, type ExecutionArgs, type ExecutionResult } from "graphql";
import type { Principal } from "../access/index.js";
import type { AuditWrite } from "../data/audit-writer.js";
import { SubscriberTooSlowError } from "../events/bounded-stream.js";
import type { HubContext } from "../graph/context.js";

export interface SharedSubscriptionOptions {
  /** Messages that may wait on one member's socket before its subscription is ended. */
  capacity: number;
  /** Takes the audit entries of one delivered result (to be written soon after: audit-writer.ts auditBatcher). */
  audit: (entries: AuditWrite[]) => void;
  /** Counts results handed to subscribers, and subscribers ended for falling behind (metrics.ts). */
  onDelivered?: (count: number) => void;
  onDropped?: () => void;
}

/** Where one subscriber's results go: its socket, under its operation's id (ws.ts). */
export interface LiveSink {
  /** Writes a graphql-ws `next` message whose payload is already serialised JSON. */
  sendNext(payloadJson: string): void;
  /** Bytes written to the socket and not yet sent. */
  buffered(): number;
}

interface Member {
  context: HubContext;
  sink: LiveSink;
  end: (error?: Error) => void;
}

interface Group {
  members: Set<Member>;
  source: AsyncIterator<ExecutionResult>;
  /** The execution has ended: nobody may join any more. */
  closed: boolean;
}

/** Everything the access policy decides on; two principals with equal keys see the same data. */
export function policyKey(p: Principal): string {
  return JSON.stringify([p.anonymous, p.department, [...p.roles].sort(), p.territory, p.enterpriseCode]);
}

export function sharedSubscriptions(options: SharedSubscriptionOptions) {
  const groups = new Map<string, Group>();

  function deliver(group: Group, result: ExecutionResult, leader: HubContext) {
    const payload = JSON.stringify(result);
    const reads = leader.personalReads.drain(leader.requestId, leader.principal);
    const audit: AuditWrite[] = [];
    let sent = 0;
    for (const member of group.members) {
      // the socket still holds `capacity` messages of this size: the member does not keep up
      if (member.sink.buffered() > options.capacity * payload.length) {
        options.onDropped?.();
        member.end(new SubscriberTooSlowError(`subscriber too slow: more than ${options.capacity} events waiting; the subscription is ended`));
        continue;
      }
      member.sink.sendNext(payload);
      sent++;
      if (reads.length > 0) {
        const { principal, requestId } = member.context;
        for (const entry of reads) audit.push({ ...entry, requestId, subject: principal.subject, department: principal.department, roles: [...principal.roles] });
      }
    }
    options.onDelivered?.(sent);
    if (audit.length > 0) options.audit(audit);
  }

  async function pump(key: string, group: Group, leader: HubContext) {
    try {
      for (;;) {
        const next = await group.source.next();
        if (next.done) break;
        deliver(group, next.value, leader);
      }
      for (const member of [...group.members]) member.end();
    } catch (error) {
      // the group's backlog overflowed: each of its subscribers counts as dropped, as one whose socket did not keep up
      for (const member of [...group.members]) {
        if (error instanceof SubscriberTooSlowError) options.onDropped?.();
        member.end(error as Error);
      }
    } finally {
      group.closed = true;
      if (groups.get(key) === group) groups.delete(key);
    }
  }

  /** Executions being started, by key, until they are groups. */
  const starting = new Map<string, Promise<Group | ExecutionResult>>();

  async function startGroup(key: string, args: ExecutionArgs): Promise<Group | ExecutionResult> {
    const source = await subscribe(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const group: Group = { members: new Set(), source: source[Symbol.asyncIterator](), closed: false };
    groups.set(key, group);
    void pump(key, group, args.contextValue as HubContext);
    return group;
  }

  /** Subscribers now, over every group. */
  const subscribers = () => [...groups.values()].reduce((sum, group) => sum + group.members.size, 0);

  function leave(key: string, group: Group, member: Member) {
    if (!group.members.delete(member)) return;
    if (group.members.size === 0 && groups.get(key) === group) {
      groups.delete(key);
      void group.source.return?.();
    }
  }

  /**
   * Joins the subscriber to its group (creating and starting the group's execution when it is the first).
   * Results go to `sink`; the iterator returned yields nothing and finishes when the subscription ends
   * (with the error that ended it), which is when graphql-ws sends `complete` or `error`.
   */
  async function subscribeShared(args: ExecutionArgs, sink: LiveSink, retried = false): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const context = args.contextValue as HubContext;
    const key = JSON.stringify([print(args.document), args.variableValues ?? null, args.operationName ?? null, policyKey(context.principal)]);
    let group = groups.get(key);
    if (!group) {
      // subscribers of one key arriving together wait for the one execution the first of them starts
      let start = starting.get(key);
      if (!start) {
        start = startGroup(key, args).finally(() => starting.delete(key));
        starting.set(key, start);
      }
      const started = await start;
      if (!("members" in started)) return started; // an error result: not shared
      // it ended while this subscriber waited (the group's backlog overflowing, the hub stopping): start anew, once
      if (started.closed) return retried ? finished() : subscribeShared(args, sink, true);
      group = started;
    }
    return untilEnded((end) => {
      const joined = group;
      const member: Member = { context, sink, end };
      joined.members.add(member);
      return () => leave(key, joined, member);
    });
  }

  return { subscribe: (args: ExecutionArgs, sink: LiveSink) => subscribeShared(args, sink), subscribers };
}

/** A subscription that has ended before it began: graphql-ws sends `complete`. */
async function* finished(): AsyncIterableIterator<ExecutionResult> {}

/** An iterator that yields nothing and finishes when `start`'s `end` is called (throwing its error), or when returned. */
function untilEnded(start: (end: (error?: Error) => void) => () => void): AsyncIterableIterator<ExecutionResult> {
  let settle: ((result: IteratorResult<ExecutionResult>) => void) | null = null;
  let fail: ((error: Error) => void) | null = null;
  const ended = new Promise<IteratorResult<ExecutionResult>>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  ended.catch(() => {}); // handled by whoever awaits next()
  const stop = start((error) => {
    stop();
    if (error) fail!(error);
    else settle!({ done: true, value: undefined });
  });
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    next: () => ended,
    async return() {
      stop();
      settle!({ done: true, value: undefined });
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
