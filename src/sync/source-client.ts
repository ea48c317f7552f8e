/**
 * Fetches a connector's source documents from HTTP URLs, files or folders.
 * HTTP uses Node's fetch with a timeout per attempt (body included) and a
 * bounded number of attempts with exponential backoff. A non-2xx answer, a
 * timeout, a dropped connection or a body shorter than its Content-Length is
 * a failed fetch with a reason; it is yielded as a FetchFailure so the run
 * records it and keeps what it had.
 */
import fs from "node:fs";
import path from "node:path";
import type { SourceDocument } from "../../connectors/types.js";
import type { FetchConfig } from "../config/sync-config.js";
import type { SourceItem } from "./run-sync.js";

export interface SourceClientOptions extends FetchConfig {
  /** Aborts waiting and fetching (the hub is stopping). */
  signal?: AbortSignal;
}

/** Why one attempt failed, and whether another attempt may help. */
class AttemptError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

const isUrl = (source: string) => /^https?:\/\//i.test(source);

/** The URL as it may appear in messages and run records: without user name or password. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Every document of the sources, in order, fetched one at a time as the run asks for them. */
export async function* readSources(sources: string[], options: SourceClientOptions): AsyncGenerator<SourceItem> {
  for (const source of sources) {
    if (isUrl(source)) {
      yield await fetchDocument(source, options);
      continue;
    }
    const files = listFiles(source);
    if (typeof files === "string") {
      yield { name: source, failure: files };
      continue;
    }
    for (const file of files) yield readFile(file, options.maxBytes);
  }
}

/** A file, or a folder's visible files in name order; a string says why there are none. */
function listFiles(source: string): string[] | string {
  const resolved = path.resolve(source);
  try {
    if (!fs.statSync(resolved).isDirectory()) return [resolved];
    return fs
      .readdirSync(resolved, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => path.join(resolved, entry.name))
      .sort();
  } catch (error) {
    return `${source}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
}

function readFile(file: string, maxBytes: number): SourceItem {
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) return { name: file, failure: `${file}: ${size} bytes, more than the ${maxBytes} a document may have` };
    return { name: path.basename(file), body: fs.readFileSync(file) };
  } catch (error) {
    return { name: file, failure: `${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

/** One URL with retries: the document, or a failure naming the last reason and the attempts made. */
export async function fetchDocument(url: string, options: SourceClientOptions): Promise<SourceItem> {
  const name = displayUrl(url);
  let reason = "not fetched";
  for (let attempt = 1; attempt <= options.tries; attempt++) {
    if (attempt > 1) {
      const waited = await sleep(options.backoffMs * 2 ** (attempt - 2), options.signal);
      if (!waited) break;
    }
    try {
      return { name, ...(await attemptFetch(url, options)) };
    } catch (error) {
      if (options.signal?.aborted) {
        reason = "stopped: the hub is shutting down";
        break;
      }
      const failure = error instanceof AttemptError ? error : new AttemptError(String(error), false);
      reason = failure.message;
      if (!failure.retry) return { name, failure: `GET ${name}: ${reason}` };
    }
  }
  const tries = options.tries === 1 ? "1 try" : `${options.tries} tries`;
  return { name, failure: `GET ${name}: ${reason} (${tries})` };
}

async function attemptFetch(url: string, options: SourceClientOptions): Promise<Omit<SourceDocument, "name">> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let response: Response;
  let body: Buffer;
  try {
    response = await fetch(url, { signal, redirect: "follow" });
    body = await readBody(response, options.maxBytes);
  } catch (error) {
    if (error instanceof AttemptError) throw error;
    throw new AttemptError(transportReason(error as Error, options.timeoutMs), true);
  }
  if (!response.ok) {
    const retry = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new AttemptError(`HTTP ${response.status} ${response.statusText}`.trim(), retry);
  }
  const declared = Number(response.headers.get("content-length"));
  const encoded = (response.headers.get("content-encoding") ?? "identity") !== "identity";
  if (!encoded && Number.isFinite(declared) && response.headers.has("content-length") && body.length < declared) {
    throw new AttemptError(`truncated body: ${body.length} of ${declared} bytes`, true);
  }
  return { body, contentType: response.headers.get("content-type") ?? undefined };
}

/** The body, read as it arrives and given up (connection closed) once it passes `maxBytes`. */
async function readBody(response: Response, maxBytes: number): Promise<Buffer> {
  const tooLarge = (size: string) => new AttemptError(`${size}, more than the ${maxBytes} bytes a document may have`, false);
  const declared = Number(response.headers.get("content-length"));
  if (response.headers.has("content-length") && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(`Content-Length ${declared}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
    size += part.value.length;
    if (size > maxBytes) {
      await reader!.cancel();
      throw tooLarge(`${size} bytes received`);
    }
    chunks.push(Buffer.from(part.value));
  }
  return Buffer.concat(chunks);
}

function transportReason(error: Error, timeoutMs: number): string {
  if (error.name === "TimeoutError") return `no complete answer within ${timeoutMs} ms (timeout)`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (error.message === "terminated") return `truncated body: the connection closed before the end (${cause?.message ?? "terminated"})`;
  if (!cause?.message) return cause?.code ?? error.message;
  return cause.code && !cause.message.includes(cause.code) ? `${cause.code}: ${cause.message}` : cause.message;
}

/** Waits, or stops early (false) when the signal aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
