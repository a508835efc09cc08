// The split release build (scripts/build-release.sh, src/ui/app/parts.rs): the first screen
// loads without any part's chunk; the service worker stores the parts once the first screen
// is up, each fetched once, and every view and the editor panel then work with the network
// cut, already in that first visit; a chunk that cannot be fetched shows a message with "Try
// again", and trying again once the host answers opens the view.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DIST } from "./support/server.mjs";
import { watchedPage } from "./support/browser.mjs";
import { AppPage } from "./support/app-page.mjs";
import { StoragePage } from "./support/storage-page.mjs";
import { fixClock } from "./support/screenshots.mjs";
import { expectAttribute, expectCount, expectText } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const VIEWPORT = { width: 1400, height: 1000 };
/** Each view's tab and what shows once its part is there. */
const VIEWS = [
  ["map", "strategy-map"],
  ["dashboard", "dashboard"],
  ["data", "view-data"],
  ["workshop", "workshop"],
  ["library", "library"],
  ["review", "review-view"],
];

const served = servedApp();

test("the build is split: the first screen loads without any part, each part on first use", async () => {
  const parts = readdirSync(DIST).filter((f) => /^split_part_.*\.wasm$/.test(f));
  for (const part of ["map", "dashboard", "editor", "export_readers", "merge", "platform_import"]) {
    assert.ok(parts.includes(`split_part_${part}.wasm`), `split_part_${part}.wasm in the build (${parts.join(", ")})`);
  }
  const context = await served.browser.newContext({ viewport: VIEWPORT, locale: "en-GB", serviceWorkers: "block" });
  const { page, problems } = await watchedPage(context);
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname.split("/").pop()));
  await new AppPage(page).open(served.server.url);
  await page.getByTestId("quadrants").waitFor();
  const early = fetched.filter((f) => f.startsWith("split_part_"));
  assert.deepEqual(early, [], "no part fetched before the first screen shows");
  // Opening the map fetches its part (if the background has not already).
  await page.getByTestId("tab-map").click();
  await page.getByTestId("strategy-map").waitFor();
  assert.ok(fetched.includes("split_part_map.wasm"), "the map's part was fetched");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the first visit stores the parts after the first screen, each once; then every view and the editor open with the network cut", async () => {
  const context = await served.browser.newContext({ viewport: VIEWPORT, locale: "en-GB" });
  await fixClock(context);
  // When the app's shell is first in the page, in wall-clock ms (the server's log's clock).
  await context.addInitScript(() => {
    const seen = () => {
      if (window.__shellAt || !document.querySelector("[data-testid=app-shell]")) return;
      window.__shellAt = performance.timeOrigin + performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  });
  const from = served.server.sent().length;
  const isPart = (path) => /^(chunk|split)_[^/]*\.wasm$/.test(path);
  try {
    const { page, problems } = await watchedPage(context);
    const app = new AppPage(page);
    await app.open(served.server.url);
    await new StoragePage(page).create("example");
    // The worker of a first visit takes the page over (nothing of an older build runs).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await expectAttribute(page.getByTestId("offline-status"), "data-state", "ready", "every file kept");

    const shellAt = await page.evaluate(() => window.__shellAt);
    const sent = served.server.sent().slice(from);
    const parts = sent.filter((r) => isPart(r.path));
    const early = parts.filter((r) => r.at < shellAt).map((r) => r.path);
    assert.deepEqual(early, [], "no part fetched before the first screen");
    const twice = [...new Set(parts.map((r) => r.path))].filter(
      (path) => parts.filter((r) => r.path === path && r.status === 200).length > 1,
    );
    assert.deepEqual(twice, [], "no part downloaded twice");
    const inBuild = readdirSync(DIST).filter(isPart).sort();
    assert.deepEqual([...new Set(parts.map((r) => r.path))].sort(), inBuild, "every part fetched");
    const listed = (readFileSync(join(DIST, "sw.js"), "utf8").match(/"url":/g) ?? []).length;
    const cached = await page.evaluate(async () => {
      const name = (await caches.keys()).find((k) => k.startsWith("smsc-"));
      return (await (await caches.open(name)).keys()).length;
    });
    assert.equal(cached, listed, "the worker's cache holds every file of the build");

    // Offline in this same first visit, and after a reload.
    await context.setOffline(true);
    for (const reload of [false, true]) {
      if (reload) {
        await page.reload();
        await page.getByTestId("quadrants").waitFor();
      }
      for (const [tab, shown] of VIEWS) {
        await page.getByTestId(`tab-${tab}`).click();
        await page.getByTestId(shown).waitFor();
        await expectCount(page.getByTestId("part-failed"), 0, `${tab} opened offline`);
      }
      await page.getByTestId("tab-scorecard").click();
      await page.locator("[data-testid=sub-objective][data-id=so-27]").click();
      await page.getByTestId("sub-objective-kpis").getByTestId("open-child").filter({ hasText: "Active members" }).click();
      await page.getByTestId("kpi-name-input").waitFor();
      await page.getByTestId("close-panel").click();
      await page.getByTestId("side-panel").waitFor({ state: "detached" });
    }
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
  }
});

test("a part that cannot be fetched says so with Try again, and opens once it can", async () => {
  const context = await served.browser.newContext({ viewport: VIEWPORT, locale: "en-GB", serviceWorkers: "block" });
  const { page } = await watchedPage(context);
  let refuse = true;
  await context.route(/split_part_map\.wasm$/, (route) => (refuse ? route.abort("internetdisconnected") : route.continue()));
  await new AppPage(page).open(served.server.url);
  await page.getByTestId("tab-map").click();
  const failed = page.getByTestId("part-failed");
  await failed.waitFor();
  await expectAttribute(failed, "role", "alert");
  await expectText(failed, /could not be loaded.*your work is kept/s);
  await expectCount(page.getByTestId("strategy-map"), 0, "no map yet");
  // The rest of the app still works: the scorecard opens.
  await page.getByTestId("tab-scorecard").click();
  await page.getByTestId("quadrants").waitFor();
  await page.getByTestId("tab-map").click();
  await failed.waitFor();
  refuse = false;
  await page.getByTestId("part-retry").click();
  await page.getByTestId("strategy-map").waitFor();
  await expectCount(failed, 0, "the message is gone");
  await context.close();
});
