/**
 * One run of a connector at a time in this process, whoever starts it (the
 * schedule, a push, the command line): later runs wait their turn. Keyed by
 * database, so hubs sharing a process (tests) do not wait on each other.
 */
const queues = new WeakMap<object, Map<string, Promise<unknown>>>();

function queueOf(database: object): Map<string, Promise<unknown>> {
  let queue = queues.get(database);
  if (!queue) queues.set(database, (queue = new Map()));
  return queue;
}

export async function withConnectorLock<T>(database: object, connector: string, work: () => Promise<T>): Promise<T> {
  const queue = queueOf(database);
  const previous = queue.get(connector) ?? Promise.resolve();
  const current = previous.catch(() => {}).then(work);
  const tail = current.catch(() => {});
  queue.set(connector, tail);
  try {
    return await current;
  } finally {
    if (queue.get(connector) === tail) queue.delete(connector);
  }
}

/** True while a run of the connector holds or waits for the lock. */
export function isConnectorBusy(database: object, connector: string): boolean {
  return queueOf(database).has(connector);
}
