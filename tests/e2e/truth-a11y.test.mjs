// Accessibility of what tests/e2e/a11y.test.mjs does not reach: axe-core (from npm, run inside
// the page, injected as that file does) on the dashboard, the library, the workshop, the print
// preview, the shortcut help and every dialog (import conflict, two-tab conflict, share link,
// paste measurements, CSV import), in the light and the dark colour scheme. Each check must
// find no serious or critical violation, and must have checked nodes of the surface itself
// (axe's `passes` hold nodes inside it), so an empty or missing surface cannot pass.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AXE } from "./support/axe.mjs";
import { parseStored } from "./support/packed.mjs";
import { watchedPage } from "./support/browser.mjs";
import { AppPage, showView } from "./support/app-page.mjs";
import { StoragePage } from "./support/storage-page.mjs";
import { MonitoringPage } from "./support/monitoring-page.mjs";
import { WorkshopPage } from "./support/workshop-page.mjs";
import { fixClock, SCREENSHOT_TIME } from "./support/screenshots.mjs";
import { expectCountAtLeast, expectFocused, expectValue, waitForValue, waitUntil } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const served = servedApp();

/** A context in `scheme` (on the example's clock, so its statuses are in colour) with one watched page. */
async function open(scheme) {
  // axe is injected by evaluation; the app's own CSP stays as it is for the app.
  const context = await served.browser.newContext({
    viewport: { width: 1400, height: 1000 },
    locale: "en-GB",
    timezoneId: "Europe/Amsterdam",
    colorScheme: scheme,
    bypassCSP: true,
  });
  await fixClock(context, SCREENSHOT_TIME);
  const { page, problems } = await watchedPage(context);
  await page.addInitScript(() => {
    // The print preview calls the browser's print dialog: not driven here.
    window.print = () => {};
  });
  await new AppPage(page).open(served.server.url);
  await waitForValue(
    () => page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches),
    scheme === "dark",
    `the ${scheme} colour scheme`,
  );
  return { context, page, problems, sp: new StoragePage(page), m: new MonitoringPage(page) };
}

/**
 * Runs axe on the whole page and reports, for the surface `scope` (a CSS selector): whether it
 * is there, the serious and critical violations, and how many checked nodes lie inside it.
 */
async function axeCheck(page, scope) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE);
  return page.evaluate(async (selector) => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document);
    const root = document.querySelector(selector);
    const inside = (node) => {
      const target = node.target[0];
      const el = typeof target === "string" ? document.querySelector(target) : null;
      return Boolean(el && root && root.contains(el));
    };
    return {
      found: Boolean(root),
      violations: result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) })),
      passedRules: result.passes.length,
      checkedInside: result.passes.reduce((n, rule) => n + rule.nodes.filter(inside).length, 0),
    };
  }, scope);
}

/** Fails with every surface's problems at once. */
function assertClean(report) {
  const bad = Object.entries(report).filter(
    ([, r]) => !r.found || r.violations.length > 0 || r.passedRules === 0 || r.checkedInside === 0,
  );
  assert.deepEqual(bad, [], JSON.stringify(bad, null, 2));
}

const dialog = (testid) => `[data-testid=${testid}]`;

for (const scheme of ["light", "dark"]) {
  test(`axe: the dashboard (${scheme})`, async () => {
    const { context, page, problems, sp, m } = await open(scheme);
    await sp.create("example");
    await m.goTo("dashboard");
    await expectCountAtLeast(page.getByTestId("dashboard-kpi"), 5, "the example's KPIs on the dashboard");
    await m.chartsDrawn(page.getByTestId("dashboard"), "the dashboard's charts drawn");
    assertClean({ dashboard: await axeCheck(page, "[data-testid=dashboard]") });
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test(`axe: library, workshop, print preview and shortcut help (${scheme})`, async () => {
    const { context, page, problems, sp } = await open(scheme);
    await sp.create("example");
    const report = {};

    await sp.openLibrary();
    await expectCountAtLeast(sp.items(), 2, "the blank scorecard and the example in the library");
    report.library = await axeCheck(page, "[data-testid=library]");

    const ws = new WorkshopPage(page);
    await ws.open();
    await ws.expectStep(1);
    report["workshop, step 1"] = await axeCheck(page, "[data-testid=workshop]");
    await ws.goTo(5);
    await ws.expectStep(5);
    await expectCountAtLeast(page.getByTestId("ws-kpi-row"), 1, "the example's KPIs in step 5");
    report["workshop, step 5"] = await axeCheck(page, "[data-testid=workshop]");

    await showView(page, "scorecard");
    await page.getByTestId("print-open").click();
    await page.getByTestId("print-view").waitFor();
    await page.getByTestId("print-page-map").getByTestId("map-connector").first().waitFor({ state: "attached" });
    report["print preview"] = await axeCheck(page, "[data-testid=print-view]");

    await page.locator("body").press("?");
    await page.getByTestId("help-overlay").waitFor();
    await expectFocused(page.getByTestId("help-close"));
    report["shortcut help"] = await axeCheck(page, "[data-testid=help-overlay]");

    assertClean(report);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test(`axe: the import conflict, share, paste and CSV dialogs (${scheme})`, async () => {
    const { context, page, problems, sp, m } = await open(scheme);
    await sp.create("example");
    const report = {};

    // Import conflict: the exported example, after it changed in the library.
    await sp.expectSavedState("saved");
    const file = await sp.exportOpen();
    await sp.setMission("Changed after the export");
    await sp.expectSavedState("saved");
    await page.getByTestId("close-panel").click();
    await page.getByTestId("side-panel").waitFor({ state: "detached" });
    await sp.pickFile(file.name, file.text);
    await page.getByTestId("import-conflict-dialog").waitFor();
    report["import conflict dialog"] = await axeCheck(page, dialog("import-conflict-dialog"));
    await page.getByTestId("conflict-cancel").click();
    await page.getByTestId("import-conflict-dialog").waitFor({ state: "detached" });

    // Share.
    await page.getByTestId("share-button").click();
    await page.getByTestId("share-dialog").waitFor();
    await waitUntil(() => page.getByTestId("share-url").inputValue(), (url) => url.includes("#share="), "the link");
    report["share dialog"] = await axeCheck(page, dialog("share-dialog"));
    await page.getByTestId("share-dialog-close").click();
    await page.getByTestId("share-dialog").waitFor({ state: "detached" });

    // Paste measurements into a KPI (opened from its sub-objective on the scorecard, the view
    // behind the dialog), with a good and a bad row in the preview.
    await page.getByTestId("quadrant-organisation").getByTestId("open-sub-objective").first().click();
    const kpiButton = page.getByTestId("sub-objective-kpis").getByTestId("open-child").first();
    const kpiId = await kpiButton.getAttribute("data-id");
    await kpiButton.click();
    await page.getByTestId("kpi-name-input").waitFor();
    await m.openPaste();
    await m.pasteText("2026-04-01\t4\nnot a date\t5");
    await waitUntil(() => m.previewRows("paste-preview"), (rows) => rows.length === 2, "the paste preview's two rows");
    report["paste dialog"] = await axeCheck(page, dialog("paste-dialog"));
    await page.getByTestId("paste-cancel").click();
    await page.getByTestId("paste-dialog").waitFor({ state: "detached" });

    // CSV import, with its preview.
    await m.openCsvImport();
    await m.chooseCsv("figures.csv", `kpi_id;kpi_name;date;value;unit;note\r\n${kpiId};x;2026-04-01;4;;\r\nkpi-999;y;2026-04-01;1;;\r\n`);
    await waitUntil(() => m.previewRows("csv-preview"), (rows) => rows.length === 2, "the CSV preview's two rows");
    report["CSV import dialog"] = await axeCheck(page, dialog("csv-import-dialog"));
    await page.getByTestId("csv-cancel").click();
    await page.getByTestId("csv-import-dialog").waitFor({ state: "detached" });

    assertClean(report);
    assert.deepEqual(problems(), []);
    await context.close();
  });

  test(`axe: the two-tab conflict dialog (${scheme})`, async () => {
    const { context, page, problems, sp } = await open(scheme);
    await sp.create("example");
    await sp.expectSavedState("saved");
    const key = `smsc.v1.card.${(await sp.index()).open}`;
    const other = await watchedPage(context);
    const B = new StoragePage(other.page);
    await B.open(served.server.url);
    await B.expectTitle("Community scorecard 2026");

    // A has an unsaved change when the other tab stores its own version.
    await sp.setMission("Tab A's version");
    await expectValue(page.getByTestId("mission-input"), "Tab A's version");
    const file = parseStored(await other.page.evaluate((k) => localStorage.getItem(k), key));
    file.scorecard.mission = "Tab B's version";
    await other.page.evaluate(([k, text]) => localStorage.setItem(k, text), [key, JSON.stringify(file)]);
    await page.getByTestId("tab-conflict-dialog").waitFor();
    const report = { "two-tab conflict dialog": await axeCheck(page, dialog("tab-conflict-dialog")) };
    await page.getByTestId("tab-keep-mine").click();
    await page.getByTestId("tab-conflict-dialog").waitFor({ state: "detached" });

    assertClean(report);
    assert.deepEqual(problems(), []);
    assert.deepEqual(other.problems(), []);
    await context.close();
  });
}
