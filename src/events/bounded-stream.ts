/**
 * A subscriber's stream of events with a bounded buffer: events are taken in
 * order and turned into payloads one at a time (the subscriber's own access
 * check may read the database); when more than `capacity` events wait because
 * the subscriber does not keep up, the stream ends with an error, so one slow
 * subscriber never holds up the others or grows memory without bound.
 */
export class SubscriberTooSlowError extends Error {
  override name = "SubscriberTooSlowError";
}

export interface BoundedStreamOptions<E, T> {
  /** Starts delivery; returns the function that stops it. `end` finishes the stream (with an error, if given). */
  listen: (push: (event: E) => void, end: (error?: Error) => void) => () => void;
  /** The payload for an event, or null to skip it (filtered out, out of scope). */
  accept: (event: E) => Promise<T | null>;
  capacity: number;
  /** Called once when the stream ends because the subscriber fell `capacity` events behind. */
  onOverflow?: () => void;
}

export function boundedStream<E, T>(options: BoundedStreamOptions<E, T>): AsyncIterableIterator<T> {
  const queue: E[] = [];
  let failure: Error | null = null;
  let done = false;
  /** The source has ended: deliver what is queued, then finish. */
  let closing = false;
  let wake: (() => void) | null = null;
  const stop = options.listen((event) => {
    if (done || failure) return;
    if (queue.length >= options.capacity) {
      failure = new SubscriberTooSlowError(`subscriber too slow: more than ${options.capacity} events waiting; the subscription is ended`);
      options.onOverflow?.();
      stop();
    } else {
      queue.push(event);
    }
    wake?.();
  }, (error) => {
    if (error) failure ??= error;
    else closing = true;
    wake?.();
  });

  const finish = (): IteratorResult<T> => {
    done = true;
    stop();
    queue.length = 0;
    return { done: true, value: undefined };
  };

  const iterator: AsyncIterableIterator<T> = {
    async next() {
      for (;;) {
        if (done) return { done: true, value: undefined };
        if (failure) {
          const error = failure;
          finish();
          throw error;
        }
        const event = queue.shift();
        if (event === undefined && closing) return finish();
        if (event === undefined) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        const payload = await options.accept(event);
        if (payload !== null) return { done: false, value: payload };
      }
    },
    async return() {
      const result = finish();
      wake?.();
      return result;
    },
    async throw(error?: unknown) {
      finish();
      wake?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
