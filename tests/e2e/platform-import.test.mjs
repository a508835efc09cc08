// Importing platform exports, as a social media manager would on 10 April 2026: two real
// Meta Business Suite files (daily content interactions and Facebook reach, UTF-16) dropped
// on the page and a real LinkedIn page content export (.xls) chosen in the dialog; the
// preview per file; one Apply (one undo step); then calculated engagement rates per month
// from the new series; the same file again changes nothing; a day/month question answered;
// a file that is not an export refused; and all of it after a reload.
//
// The monthly figures were read off the fixtures with python3 (csv, xlrd), not by the app:
// LinkedIn January 2026: clicks 35 + reactions 2 + comments 0 + reposts 0 = 37 on 323
// impressions = 11.46 %; February 2026: 1 + 4 = 5 on 126 = 3.97 %. Facebook January 2025:
// 66 content interactions on a reach of 1,450 = 4.55 %; February 2025: 89 on 3,541 = 2.51 %.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { watchedPage } from "./support/browser.mjs";
import { AppPage, Editor, showView } from "./support/app-page.mjs";
import { TODAY } from "./support/monitoring-page.mjs";
import { fixClock, takeScreenshot } from "./support/screenshots.mjs";
import { expectAttribute, expectCount, expectText, expectValue } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const FIXTURES = new URL("../fixtures/platforms/", import.meta.url);
const META_INTERACTIONS = "meta/daily_content_interactions_a_utf16_oigetit.csv";
const META_REACH = "meta/fb_daily_reach_utf16_oigetit.csv";
const LINKEDIN = "linkedin/doorly_content_1774355108388.xls";

const served = servedApp();

function fixture(path) {
  return { name: path.split("/").pop(), bytes: readFileSync(new URL(path, FIXTURES)) };
}

async function open() {
  const context = await served.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "en-GB", timezoneId: "Europe/Amsterdam" });
  await fixClock(context, new Date(`${TODAY}T10:00:00+02:00`));
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(served.server.url);
  return { context, page, problems, ed: new Editor(page) };
}

/** Drops `files` ({ name, bytes }) on the page, as dragging them from the desktop does. */
async function drop(page, files) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const [name, base64] of list) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name));
    }
    return dt;
  }, files.map((f) => [f.name, f.bytes.toString("base64")]));
  await page.dispatchEvent("body", "dragenter", { dataTransfer });
  await page.dispatchEvent("body", "drop", { dataTransfer });
}

/** Chooses `files` in the import dialog's file picker. */
async function choose(page, files) {
  await page.getByTestId("pi-file-input").setInputFiles(files.map((f) => ({ name: f.name, mimeType: "application/octet-stream", buffer: f.bytes })));
}

function fileCard(page, name) {
  return page.locator(`[data-testid=pi-file][data-name="${name}"]`);
}

function metricRow(page, key) {
  return page.locator(`[data-testid=pi-metric][data-key="${key}"]`);
}

/** Adds a calculated KPI with `formula` to the open sub-objective; returns nothing. */
async function addCalculatedKpi(page, name, formula) {
  await page.getByTestId("sub-objective-kpis-add").click();
  await page.getByTestId("kpi-name-input").fill(name);
  await page.getByTestId("kpi-kind-calculated").click();
  await page.getByTestId("kpi-formula").fill(formula);
  await expectAttribute(page.getByTestId("kpi-formula"), "aria-invalid", "false", `${name}: the formula reads`);
}

test("Meta and LinkedIn exports become series in one step; engagement rates per month; re-import changes nothing", async () => {
  const { context, page, problems, ed } = await open();
  await showView(page, "data");
  await expectText(page.getByTestId("series-count"), "0");

  // Two Meta files dropped on the page open the import with their previews.
  await drop(page, [fixture(META_INTERACTIONS), fixture(META_REACH)]);
  const dialog = page.getByTestId("platform-import-dialog");
  await dialog.waitFor();
  await expectCount(page.getByTestId("pi-file"), 2, "both Meta files in the dialog");
  await expectAttribute(fileCard(page, "fb_daily_reach_utf16_oigetit.csv"), "data-platform", "facebook");
  await expectAttribute(fileCard(page, "fb_daily_reach_utf16_oigetit.csv").getByTestId("pi-file-facts"), "data-first", "2025-01-01");
  await expectAttribute(fileCard(page, "fb_daily_reach_utf16_oigetit.csv").getByTestId("pi-file-facts"), "data-last", "2025-04-15");
  await expectAttribute(metricRow(page, "facebook_reach"), "data-new", "105", "105 days of reach, all new");
  await expectAttribute(metricRow(page, "facebook_content_interactions"), "data-new", "105");
  await expectAttribute(metricRow(page, "facebook_reach"), "data-target", "new", "a new series proposed");

  // The LinkedIn spreadsheet chosen in the dialog: 19 metric columns of 90 days.
  await choose(page, [fixture(LINKEDIN)]);
  await expectCount(page.getByTestId("pi-file"), 3, "the LinkedIn file added");
  const linkedin = fileCard(page, "doorly_content_1774355108388.xls");
  await expectAttribute(linkedin, "data-platform", "linkedin");
  await expectCount(linkedin.getByTestId("pi-metric"), 19, "LinkedIn's metric columns");
  await expectAttribute(metricRow(page, "linkedin_impressions"), "data-new", "90");
  await expectAttribute(page.getByTestId("pi-summary"), "data-new", String(105 + 105 + 19 * 90), "every point new");
  // Nothing has changed before Apply.
  await expectText(page.getByTestId("series-count"), "0");
  await takeScreenshot(page, "platform-import.png", { width: 1400, height: 1000 });

  // Apply: one undo step.
  await page.getByTestId("pi-apply").click();
  await dialog.waitFor({ state: "detached" });
  await expectText(page.getByTestId("series-count"), "21", "2 Meta + 19 LinkedIn series");
  await page.getByTestId("undo").click();
  await expectText(page.getByTestId("series-count"), "0", "one undo takes the whole import back");
  await page.getByTestId("redo").click();
  await expectText(page.getByTestId("series-count"), "21", "and redo brings it again");

  // Engagement rates per month, calculated from the imported series.
  await showView(page, "scorecard");
  await ed.addSubObjective("medium", "Engage our audience");
  await addCalculatedKpi(page, "LinkedIn engagement rate",
    "(linkedin_clicks + linkedin_reactions + linkedin_comments + linkedin_reposts) / linkedin_impressions * 100");
  // The KPI chart's table lists every month (the preview shows only the last three).
  const table = () => page.getByTestId("kpi-chart").getByTestId("chart-data-table");
  await page.getByTestId("kpi-chart-figure").waitFor();
  await expectText(table(), /31 Jan 2026\s*11\.46/, "LinkedIn January: 37 ÷ 323");
  await expectText(table(), /28 Feb 2026\s*3\.97/, "LinkedIn February: 5 ÷ 126");
  await ed.closePanel();
  await page.getByTestId("quadrant-medium").getByTestId("sub-objective").first().click();
  await addCalculatedKpi(page, "Facebook engagement rate", "facebook_content_interactions / facebook_reach * 100");
  await page.getByTestId("kpi-chart-figure").waitFor();
  await expectText(table(), /31 Jan 2025\s*4\.55/, "Facebook January: 66 ÷ 1,450");
  await expectText(table(), /28 Feb 2025\s*2\.51/, "Facebook February: 89 ÷ 3,541");
  await ed.closePanel();

  // Next month's LinkedIn file again, into its series: every column is remembered, every
  // point already there; nothing to apply.
  await showView(page, "data");
  await page.locator("[data-testid=series-row][data-key=linkedin_impressions]").getByTestId("series-open").click();
  await expectCount(page.getByTestId("series-source"), 1, "the column the series is filled from");
  await expectText(page.getByTestId("series-source"), /LinkedIn · Impressions \(total\)/);
  await page.getByTestId("series-import-file").click();
  await dialog.waitFor();
  await choose(page, [fixture(LINKEDIN)]);
  await expectAttribute(metricRow(page, "linkedin_impressions"), "data-unchanged", "90", "the same 90 days");
  await expectAttribute(metricRow(page, "linkedin_impressions"), "data-target", /^s:ser-/, "into its series");
  await expectText(metricRow(page, "linkedin_impressions").getByTestId("pi-why"), "remembered from an earlier import");
  await expectAttribute(page.getByTestId("pi-summary"), "data-new", "0");
  await expectAttribute(page.getByTestId("pi-summary"), "data-updated", "0");
  await expectText(page.getByTestId("pi-total"), /Nothing to import/);
  assert.equal(await page.getByTestId("pi-apply").isDisabled(), true, "nothing to apply");

  // A picture is not an export: a clear message, nothing to apply.
  await page.getByTestId("pi-file-remove").click();
  await choose(page, [{ name: "logo.png", bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]) }]);
  await expectAttribute(fileCard(page, "logo.png"), "data-state", "error");
  await expectText(fileCard(page, "logo.png").getByTestId("pi-file-error"), /not a text file or a spreadsheet/i);
  assert.equal(await page.getByTestId("pi-apply").isDisabled(), true);

  // Dates that could be either way: the two readings side by side; the answer reads again.
  await page.getByTestId("pi-file-remove").click();
  const ambiguous = "Date,Newsletter sign-ups\n01/02/2025,5\n03/02/2025,7\n05/02/2025,9\n";
  await choose(page, [{ name: "signups.csv", bytes: Buffer.from(ambiguous, "utf8") }]);
  const card = fileCard(page, "signups.csv");
  await card.getByTestId("pi-date-question").waitFor();
  // Slashes read month first (as US-made files write them) until the user says otherwise.
  await expectAttribute(card.getByTestId("pi-file-facts"), "data-first", "2025-01-02", "month first until answered");
  await expectAttribute(card.getByTestId("pi-file-facts"), "data-last", "2025-05-02");
  await expectAttribute(card.getByTestId("pi-date-question"), "data-answered", "false");
  await card.getByTestId("pi-order-day-first").check();
  await expectAttribute(card.getByTestId("pi-file-facts"), "data-first", "2025-02-01", "day first as chosen");
  await expectAttribute(card.getByTestId("pi-file-facts"), "data-last", "2025-02-05");
  await expectAttribute(card.getByTestId("pi-date-question"), "data-answered", "true");
  await page.getByTestId("pi-cancel").click();
  await dialog.waitFor({ state: "detached" });
  await expectText(page.getByTestId("series-count"), "21", "cancel changed nothing");

  // Kept: after a reload the series and what fills them are back.
  await page.reload();
  await page.getByTestId("app-shell").waitFor();
  await showView(page, "data");
  await expectText(page.getByTestId("series-count"), "21", "after a reload");
  await page.locator("[data-testid=series-row][data-key=facebook_reach]").getByTestId("series-open").click();
  await expectValue(page.getByTestId("series-key"), "facebook_reach");
  await expectText(page.getByTestId("series-source"), /Facebook · Facebook reach/);

  // Rows pasted from a US-made sheet: the 30 in "7/30/2025" shows the column is month first,
  // so "8/1/2025" is 1 August, not 8 January (the order is decided for the column).
  await page.getByTestId("series-paste-input").fill("8/1/2025\t5\n7/30/2025\t6");
  await expectAttribute(page.getByTestId("series-paste-preview"), "data-bad", "0", "both rows read");
  await expectAttribute(page.getByTestId("series-paste-preview"), "data-new", "2", "two new days (8 January is there already: read that way, one would be an update)");
  await page.getByTestId("series-paste-apply").click();
  await page.locator("[data-testid=series-point-row][data-date='2025-08-01']").waitFor();
  await page.locator("[data-testid=series-point-row][data-date='2025-07-30']").waitFor();
  assert.deepEqual(problems(), []);
  await context.close();
});
