// Starts Debian's Chromium through playwright-core (no browser download) and watches every
// page for console errors, failed requests and Content-Security-Policy violations.
import { chromium } from "playwright-core";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Raster whole tiles again after a change, not just the changed part: otherwise a picture
  // depends on what was painted before (a rounded border an autosave redrew differed by one
  // colour level in a few pixels), and the README's screenshots would not be reproducible.
  "--disable-partial-raster",
];

/** Launches headless Chromium from $CHROMIUM or /usr/bin/chromium. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ARGS,
  });
}

/**
 * Opens a new page that records problems: `problems()` lists console errors, failed or
 * non-2xx requests, uncaught page errors and CSP violations seen so far.
 */
export async function watchedPage(context) {
  const page = await context.newPage();
  const seen = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") seen.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => seen.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => {
    // An image or icon the browser stopped loading itself (the tab's icon while the service
    // worker swaps caches, an element replaced while its picture was on its way, on a busy
    // machine) is cancelled, not refused by the host: the user sees nothing wrong. Every
    // other failure, and any 4xx/5xx answer (below), is a problem.
    // The same holds for a part of the app fetched in the background (the split build's
    // chunks, src/ui/app/parts.rs) when the page reloads or closes meanwhile.
    const cancelled = req.failure()?.errorText === "net::ERR_ABORTED";
    const path = new URL(req.url()).pathname;
    const picture = req.resourceType() === "image" || /\.(svg|png|ico)(\?|$)/.test(path);
    const chunk = /\/(chunk|split)_[^/]*\.wasm$/.test(path);
    if (cancelled && (picture || chunk)) return;
    seen.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) seen.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  return { page, problems: () => [...seen] };
}

/**
 * Intercepts `page`'s file pickers from now on; `next()` resolves to the next picker opened
 * after it was called. Call this well before the action that opens a picker: Playwright turns
 * the interception on without waiting for it (`Page.setInterceptFileChooserDialog`), so
 * `Promise.all([page.waitForEvent("filechooser"), press])` races it, and on a busy machine the
 * key came first, the picker opened natively and the test waited for nothing (seen in CI).
 */
export function fileChoosers(page, timeout = 30_000) {
  const waiting = [];
  page.on("filechooser", (chooser) => waiting.shift()?.resolve(chooser));
  return {
    next() {
      return new Promise((resolve, reject) => {
        const entry = { resolve };
        waiting.push(entry);
        setTimeout(() => {
          const at = waiting.indexOf(entry);
          if (at < 0) return;
          waiting.splice(at, 1);
          reject(new Error(`no file picker opened within ${timeout} ms`));
        }, timeout).unref();
      });
    },
  };
}
