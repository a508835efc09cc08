// The README's screenshots of the scorecard and the strategy map, light and dark, taken from
// the article's example (created from the library's template) as of 10 April 2026, when its
// measurements are recent. Each screen is also checked to render cleanly.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { serveDist } from "./support/server.mjs";
import { launch, watchedPage } from "./support/browser.mjs";
import { StoragePage } from "./support/storage-page.mjs";

const SHOTS = new URL("../../docs/screenshots/", import.meta.url).pathname;
let server;
let browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const scheme of ["light", "dark"]) {
  test(`the example's scorecard and strategy map (${scheme})`, async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      colorScheme: scheme,
      locale: "en-GB",
    });
    const { page, problems } = await watchedPage(context);
    const app = new StoragePage(page);
    await app.open(server.url);
    await app.create("example");
    await page.getByTestId("as-of").fill("2026-04-10");
    await page.getByTestId("tab-scorecard").click();
    await page.getByTestId("quadrants").waitFor();
    const statuses = await page.getByTestId("quadrants").getByTestId("status").evaluateAll((els) =>
      els.map((e) => e.getAttribute("data-status")),
    );
    assert.ok(statuses.some((s) => s !== "grey"), "the example shows scores as of April 2026");
    // A band KPI shows its band as its target.
    assert.match(await page.getByTestId("quadrant-financial").getByTestId("kpi").textContent(), /Target: 95–105 %/);
    await page.screenshot({ path: `${SHOTS}/scorecard-${scheme}.png`, fullPage: true });

    await page.getByTestId("tab-map").click();
    await page.getByTestId("strategy-map").waitFor();
    await page.getByTestId("map-connector").first().waitFor({ state: "attached" });
    await page.waitForTimeout(100);
    await page.screenshot({ path: `${SHOTS}/map-${scheme}.png`, fullPage: true });
    assert.deepEqual(problems(), []);
    await context.close();
  });
}
