// Changing a KPI's target from its panel, on the article's example as of 10 April 2026 (the
// pages run on that day's clock): the response time of product management (hours, lower is
// better, baseline 8, target 2, monthly, measured to 31 March). A correction (the old target
// was wrong) replaces the target and adds no history row; a new target asks for a reason,
// applies from the first day of the current month (1 April) and is listed in the target
// history, in the chart's text alternative and in its table (a measurement of 10 April is
// charted against it, March's against the corrected old one); all of it after a reload.
// Screenshots of the dialog and the history at 1400×1000 and 390 px wide.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeProblems } from "./support/axe.mjs";
import { watchedPage } from "./support/browser.mjs";
import { AppPage, waitForView } from "./support/app-page.mjs";
import { MonitoringPage, TODAY } from "./support/monitoring-page.mjs";
import { fixClock, takeScreenshot } from "./support/screenshots.mjs";
import { expectAttribute, expectCount, expectText, expectValue, expectVisible, waitUntil } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const NAME = "Response time of product management";
const REASON = "Product management now answers within the working day";

const served = servedApp();

async function open() {
  const context = await served.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "en-GB", timezoneId: "Europe/Amsterdam" });
  await fixClock(context, new Date(`${TODAY}T10:00:00+02:00`));
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(served.server.url);
  return { context, page, problems, m: new MonitoringPage(page) };
}

/** Opens the response-time KPI in the side panel: its sub-objective's card, then the KPI. */
async function openKpi(page) {
  const line = page.getByTestId("quadrant-organisation").getByTestId("kpi").filter({ hasText: NAME });
  await expectCount(line, 1, "the response-time KPI on its card");
  const id = await line.getAttribute("data-id");
  const card = page
    .getByTestId("quadrant-organisation")
    .getByTestId("sub-objective")
    .filter({ has: page.getByTestId("kpi").filter({ hasText: NAME }) });
  await card.getByTestId("open-sub-objective").click();
  await page.getByTestId("sub-objective-kpis").locator(`[data-testid=open-child][data-id="${id}"]`).click();
  await expectValue(page.getByTestId("kpi-name-input"), NAME, "the KPI's form");
  return id;
}

/** The chart's data table as rows of cell texts (date, value, target). */
function chartRows(page) {
  return page
    .getByTestId("kpi-chart")
    .getByTestId("chart-data-table")
    .getByRole("row")
    .evaluateAll((rows) => rows.slice(1).map((r) => [...r.cells].map((c) => c.textContent.trim())));
}

/** The target history's rows as texts. */
function historyRows(page) {
  return page.getByTestId("target-history-row").allTextContents();
}

test("the example: a correction adds no history row, a new target from 1 April is listed, charted and kept", async () => {
  const { context, page, problems, m } = await open();
  await m.goTo("library");
  await page.getByTestId("library-template").selectOption("example");
  await page.getByTestId("library-create").click();
  await waitForView(page, "scorecard");
  await openKpi(page);
  const target = page.getByTestId("kpi-target-input");
  await expectValue(target, "2", "the example's target");
  await expectVisible(page.getByTestId("target-history-none"));
  await expectCount(page.getByTestId("target-history-row"), 0);

  // Cancel puts the field back and changes nothing.
  await target.fill("3");
  await expectCount(page.getByTestId("target-change-dialog"), 0, "no question while typing");
  await target.press("Enter");
  await expectVisible(page.getByTestId("target-change-dialog"));
  await page.getByTestId("target-change-cancel").click();
  await expectCount(page.getByTestId("target-change-dialog"), 0, "the dialog closed");
  await expectValue(target, "2", "the field put back");

  // A correction: the old target was wrong. Set everywhere, no history row.
  await target.fill("1.75");
  await target.blur();
  const dialog = page.getByTestId("target-change-dialog");
  await expectText(dialog.getByTestId("target-change-old"), "2 hours");
  await expectText(dialog.getByTestId("target-change-new-value"), "1.75 hours");
  await page.getByTestId("target-change-correction").check();
  await expectCount(page.getByTestId("target-change-reason"), 0, "a correction needs no reason");
  await page.getByTestId("target-change-apply").click();
  await expectCount(dialog, 0, "the correction applied");
  await expectValue(target, "1.75");
  await expectText(page.getByTestId("quadrant-organisation").getByTestId("kpi").filter({ hasText: NAME }), /Target: 1.75 hours/);
  await expectVisible(page.getByTestId("target-history-none"));
  await expectCount(page.getByTestId("target-history-row"), 0, "a correction leaves no history row");

  // A new target from a date: the first day of the current month, a reason required.
  await target.fill("1.5");
  await target.press("Enter");
  await expectVisible(dialog);
  await page.getByTestId("target-change-new").check();
  await expectValue(page.getByTestId("target-change-date"), "2026-04-01", "the first day of the current month");
  await expectText(page.getByTestId("target-change-date-hint"), /the first day of April 2026, so the whole month is judged against one target/);
  await page.getByTestId("target-change-apply").click();
  await expectText(page.getByTestId("target-change-error"), /Give the reason/);
  await expectVisible(dialog);
  await page.getByTestId("target-change-reason").fill(REASON);
  assert.deepEqual(await axeProblems(page), [], "axe: the dialog");
  await takeScreenshot(page, "target-change-dialog.png", { width: 1400, height: 1000 });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectVisible(page.getByTestId("target-change-apply"));
  await takeScreenshot(page, "target-change-dialog-narrow.png", { width: 390, height: 844 });
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.getByTestId("target-change-apply").click();
  await expectCount(dialog, 0, "the new target applied");
  await expectValue(target, "1.5");

  // Listed: from 1 April, 1.75 → 1.5 hours, the reason.
  await expectCount(page.getByTestId("target-history-row"), 1, "one change");
  await expectAttribute(page.getByTestId("target-history-row"), "data-date", "2026-04-01");
  await expectText(page.getByTestId("target-history-row"), new RegExp(`^From 1 Apr 2026\\s*1\\.75 hours.*1\\.5 hours\\s*${REASON}$`));

  // The chart: its text alternative names the new target; a measurement of 10 April is
  // charted against it, March's against the (corrected) old one.
  await page.getByTestId("kpi-chart-figure").waitFor();
  await expectAttribute(m.kpiCanvas(), "aria-label", /target 1\.75 hours\. New target 1\.5 hours from 1 Apr 2026\.$/);
  await m.record("2026-04-10", 1.8);
  const rows = await waitUntil(() => chartRows(page), (r) => r.length === 4, "four measurements in the chart's table");
  assert.deepEqual(rows.slice(2), [
    ["31 Mar 2026", "2", "1.75"],
    ["10 Apr 2026", "1.8", "1.5"],
  ]);
  assert.deepEqual(await axeProblems(page), [], "axe: the panel with the history");
  await page.getByTestId("target-history").evaluate((el) => el.scrollIntoView({ block: "center" }));
  await takeScreenshot(page, "target-history.png", { width: 1400, height: 1000 });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("target-history").evaluate((el) => el.scrollIntoView({ block: "center" }));
  await takeScreenshot(page, "target-history-narrow.png", { width: 390, height: 844 });
  await page.setViewportSize({ width: 1400, height: 1000 });

  // Kept: after a reload the history, the target and the chart are as they were.
  await page.locator("[data-testid=saved-indicator][data-state=saved]").waitFor();
  await page.reload();
  await page.getByTestId("app-shell").waitFor({ state: "visible" });
  await waitForView(page, "scorecard");
  await openKpi(page);
  await expectValue(page.getByTestId("kpi-target-input"), "1.5", "the target after a reload");
  await expectCount(page.getByTestId("target-history-row"), 1, "the change after a reload");
  await expectText(page.getByTestId("target-history-row"), new RegExp(REASON));
  await page.getByTestId("kpi-chart-figure").waitFor();
  await waitUntil(
    () => chartRows(page),
    (r) => r.length === 4 && r[3].join("|") === "10 Apr 2026|1.8|1.5",
    "the chart's table after a reload",
  );
  assert.deepEqual(await historyRows(page).then((r) => r.length), 1);
  assert.deepEqual(problems(), []);
  await context.close();
});
