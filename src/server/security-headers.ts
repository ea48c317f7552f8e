/**
 * Response headers a browser acts on (helmet): a Content-Security-Policy that
 * lets the hub's pages load only their own assets and talk only to the hub,
 * no framing (frame-ancestors 'none', X-Frame-Options DENY), nosniff, and no
 * Referer leaving the hub. Every answer to a request that carried a token is
 * private to its bearer: `Cache-Control: private, no-store` and
 * `Vary: Authorization`, so no shared cache keeps a file with a mobile number.
 */
import type { RequestHandler } from "express";
import helmet from "helmet";

export function securityHeaders(): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'"],
          // Leaflet, ECharts and GraphiQL set styles on elements
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:", "blob:"],
          "font-src": ["'self'", "data:"],
          "connect-src": ["'self'", "ws:", "wss:"],
          "worker-src": ["'self'", "blob:"],
          "object-src": ["'none'"],
          "base-uri": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
        },
      },
      frameguard: { action: "deny" },
      referrerPolicy: { policy: "no-referrer" },
      // pages and API are read from other origins by CORS (EMHUB_CORS_ORIGINS), which this would block
      crossOriginResourcePolicy: false,
    }),
    (req, res, next) => {
      if (req.headers.authorization) {
        res.setHeader("cache-control", "private, no-store");
        res.vary("Authorization");
      }
      next();
    },
  ];
}
