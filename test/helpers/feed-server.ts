/**
 * A department system for pull tests: a node:http server on port 0 that
 * serves documents by path, and routes that fail the ways real sources do —
 * an error status, a hang past the client's timeout, a body cut short of its
 * Content-Length, a complete answer whose JSON is cut.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Socket } from "node:net";

export interface FeedServer {
  url(path: string): string;
  /** Serve these bytes at this path (replacing what was there). */
  serve(path: string, body: Buffer | string, contentType?: string): void;
  /** Requests received per path. */
  hits(path: string): number;
  close(): Promise<void>;
}

export const FAILING_ROUTES = {
  /** 500 Internal Server Error, every time. */
  error: "/fail/500",
  /** 404: not worth a retry. */
  missing: "/fail/404",
  /** Headers, then nothing: the client's timeout fires. */
  hang: "/fail/hang",
  /** Content-Length 2 000 bytes, 100 sent, connection closed. */
  truncated: "/fail/truncated",
  /** A complete 200 answer whose JSON stops half-way. */
  cutJson: "/fail/cut-json",
  /** Declares 300 MB and starts sending. */
  huge: "/fail/huge",
  /** Sends without a Content-Length, on and on (4 MB). */
  endless: "/fail/endless",
} as const;

export async function startFeedServer(): Promise<FeedServer> {
  const documents = new Map<string, { body: Buffer; contentType: string }>();
  const hits = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    switch (path) {
      case FAILING_ROUTES.error:
        res.writeHead(500, { "content-type": "text/plain" }).end("database unavailable");
        return;
      case FAILING_ROUTES.missing:
        res.writeHead(404).end();
        return;
      case FAILING_ROUTES.hang:
        res.writeHead(200, { "content-type": "application/json" });
        res.write("{");
        return;
      case FAILING_ROUTES.truncated:
        res.writeHead(200, { "content-type": "application/json", "content-length": "2000" });
        res.write(`{"code":200,"msg":"success","page":1,"pageSize":500,"total":203,"data":{"enterprises":[${" ".repeat(30)}`, () => res.socket?.destroy());
        return;
      case FAILING_ROUTES.huge:
        res.writeHead(200, { "content-type": "application/json", "content-length": String(300 * 1024 * 1024) });
        res.write("[");
        return;
      case FAILING_ROUTES.endless: {
        res.writeHead(200, { "content-type": "application/json" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const more = () => {
          while (sent < 64 && res.write(chunk)) sent++;
          if (sent < 64) res.once("drain", more);
          else res.end();
        };
        more();
        return;
      }
      case FAILING_ROUTES.cutJson: {
        const body = `{"code":200,"msg":"success","page":1,"pageSize":500,"total":203,"data":{"enterprises":[{"creditCode":"9141`;
        res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) }).end(body);
        return;
      }
    }
    const document = documents.get(path);
    if (!document) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": document.contentType, "content-length": String(document.body.length) }).end(document.body);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    serve(path, body, contentType = "application/octet-stream") {
      documents.set(path, { body: Buffer.isBuffer(body) ? body : Buffer.from(body), contentType });
    },
    hits: (path) => hits.get(path) ?? 0,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
