/**
 * The 12350 hotline's public intake (安全生产举报), no token needed:
 *
 *   POST /tipoffs          JSON { region, description, enterpriseCode?, enterpriseName?, location?, reporterName?, reporterContact? }
 *                          → 201 { ticket, state, receivedAt, region }; 400 BAD_USER_INPUT naming the field;
 *                          429 over EMHUB_TIPOFFS_PER_HOUR from one address; 507/503 when the hub cannot write
 *   GET  /tipoffs/<ticket> → 200 { ticket, state, receivedAt, updatedAt, region, reply }: the reporter's view,
 *                          nothing personal; 404 for an unknown ticket
 *
 * A tip-off naming an enterprise the hub holds becomes a hazard of it at once
 * (found by 举报), for the emergency bureau of its territory; the others wait
 * in the bureau's list (`tipOffs`) for it to register or dismiss them.
 */
import { randomUUID } from "node:crypto";
import express, { Router } from "express";
import { checkTipOff, isTicket, type TipOffInput } from "../core/tip-off.js";
import { receiveTipOff } from "../data/tip-off-writer.js";
import { hazardChanged } from "../events/hazard-events.js";
import { sendError } from "./error-body.js";
import type { ContextDeps } from "./request-context.js";
import type { ClientLimiter } from "./rate-limit.js";

export function tipOffRoutes(deps: ContextDeps, limiter: ClientLimiter | null): Router {
  const router = Router();
  const intake = [express.json({ limit: "64kb" }), ...(limiter ? [limiter.http] : [])];
  router.post("/tipoffs", ...intake, async (req, res) => {
    const full = deps.disk.writeRefusal();
    if (full) return sendError(res, 507, "INSUFFICIENT_STORAGE", full);
    const body = (typeof req.body === "object" && req.body !== null ? req.body : {}) as TipOffInput;
    const checked = checkTipOff(body);
    if (!checked.ok) return sendError(res, 400, "BAD_USER_INPUT", `Field '${checked.field}' ${checked.reason}`, { field: checked.field });
    const now = new Date();
    const written = await receiveTipOff(deps.db.prisma, checked.intake, String(req.id ?? randomUUID()), now);
    if (written.hazardId) {
      const hazard = await deps.db.prisma.hazard.findUnique({ where: { id: written.hazardId } });
      if (hazard) deps.events.publish("hazard.changed", hazardChanged(hazard, "REPORT", now));
    }
    res.status(201).json({ ticket: written.ticket, state: written.state, receivedAt: written.receivedAt.toISOString(), region: written.regionCode });
  });
  router.get("/tipoffs/:ticket", async (req, res) => {
    const ticket = req.params.ticket.trim();
    if (!isTicket(ticket)) return sendError(res, 404, "NOT_FOUND", "no tip-off with this ticket");
    const tip = await deps.db.prisma.tipOff.findUnique({ where: { ticket }, select: { ticket: true, state: true, receivedAt: true, updatedAt: true, regionCode: true, reply: true } });
    if (!tip) return sendError(res, 404, "NOT_FOUND", "no tip-off with this ticket");
    res.setHeader("cache-control", "no-store");
    res.json({ ticket: tip.ticket, state: tip.state, receivedAt: tip.receivedAt.toISOString(), updatedAt: tip.updatedAt.toISOString(), region: tip.regionCode, reply: tip.reply });
  });
  return router;
}
