// Phones and tablets: every view at 390 × 844 and 360 × 740 (a phone, device scale 2, touch)
// and 768 × 1024 and 1024 × 768 (a tablet, portrait and landscape) fits the screen: the page never scrolls sideways and
// no visible text starts left of the screen or runs past its right edge. The compact header
// (title and saved state on one line, the view tabs, the menu with the rest) takes at most a
// quarter of a phone's first screen; every control in the views and the header takes a
// touch of at least 44 × 44 px; the side panel covers the phone's screen with a way
// back; the coach folds away. Editing a KPI, recording a measurement and opening a share link
// work at phone size; axe finds nothing there. The README's phone screenshots (light and
// dark) are taken here, on the screenshots' fixed clock (support/screenshots.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { watchedPage } from "./support/browser.mjs";
import { axeProblems } from "./support/axe.mjs";
import { VIEW_ROOTS, waitForView } from "./support/app-page.mjs";
import { StoragePage } from "./support/storage-page.mjs";
import { MonitoringPage } from "./support/monitoring-page.mjs";
import { measureFit, smallTargets } from "./support/fit.mjs";
import { screenshotContext, takeScreenshot } from "./support/screenshots.mjs";
import { expectAttribute, expectFocused, expectText, expectValue, expectVisible, waitUntil } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 360, height: 740 };
const TABLET = { width: 768, height: 1024 };
const TABLET_LANDSCAPE = { width: 1024, height: 768 };
const TABS = ["scorecard", "map", "dashboard", "data", "workshop", "library", "review"];

const served = servedApp();

/** Shows `view` by its tab (which the tab bar scrolls to on a phone) and waits for it. */
async function showView(page, view) {
  await page.getByTestId(`tab-${view}`).click();
  await page.locator(`[data-testid=tab-${view}][aria-current=page]`).waitFor({ state: "attached" });
  await page.getByTestId(VIEW_ROOTS[view] ?? `${view}-view`).first().waitFor();
}

/** A phone- or tablet-sized context: mobile emulation, touch, device scale 2, fixed clock. */
function deviceContext(viewport, { colorScheme = "light", locale = "en-GB" } = {}) {
  return screenshotContext(served.browser, {
    viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    colorScheme,
    locale,
    bypassCSP: true,
  });
}

/** Opens the app in `context` with the article's example from the library. */
async function openExample(context) {
  const { page, problems } = await watchedPage(context);
  const sp = new StoragePage(page);
  await sp.open(served.server.url);
  await sp.create("example");
  await waitForView(page, "scorecard");
  await waitUntil(
    () => page.getByTestId("quadrants").getByTestId("status").evaluateAll((els) => els.map((e) => e.getAttribute("data-status"))),
    (statuses) => statuses.some((s) => s !== "grey"),
    "the example scored",
  );
  return { page, problems, sp };
}

/** From the menu button, Tab through the header: each focused control's data-testid (or
 * its nearest one's) and the middle of its box on the screen, until focus leaves the header. */
async function headerTabOrder(page) {
  await page.getByTestId("header-menu-toggle").focus();
  const order = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el?.closest("header.app-header")) return null;
      const box = el.getBoundingClientRect();
      return { id: el.closest("[data-testid]")?.getAttribute("data-testid") ?? el.tagName, y: Math.round(box.top + box.height / 2) };
    });
    if (!at) break;
    order.push(at);
  }
  return order;
}

/** Opens the header's menu (narrow screens) and waits until it shows. */
async function openMenu(page) {
  const toggle = page.getByTestId("header-menu-toggle");
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expectAttribute(toggle, "aria-expanded", "true", "the menu open");
  await expectVisible(page.getByTestId("export"), true, "the menu's actions shown");
}

/** Waits until the page fits its width; `what` names the screen in the message. */
async function expectFits(page, what) {
  const fit = await waitUntil(
    () => measureFit(page),
    (f) => f.scrollWidth <= f.viewport && f.left.length === 0 && f.right.length === 0,
    `${what} fits the screen`,
  ).catch(async (e) => {
    const f = await measureFit(page);
    assert.fail(`${what}: page ${f.scrollWidth} px wide on a ${f.viewport} px screen; left of it: ${f.left.join("; ")}; past it: ${f.right.join("; ")} (${e.message})`);
  });
  return fit;
}

/** Every view (by tab, the report from the menu, the print preview by its address). */
async function everyView(page, check) {
  for (const view of TABS) {
    await showView(page, view);
    await check(view);
  }
  if (await page.getByTestId("header-menu-toggle").isVisible()) await openMenu(page);
  await page.getByTestId("report-open").click();
  await page.getByTestId("report-view").waitFor();
  await check("report");
  await page.evaluate(() => {
    location.hash = "#print";
  });
  await page.getByTestId("print-view").waitFor();
  await check("print preview");
}

/** The header's height against the screen's. */
function headerHeight(page) {
  return page.locator("header.app-header, [data-testid=app-shell] > header").first().evaluate((h) => {
    const r = h.getBoundingClientRect();
    return { height: r.height, bottom: r.bottom, screen: window.innerHeight };
  });
}

for (const viewport of [PHONE, TABLET, TABLET_LANDSCAPE]) {
  test(`every view fits ${viewport.width} × ${viewport.height} (mobile emulation)`, async () => {
    const context = await deviceContext(viewport);
    const { page, problems } = await openExample(context);
    const widest = { scrollWidth: 0 };
    await everyView(page, async (view) => {
      const fit = await expectFits(page, `${view} at ${viewport.width} px`);
      if (fit.scrollWidth >= widest.scrollWidth) Object.assign(widest, { view, scrollWidth: fit.scrollWidth });
      // Touch targets of at least 44 × 44 px (the views; the header is checked below).
      assert.deepEqual(await smallTargets(page.getByTestId("views")), [], `${view}: touch targets at ${viewport.width} px`);
    });
    if (viewport === PHONE) {
      // A smaller phone too.
      await page.setViewportSize(SMALL_PHONE);
      let small = 0;
      await everyView(page, async (view) => {
        const fit = await expectFits(page, `${view} at ${SMALL_PHONE.width} px`);
        small = Math.max(small, fit.scrollWidth);
      });
      console.log(`widest view at ${SMALL_PHONE.width} px: scrollWidth ${small}`);
    }
    console.log(`widest view at ${viewport.width} px: ${JSON.stringify(widest)}`);
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

test("the phone's header: one line and the tabs, at most a quarter of the screen; the menu opens, closes with Escape and gives focus back", async () => {
  const context = await deviceContext(PHONE);
  const { page, problems } = await openExample(context);
  const { height, screen } = await headerHeight(page);
  console.log(`phone header: ${height.toFixed(0)} px of ${screen}`);
  assert.ok(height <= screen / 4, `the header is ${height} px of a ${screen} px screen`);
  // The title and the saved state on the first line, next to the menu button.
  const top = async (id) => (await page.getByTestId(id).boundingBox()).y;
  const [title, saved, toggle] = await Promise.all([top("scorecard-title"), top("saved-indicator"), top("header-menu-toggle")]);
  assert.ok(Math.abs(title - toggle) < 24 && Math.abs(saved - toggle) < 24, `one line: title ${title}, saved ${saved}, menu ${toggle}`);
  await expectText(page.getByTestId("saved-indicator"), /Saved/);
  // The actions wait in the menu.
  await expectVisible(page.getByTestId("export"), false, "export in the closed menu");
  await expectVisible(page.getByTestId("tab-review"), true, "the tabs shown");
  assert.deepEqual(await smallTargets(page.locator("header.app-header")), [], "header controls at least 44 × 44");
  await openMenu(page);
  for (const id of ["as-of", "lang-nl", "import-button", "share-button", "measurements-menu-toggle", "print-open", "report-open", "projector-toggle"]) {
    await expectVisible(page.getByTestId(id), true, `${id} in the open menu`);
  }
  assert.deepEqual(await smallTargets(page.locator("header.app-header")), [], "menu controls at least 44 × 44");
  await expectFits(page, "the open menu");
  assert.deepEqual(await axeProblems(page), [], "axe: the open menu");
  await page.keyboard.press("Escape");
  await expectAttribute(page.getByTestId("header-menu-toggle"), "aria-expanded", "false", "closed by Escape");
  await expectFocused(page.getByTestId("header-menu-toggle"), "focus back on the menu button");
  // With the menu open, Tab goes through the header in the order it is seen, top to bottom:
  // the tabs (undo and redo beside them, disabled here), the actions, then the settings.
  await openMenu(page);
  const order = await headerTabOrder(page);
  const seen = order.map((o) => o.id);
  for (const id of ["tab-scorecard", "export", "as-of", "lang-nl", "help-open"]) {
    assert.ok(seen.includes(id), `${id} reached by Tab with the menu open (${seen.join(", ")})`);
  }
  for (let i = 1; i < order.length; i++) {
    assert.ok(order[i].y >= order[i - 1].y - 10, `Tab goes up the screen from ${order[i - 1].id} (y ${order[i - 1].y}) to ${order[i].id} (y ${order[i].y})`);
  }
  await page.getByTestId("header-menu-toggle").click();
  await expectAttribute(page.getByTestId("header-menu-toggle"), "aria-expanded", "false", "closed by its button");
  // A choice in the menu closes it: Dutch.
  await openMenu(page);
  await page.getByTestId("lang-nl").click();
  await expectAttribute(page.getByTestId("header-menu-toggle"), "aria-expanded", "false", "closed by a choice");
  await expectText(page.getByTestId("tab-map"), "Strategiekaart");
  // Every view in Dutch (longer words) fits too.
  await everyView(page, (view) => expectFits(page, `${view} in Dutch`));
  // The shortcuts' help, from the menu, fits the phone.
  await showView(page, "scorecard");
  await openMenu(page);
  await page.getByTestId("help-open").click();
  await expectVisible(page.getByRole("dialog"));
  await expectFits(page, "the shortcuts' help");
  await page.keyboard.press("Escape");
  await expectVisible(page.getByRole("dialog"), false, "the help closed");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("editing a KPI and recording a measurement on a phone: the panel covers the screen, with a way back", async () => {
  const context = await deviceContext(PHONE);
  const { page, problems } = await openExample(context);
  const m = new MonitoringPage(page);
  const line = page.getByTestId("quadrant-organisation").getByTestId("kpi").first();
  const id = await line.getAttribute("data-id");
  await page.getByTestId("quadrant-organisation").getByTestId("open-sub-objective").first().click();
  await page.getByTestId("sub-objective-kpis").locator(`[data-testid=open-child][data-id="${id}"]`).click();
  await page.getByTestId("kpi-name-input").waitFor();
  // The panel covers the screen.
  const box = await page.getByTestId("side-panel").boundingBox();
  assert.ok(box.x <= 0.5 && box.width >= PHONE.width - 1 && box.height >= PHONE.height - 1, `the panel covers the screen: ${JSON.stringify(box)}`);
  await expectFits(page, "the KPI's panel");
  assert.deepEqual(await axeProblems(page), [], "axe: the KPI's panel");
  // Editing a field.
  await page.getByTestId("kpi-owner-input").fill("Support desk");
  // Recording a measurement with the phone's date picker (a date input).
  assert.equal(await page.getByTestId("measurement-date").getAttribute("type"), "date");
  const before = await m.measurementCount();
  await m.record("2026-04-08", 1.5);
  await waitUntil(() => m.measurementCount(), (n) => n === before + 1, "one more measurement");
  await expectFits(page, "the KPI's panel with the measurement");
  // The way back: the close button at the top, then the KPI on its card.
  await expectVisible(page.getByTestId("close-panel"));
  const closeBox = await page.getByTestId("close-panel").boundingBox();
  assert.ok(closeBox.y >= 0 && closeBox.y < 80 && closeBox.height >= 44, `the close button at the top: ${JSON.stringify(closeBox)}`);
  await page.getByTestId("close-panel").click();
  await page.getByTestId("side-panel").waitFor({ state: "detached" });
  await expectText(page.getByTestId("quadrant-organisation").getByTestId("sub-objective").first(), /Support desk|Owner/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the method coach folds away on a phone, its count in sight", async () => {
  const context = await deviceContext(PHONE);
  const { page, problems } = await openExample(context);
  const fold = page.getByTestId("coach-fold");
  await expectAttribute(fold, "aria-expanded", "false", "folded on a phone");
  await expectVisible(page.getByTestId("coach-count"));
  await expectVisible(page.getByTestId("coach-entry").first(), false, "its entries folded away");
  await fold.click();
  await expectAttribute(fold, "aria-expanded", "true", "unfolded");
  await expectVisible(page.getByTestId("coach-entry").first());
  await expectFits(page, "the unfolded coach");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a share link opened on a phone shows the scorecard and the map legibly", async () => {
  const context = await deviceContext(PHONE);
  const { page, problems } = await openExample(context);
  await openMenu(page);
  await page.getByTestId("share-button").click();
  await page.getByTestId("share-dialog").waitFor();
  await expectFits(page, "the share dialog");
  const url = await waitUntil(() => page.getByTestId("share-url").inputValue(), (u) => u.includes("#share="), "the link");
  await context.close();
  assert.deepEqual(problems(), []);

  const phone = await deviceContext(PHONE);
  const opened = await watchedPage(phone);
  const sp = new StoragePage(opened.page);
  await sp.open(url);
  await sp.t("banner-shared").waitFor();
  await sp.expectSavedState("read-only");
  await sp.expectTitle("Community scorecard 2026");
  await expectFits(opened.page, "the shared scorecard");
  // Legible: the KPI lines at least 14 px, the mission at least 16 px.
  const sizes = await opened.page.evaluate(() => ({
    mission: parseFloat(getComputedStyle(document.querySelector("[data-testid=mission]")).fontSize),
    kpi: Math.min(...[...document.querySelectorAll("[data-testid=kpi]")].map((e) => parseFloat(getComputedStyle(e).fontSize))),
  }));
  assert.ok(sizes.mission >= 16 && sizes.kpi >= 14, JSON.stringify(sizes));
  await showView(opened.page, "map");
  await opened.page.getByTestId("map-connector").first().waitFor({ state: "attached" });
  await expectFits(opened.page, "the shared map");
  const cards = await opened.page.getByTestId("map-sub-objective").evaluateAll((els) =>
    els.map((e) => ({ size: parseFloat(getComputedStyle(e).fontSize), width: e.getBoundingClientRect().width })),
  );
  assert.ok(cards.length > 0 && cards.every((c) => c.size >= 14 && c.width >= 200), `map cards legible: ${JSON.stringify(cards)}`);
  assert.deepEqual(opened.problems(), []);
  await phone.close();
});

test("the workshop's running timer stays in sight on a phone", async () => {
  const context = await deviceContext(PHONE);
  const { page, problems } = await openExample(context);
  await showView(page, "workshop");
  const timer = page.getByTestId("ws-timer");
  await timer.waitFor();
  await page.getByTestId("ws-timer-start").click();
  await expectAttribute(timer, "data-phase", "running", "the timer running");
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await waitUntil(
    () => timer.evaluate((t) => {
      const r = t.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }),
    (inSight) => inSight,
    "the timer on screen after scrolling down",
  );
  assert.deepEqual(problems(), []);
  await context.close();
});

test("axe at phone size, light and dark; the README's phone and tablet screenshots", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const context = await deviceContext(PHONE, { colorScheme });
    const { page, problems } = await openExample(context);
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.deepEqual(await axeProblems(page), [], `axe: the scorecard (${colorScheme})`);
    await takeScreenshot(page, `phone-scorecard-${colorScheme}.png`, { width: PHONE.width * 2, height: PHONE.height * 2 });
    await showView(page, "map");
    await page.getByTestId("map-connector").first().waitFor({ state: "attached" });
    assert.deepEqual(await axeProblems(page), [], `axe: the map (${colorScheme})`);
    // The picture shows the objectives and the factors under them, with their connectors.
    await page.getByTestId("map-objectives").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await takeScreenshot(page, `phone-map-${colorScheme}.png`, { width: PHONE.width * 2, height: PHONE.height * 2 });
    await showView(page, "dashboard");
    await page.waitForFunction(() => [...document.querySelectorAll("[data-testid=dashboard] canvas")].every((c) => c.width > 0));
    assert.deepEqual(await axeProblems(page), [], `axe: the dashboard (${colorScheme})`);
    await takeScreenshot(page, `phone-dashboard-${colorScheme}.png`, { width: PHONE.width * 2, height: PHONE.height * 2 });
    for (const view of ["data", "workshop", "library", "review"]) {
      await showView(page, view);
      assert.deepEqual(await axeProblems(page), [], `axe: ${view} (${colorScheme})`);
    }
    await showView(page, "scorecard");
    await openMenu(page);
    await takeScreenshot(page, `phone-menu-${colorScheme}.png`, { width: PHONE.width * 2, height: PHONE.height * 2 });
    await page.keyboard.press("Escape");
    await page.getByTestId("quadrant-organisation").getByTestId("open-sub-objective").first().click();
    await page.getByTestId("side-panel").waitFor();
    assert.deepEqual(await axeProblems(page), [], `axe: the panel (${colorScheme})`);
    await takeScreenshot(page, `phone-panel-${colorScheme}.png`, { width: PHONE.width * 2, height: PHONE.height * 2 });
    assert.deepEqual(problems(), []);
    await context.close();
  }
  const context = await deviceContext(TABLET);
  const { page, problems } = await openExample(context);
  assert.deepEqual(await axeProblems(page), [], "axe: the scorecard on a tablet");
  await takeScreenshot(page, "tablet-scorecard-light.png", { width: TABLET.width * 2, height: TABLET.height * 2 });
  await showView(page, "map");
  await page.getByTestId("map-connector").first().waitFor({ state: "attached" });
  await takeScreenshot(page, "tablet-map-light.png", { width: TABLET.width * 2, height: TABLET.height * 2 });
  assert.deepEqual(problems(), []);
  await context.close();
});
