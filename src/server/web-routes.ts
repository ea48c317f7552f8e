/**
 * The hub's web pages, built by Vite into dist/web (src/web): the
 * command-centre page at /dashboard/ (also where / leads), and the GraphQL
 * explorer at /explorer/ with the example operations of schema/operations/.
 * A browser opening /graphql is sent to the explorer; clients posting or
 * getting queries there are not. The explorer is served only where the
 * schema may be introspected (not in production unless EMHUB_INTROSPECTION=on);
 * where it is off, a browser opening /graphql is told so. The hub's icon is at
 * /favicon.svg and /favicon.ico.
 */
import fs from "node:fs";
import path from "node:path";
import express, { Router } from "express";
import { PROJECT_ROOT, SCHEMA_DIR } from "../config/paths.js";

export const WEB_DIR = path.join(PROJECT_ROOT, "dist", "web");
const OPERATIONS_DIR = path.join(SCHEMA_DIR, "operations");

export function exampleOperations(): Array<{ file: string; document: string }> {
  return fs
    .readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => ({ file, document: fs.readFileSync(path.join(OPERATIONS_DIR, file), "utf8") }));
}

const FAVICON = path.join(PROJECT_ROOT, "src", "web", "favicon.svg");

/** The explorer is off: what a browser opening the GraphQL endpoint reads instead of a bare error. */
export const EXPLORER_OFF =
  "The GraphQL explorer is off on this deployment (production; EMHUB_INTROSPECTION=on turns it on).\n" +
  "Send GraphQL requests as POST to this address with a bearer token; the command-centre page is at /dashboard/.";

export function webRoutes(options: { graphqlPath: string; explorer: boolean }): Router {
  const router = Router();
  router.get("/", (_req, res) => res.redirect(303, "/dashboard/"));
  router.get(["/favicon.svg", "/favicon.ico"], (_req, res) => res.type("image/svg+xml").set("cache-control", "public, max-age=86400").sendFile(FAVICON));
  const wantsPage = (req: express.Request) => req.query.query === undefined && req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
  router.use("/dashboard", express.static(path.join(WEB_DIR, "dashboard"), { fallthrough: false }));
  router.use("/assets", express.static(path.join(WEB_DIR, "assets"), { immutable: true, maxAge: "365d", fallthrough: false }));
  if (!options.explorer) {
    router.get(options.graphqlPath, (req, res, next) => (wantsPage(req) ? void res.status(404).type("text/plain; charset=utf-8").send(EXPLORER_OFF) : next()));
    return router;
  }
  const examples = exampleOperations();
  router.get(options.graphqlPath, (req, res, next) => (wantsPage(req) ? res.redirect(303, "/explorer/") : next()));
  router.get("/explorer/operations.json", (_req, res) => void res.json(examples));
  router.use("/explorer", express.static(path.join(WEB_DIR, "explorer"), { fallthrough: false }));
  return router;
}
