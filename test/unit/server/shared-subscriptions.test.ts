import { GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionArgs } from "graphql";
import { describe, expect, it } from "vitest";
import { sharedSubscriptions, type LiveSink } from "../../../src/server/shared-subscriptions.js";
import { waitFor } from "../../helpers/wait.js";

/** A subscription field whose events the test sends, counting the executions started and ended. */
function tickSchema(options: { failFirst?: boolean } = {}) {
  const state = { started: 0, ended: 0, send: [] as Array<(value: string) => void> };
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: "Subscription",
      fields: {
        tick: {
          type: GraphQLString,
          resolve: (value: string) => value,
          // an event stream as the hub's are (bounded-stream.ts): ending it ends the wait for the next event
          subscribe() {
            state.started++;
            // an execution that fails at once, as one whose backlog overflowed would
            if (options.failFirst && state.started === 1) {
              const failing: AsyncIterableIterator<string> = { next: () => Promise.reject(new Error("gone")), [Symbol.asyncIterator]: () => failing };
              return failing;
            }
            let waiting: ((result: IteratorResult<string>) => void) | null = null;
            const iterator: AsyncIterableIterator<string> = {
              next: () => new Promise((resolve) => state.send.push((value) => resolve({ done: false, value })) && (waiting = resolve)),
              return: async () => {
                state.ended++;
                waiting?.({ done: true, value: undefined });
                return { done: true, value: undefined };
              },
              [Symbol.asyncIterator]: () => iterator,
            };
            return iterator;
          },
        },
      },
    }),
  });
  return { schema, state };
}

const screen = (subject: string, territory = "410106") => ({
  principal: { anonymous: false, subject, department: "EMERGENCY", roles: ["SUPERVISOR"], territory, enterpriseCode: null },
  requestId: `request-of-${subject}`,
  personalReads: { drain: () => [] },
});

function sink() {
  const messages: string[] = [];
  const target: LiveSink = { sendNext: (json) => void messages.push(json), buffered: () => 0 };
  return { messages, target };
}

describe("shared subscriptions", () => {
  it("starts one execution for equal subscribers that arrive together, counts each, and writes each result once serialised to all", async () => {
    const { schema, state } = tickSchema();
    const shared = sharedSubscriptions({ capacity: 8, audit: () => {} });
    const args = (context: object): ExecutionArgs => ({ schema, document: parse("subscription { tick }"), contextValue: context });
    const [a, b, other] = [sink(), sink(), sink()];
    const [first, second, third] = await Promise.all([
      shared.subscribe(args(screen("desk-1")), a.target),
      shared.subscribe(args(screen("desk-2")), b.target),
      shared.subscribe(args(screen("desk-3", "410202")), other.target),
    ]);
    expect(state.started).toBe(2); // 上街区's two screens share one; 龙亭区's has its own
    expect(shared.subscribers()).toBe(3);

    await waitFor(() => state.send.length === 2, { what: "both executions waiting for an event" });
    for (const send of state.send.splice(0)) send("暴雨");
    await waitFor(() => a.messages.length === 1 && b.messages.length === 1 && other.messages.length === 1, { what: "the result at every screen" });
    expect(a.messages[0]).toBe('{"data":{"tick":"暴雨"}}');
    expect(b.messages[0]).toBe(a.messages[0]);

    // the execution ends with its last subscriber, not before
    await (first as AsyncIterableIterator<unknown>).return!();
    expect(state.ended).toBe(0);
    await (second as AsyncIterableIterator<unknown>).return!();
    await (third as AsyncIterableIterator<unknown>).return!();
    await waitFor(() => state.ended === 2, { what: "both executions to end" });
    expect(shared.subscribers()).toBe(0);
  });

  it("starts anew for subscribers that were waiting for an execution which ended before they joined", async () => {
    const { schema, state } = tickSchema({ failFirst: true });
    const shared = sharedSubscriptions({ capacity: 8, audit: () => {} });
    const args = (context: object): ExecutionArgs => ({ schema, document: parse("subscription { tick }"), contextValue: context });
    const [a, b] = [sink(), sink()];
    await Promise.all([shared.subscribe(args(screen("desk-1")), a.target), shared.subscribe(args(screen("desk-2")), b.target)]);
    expect(state.started).toBe(2);
    expect(shared.subscribers()).toBe(2);
    await waitFor(() => state.send.length === 1, { what: "the new execution waiting for an event" });
    state.send.shift()!("大风");
    await waitFor(() => a.messages.length === 1 && b.messages.length === 1, { what: "the event at both screens" });
  });
});
