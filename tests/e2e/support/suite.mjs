// The set-up every end-to-end test file shares: the built app served (`serveDist`, E2E_DIST
// for another build folder) and one headless Chromium, started before the file's tests and
// closed after them (node:test's `before` and `after`).
import { after, before } from "node:test";
import { launch } from "./browser.mjs";
import { serveDist } from "./server.mjs";

/**
 * Serves the app and launches the browser for the calling test file; returns an object
 * whose `server` ({ url, close, sent }) and `browser` are set once the file's tests start.
 * `options` go to `serveDist`; `server: false` launches only the browser.
 */
export function servedApp(options = {}) {
  const app = { server: null, browser: null };
  before(async () => {
    if (options.server !== false) app.server = await serveDist(options);
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
