// The README's screenshots of the scorecard and the strategy map, light and dark, taken from
// the article's example (created from the library's template) as of 10 April 2026, when its
// measurements are recent: the pages run on that day's clock (support/screenshots.mjs), so
// the pictures do not depend on the day the tests run. Each screen is also checked to render
// cleanly. docs/screenshots/ is written only with UPDATE_SCREENSHOTS=1.
import { test } from "node:test";
import assert from "node:assert/strict";
import { watchedPage } from "./support/browser.mjs";
import { showView } from "./support/app-page.mjs";
import { StoragePage } from "./support/storage-page.mjs";
import { SCREENSHOT_DAY, screenshotContext, takeScreenshot } from "./support/screenshots.mjs";
import { expectText, expectValue, waitUntil } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const VIEWPORT = { width: 1280, height: 900 };
const served = servedApp();

/**
 * Waits until the strategy map's connectors are drawn and settled: there are some, and two
 * animation frames later (the map measures its cards in an animation frame) they are the same.
 */
async function connectorsSettled(page) {
  await page.waitForFunction(
    () =>
      new Promise((settled) => {
        const read = () =>
          [...document.querySelectorAll("[data-testid=map-connector]")].map((p) => p.getAttribute("d") ?? "").join("|");
        const first = read();
        requestAnimationFrame(() => requestAnimationFrame(() => settled(first !== "" && !first.startsWith("|") && read() === first)));
      }),
    null,
    { timeout: 10_000 },
  );
}

for (const scheme of ["light", "dark"]) {
  test(`the example's scorecard and strategy map (${scheme})`, async () => {
    const context = await screenshotContext(served.browser, { viewport: VIEWPORT, colorScheme: scheme, locale: "en-GB" });
    const { page, problems } = await watchedPage(context);
    const app = new StoragePage(page);
    await app.open(served.server.url);
    await app.create("example");
    // The clock says so already; the as-of date is set as a user would, to be sure.
    await page.getByTestId("as-of").fill(SCREENSHOT_DAY);
    await expectValue(page.getByTestId("as-of"), SCREENSHOT_DAY);
    await showView(page, "scorecard");
    await waitUntil(
      () => page.getByTestId("quadrants").getByTestId("status").evaluateAll((els) => els.map((e) => e.getAttribute("data-status"))),
      (statuses) => statuses.some((s) => s !== "grey"),
      "the example shows scores as of April 2026",
    );
    // A band KPI shows its band as its target.
    await expectText(page.getByTestId("quadrant-financial").getByTestId("kpi"), /Target: 95–105 %/);
    await takeScreenshot(page, `scorecard-${scheme}.png`, { fullPage: true, width: VIEWPORT.width, minHeight: VIEWPORT.height });

    await showView(page, "map");
    await page.getByTestId("map-connector").first().waitFor({ state: "attached" });
    await connectorsSettled(page);
    await takeScreenshot(page, `map-${scheme}.png`, { fullPage: true, width: VIEWPORT.width, minHeight: VIEWPORT.height });
    assert.deepEqual(problems(), []);
    await context.close();
  });
}
