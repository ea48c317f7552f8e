/** GET /healthz: the process is alive. GET /readyz: the database answers. */
import { Router } from "express";
import type { Database } from "../data/database.js";

export function healthRoutes(db: Database, isDraining: () => boolean): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    if (isDraining()) {
      res.status(503).json({ status: "draining" });
      return;
    }
    try {
      await db.prisma.$queryRawUnsafe("SELECT 1");
      res.json({ status: "ready", database: db.mode });
    } catch (error) {
      res.status(503).json({ status: "unavailable", database: db.mode, error: (error as Error).message });
    }
  });
  return router;
}
