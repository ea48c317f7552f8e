/**
 * Debian's Chromium driven by playwright-core, with the network closed: every
 * request to a host other than loopback is aborted and recorded, so a page
 * that reaches for a CDN, a font service or a tile server fails its test.
 * The browser is TEST_CHROMIUM, or /usr/bin/chromium when installed (.ci/run
 * installs it and sets TEST_CHROMIUM, so on CI a missing browser fails).
 */
import fs from "node:fs";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

const DEFAULT_CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM = process.env.TEST_CHROMIUM ?? (fs.existsSync(DEFAULT_CHROMIUM) ? DEFAULT_CHROMIUM : null);

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface ClosedNetworkBrowser {
  browser: Browser;
  context: BrowserContext;
  /** Requests the page tried to send beyond loopback. */
  blocked: string[];
  /** Errors the pages threw or logged. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openClosedNetworkBrowser(): Promise<ClosedNetworkBrowser> {
  if (!CHROMIUM) throw new Error("no Chromium: install Debian's chromium or set TEST_CHROMIUM");
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || LOOPBACK.has(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort("internetdisconnected");
  });
  context.on("page", (page) => {
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
  });
  return { browser, context, blocked, pageErrors, close: () => browser.close() };
}

/** Explains a skip when there is no browser here (never on CI, which sets TEST_CHROMIUM). */
export function browserSkipReason(): string | null {
  if (CHROMIUM) return null;
  const reason = "needs Chromium (apt-get install chromium, or TEST_CHROMIUM; see README, Tests)";
  console.warn(`[skipped] ${reason}`);
  return reason;
}
