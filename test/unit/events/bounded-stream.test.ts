import { describe, expect, it } from "vitest";
import { boundedStream, SubscriberTooSlowError } from "../../../src/events/bounded-stream.js";

function source() {
  let push: (n: number) => void = () => {};
  let stopped = false;
  return {
    listen: (p: (n: number) => void) => {
      push = p;
      return () => (stopped = true);
    },
    push: (n: number) => push(n),
    stopped: () => stopped,
  };
}

describe("a subscriber's bounded stream", () => {
  it("delivers accepted events in order and skips the rest", async () => {
    const s = source();
    const stream = boundedStream({ listen: s.listen, accept: async (n: number) => (n % 2 === 0 ? `even ${n}` : null), capacity: 10 });
    [1, 2, 3, 4].forEach(s.push);
    expect((await stream.next()).value).toBe("even 2");
    expect((await stream.next()).value).toBe("even 4");
    const later = stream.next();
    s.push(6);
    expect((await later).value).toBe("even 6");
  });

  it("ends with an error when a slow subscriber lets more than `capacity` events wait", async () => {
    const s = source();
    const stream = boundedStream({ listen: s.listen, accept: async (n: number) => n, capacity: 3 });
    [1, 2, 3].forEach(s.push);
    expect(s.stopped()).toBe(false);
    s.push(4);
    expect(s.stopped()).toBe(true);
    await expect(stream.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
    expect((await stream.next()).done).toBe(true);
  });

  it("stops listening when the subscriber leaves", async () => {
    const s = source();
    const stream = boundedStream({ listen: s.listen, accept: async (n: number) => n, capacity: 3 });
    const pending = stream.next();
    await stream.return!();
    expect(s.stopped()).toBe(true);
    expect((await pending).done).toBe(true);
  });
});
