// Monitoring, used as a facilitator would: the article's response-time KPI measured month by
// month through the UI (red → amber → green on the quadrant, the map and the dashboard at
// once, the chart redrawn each time), rows pasted from a spreadsheet, the measurements CSV out
// and back in with a preview, the "as of" date moving statuses back, the chart saved as PNG,
// and the dashboard screenshots for the README. The clock is fixed on 10 April 2026.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { watchedPage } from "./support/browser.mjs";
import { AppPage, Editor, waitForView } from "./support/app-page.mjs";
import { MonitoringPage, RESPONSE_TIME, TODAY } from "./support/monitoring-page.mjs";
import { fixClock, takeScreenshot } from "./support/screenshots.mjs";
import {
  expectAttribute,
  expectCount,
  expectCountAtLeast,
  expectEnabled,
  expectText,
  expectValue,
  waitForValue,
  waitUntil,
} from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const served = servedApp();

async function open({ viewport = { width: 1400, height: 1000 }, colorScheme = "light" } = {}) {
  const context = await served.browser.newContext({ viewport, locale: "en-GB", timezoneId: "Europe/Amsterdam", colorScheme });
  await fixClock(context, new Date(`${TODAY}T10:00:00+02:00`));
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(served.server.url);
  return { context, page, problems, ed: new Editor(page), m: new MonitoringPage(page) };
}

/** Builds the article's sub-objective and response-time KPI; leaves the KPI form open. */
async function buildResponseTime(ed, page) {
  const soId = await ed.addSubObjective("organisation", "Members get answers to content questions quickly");
  await ed.addKpi(RESPONSE_TIME);
  const kpiId = await page.getByTestId("quadrant-organisation").getByTestId("kpi").getAttribute("data-id");
  assert.match(kpiId, /^kpi-/);
  return { soId, kpiId };
}

/**
 * Waits, view by view, until KPI `kpiId` has `status` in its quadrant, on the map and on the
 * dashboard. `all` adds its sub-objective's badge in the quadrant, the dashboard card's badge
 * and the dashboard count; `percent` the score shown on the sub-objective's badge.
 */
async function expectStatusEverywhere(m, soId, kpiId, status, { all = false, subObjective = all, percent } = {}) {
  const after = `(${status})`;
  await m.goTo("scorecard");
  await expectAttribute(m.quadrantKpiBadge(kpiId), "data-status", status, `quadrant KPI ${after}`);
  if (subObjective) {
    await expectAttribute(m.quadrantSubObjectiveStatus(soId), "data-status", status, `quadrant sub-objective ${after}`);
  }
  if (percent) await expectText(m.quadrantSubObjectiveStatus(soId), percent, `quadrant sub-objective's score ${after}`);
  await m.goTo("map");
  await expectAttribute(m.mapSubObjectiveStatus(soId), "data-status", status, `map ${after}`);
  await m.goTo("dashboard");
  await expectAttribute(m.dashboardKpi(kpiId), "data-status", status, `dashboard ${after}`);
  if (all) {
    await expectAttribute(m.dashboardKpi(kpiId).getByTestId("status"), "data-status", status, `dashboard badge ${after}`);
    await waitUntil(() => m.dashboardCounts(), (counts) => counts[status] === 1, `dashboard count ${after}`);
  }
  await m.goTo("scorecard");
}

test("the response time goes red → amber → green on quadrant, map and dashboard, and the chart changes", async () => {
  const { context, page, problems, ed, m } = await open();
  const { soId, kpiId } = await buildResponseTime(ed, page);
  // The chart as first drawn (before any measurement), to see each measurement change it.
  let pixels = await m.kpiChartDrawn();

  const steps = [
    ["2026-01-31", "6", "red", /33(\.3)? %/],
    ["2026-02-28", "3,5", "amber", /75(\.0)? %/],
    ["2026-03-31", "2", "green", /100(\.0)? %/],
  ];
  for (const [date, value, status, percent] of steps) {
    await m.record(date, value);
    pixels = await m.kpiChartChangedFrom(pixels);
    await expectStatusEverywhere(m, soId, kpiId, status, { all: true, percent });
  }
  await waitForValue(
    () => m.measurementRows(),
    [
      ["2026-03-31", "2"],
      ["2026-02-28", "3.5"],
      ["2026-01-31", "6"],
    ],
    "the measurement table",
  );

  // The dashboard: the overall and organisation scores, the KPI card with latest and target.
  await m.goTo("dashboard");
  const card = m.dashboardKpi(kpiId);
  await expectText(card.getByTestId("dashboard-kpi-latest"), "2 hours");
  await expectText(card.getByTestId("dashboard-kpi-target"), "≤ 2 hours");
  await expectAttribute(page.getByTestId("dashboard-overall"), "data-status", "green");
  await expectAttribute(page.locator("[data-testid=dashboard-factor][data-factor=organisation]"), "data-status", "green");
  // The charts have a text alternative.
  await expectAttribute(page.getByTestId("dashboard-trend").locator("canvas"), "aria-label", /Factor scores/);
  await expectCount(page.getByTestId("dashboard-bars").getByTestId("chart-data-table"), 1);
  // Clicking the card opens the KPI in the side panel.
  await ed.closePanel();
  await card.click();
  await expectValue(page.getByTestId("kpi-name-input"), RESPONSE_TIME.name);
  await waitUntil(() => card.getAttribute("class"), (c) => c.split(/\s+/).includes("is-selected"), "the card marked selected");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the as-of date moves every status back and shows a banner", async () => {
  const { context, page, problems, ed, m } = await open();
  const { soId, kpiId } = await buildResponseTime(ed, page);
  for (const [date, value] of [["2026-01-31", "6"], ["2026-02-28", "3.5"], ["2026-03-31", "2"]]) await m.record(date, value);
  await expectCount(m.t("measurement-row"), 3, "the three measurements");
  await expectValue(m.t("as-of"), TODAY);
  assert.equal(await m.t("as-of-banner").count(), 0, "no as-of banner on today");
  await expectStatusEverywhere(m, soId, kpiId, "green");
  const before = await m.kpiChartDrawn();

  // Back to before the last measurement: amber everywhere, the banner says so.
  await m.setAsOf("2026-03-15");
  await m.t("as-of-banner").waitFor();
  await expectText(m.t("as-of-banner"), /Showing the scorecard as of 15 March 2026/);
  await expectStatusEverywhere(m, soId, kpiId, "amber", { subObjective: true });
  await m.goTo("dashboard");
  await expectText(m.t("dashboard-as-of"), /15 March 2026/);
  await expectText(m.dashboardKpi(kpiId).getByTestId("dashboard-kpi-latest"), "3.5 hours");
  await m.goTo("scorecard");
  await m.kpiChartChangedFrom(before);

  // In Dutch the banner follows the language.
  await page.getByTestId("lang-nl").click();
  await expectText(m.t("as-of-banner"), /15 maart 2026/);
  await page.getByTestId("lang-en").click();
  await expectText(m.t("as-of-banner"), /15 March 2026/);

  // Further back, before any measurement: grey.
  await m.setAsOf("2026-01-15");
  await expectStatusEverywhere(m, soId, kpiId, "grey");

  // "Today" puts it back.
  await m.t("as-of-today").click();
  await expectValue(m.t("as-of"), TODAY);
  await m.t("as-of-banner").waitFor({ state: "detached" });
  await expectStatusEverywhere(m, soId, kpiId, "green");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("pasted rows are previewed; nothing is applied while a row is bad; applying is one undo step", async () => {
  const { context, page, problems, ed, m } = await open();
  const { kpiId } = await buildResponseTime(ed, page);

  // Tab-separated, Dutch notation, a header line, two bad rows.
  await m.openPaste();
  await m.pasteText("Datum\tWaarde\tOpmerking\n31-1-2026\t6\n28-2-2026\t3,5\tna de training\n32-3-2026\t4\n31-3-2026\ttien\n");
  const previewOk = (ok) =>
    waitUntil(
      () => m.previewRows("paste-preview"),
      (rows) => JSON.stringify(rows.map((r) => r.ok)) === JSON.stringify(ok),
      `the paste preview's rows read ${JSON.stringify(ok)}`,
    );
  let rows = await previewOk([true, true, false, false]);
  assert.match(rows[1].text, /28 Feb 2026.*3\.5.*na de training/);
  assert.match(rows[2].text, /^4.*date/i, "the error names the line and the column");
  assert.match(rows[3].text, /value.*tien/i);
  await expectAttribute(m.t("import-summary"), "data-bad", "2");
  await expectEnabled(m.t("paste-apply"), false);
  assert.equal(await m.measurementCount(), 0);

  // Skipping the bad rows applies the two good ones, as one undo step.
  await m.t("paste-skip-bad").check();
  await expectEnabled(m.t("paste-apply"), true);
  await m.t("paste-apply").click();
  await m.t("paste-dialog").waitFor({ state: "detached" });
  await waitForValue(
    () => m.measurementRows(),
    [
      ["2026-02-28", "3.5"],
      ["2026-01-31", "6"],
    ],
    "the pasted measurements",
  );
  await expectAttribute(m.quadrantKpiBadge(kpiId), "data-status", "amber");
  await m.t("undo").click();
  await expectAttribute(m.quadrantKpiBadge(kpiId), "data-status", "grey");
  await expectCount(m.t("measurement-row"), 0, "measurements after undoing the paste");
  await m.t("redo").click();
  await expectCount(m.t("measurement-row"), 2, "measurements after redoing the paste");

  // Semicolon-separated, English notation: a bad row blocks until it is corrected.
  await m.openPaste();
  await m.pasteText("2026-03-15;3.5\n2026-04-07;2;O'Neil: \"answered within the hour\"\n2026-02-30;2.5");
  await previewOk([true, true, false]);
  await expectEnabled(m.t("paste-apply"), false);
  await m.pasteText("2026-03-15;3.5\n2026-04-07;2;O'Neil: \"answered within the hour\"\n31-03-2026;2.5");
  await previewOk([true, true, true]);
  await expectEnabled(m.t("paste-apply"), true);
  assert.equal(await m.t("paste-skip-bad").count(), 0, "nothing to skip");
  await m.t("paste-apply").click();
  await m.t("paste-dialog").waitFor({ state: "detached" });
  // The five measurements, newest first, with their notes (the quoted one as pasted).
  await waitForValue(
    () => m.measurementTable(),
    [
      ["2026-04-07", "2", 'O\'Neil: "answered within the hour"'],
      ["2026-03-31", "2.5", ""],
      ["2026-03-15", "3.5", ""],
      ["2026-02-28", "3.5", "na de training"],
      ["2026-01-31", "6", ""],
    ],
    "the measurement table after the second paste",
  );
  await expectAttribute(m.quadrantKpiBadge(kpiId), "data-status", "green");
  // One undo takes the whole paste back.
  await m.t("undo").click();
  await expectCount(m.t("measurement-row"), 2, "measurements after undoing the second paste");

  // Cancel and Escape apply nothing.
  await m.openPaste();
  await m.pasteText("2026-04-09;1");
  await previewOk([true]);
  await page.keyboard.press("Escape");
  await m.t("paste-dialog").waitFor({ state: "detached" });
  assert.equal(await m.measurementCount(), 2);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("measurements go out as CSV with the documented header and come back in through a preview", async () => {
  const { context, page, problems, ed, m } = await open();
  const { kpiId } = await buildResponseTime(ed, page);
  await m.record("2026-01-31", "6");
  await m.record("2026-02-28", "3,5", "after the training; finally");

  const download = await m.exportCsv();
  const slug = (await slugOfTitle(page)) || "scorecard";
  assert.equal(download.suggestedFilename(), `${slug}-measurements-${TODAY}.csv`);
  const text = await readFile(await download.path(), "utf8");
  const lines = text.split("\r\n");
  assert.equal(lines[0], "\uFEFFkpi_id;kpi_name;date;value;unit;note");
  assert.equal(lines[1], `${kpiId};${RESPONSE_TIME.name};2026-01-31;6;hours;`);
  assert.equal(lines[2], `${kpiId};${RESPONSE_TIME.name};2026-02-28;3.5;hours;"after the training; finally"`);

  // A file with good and bad rows: previewed, nothing applied until the bad rows are skipped.
  const csv = [
    "kpi_id;kpi_name;date;value;unit;note",
    `${kpiId};Response time;2026-02-28;3.5;hours;"after the training; finally"`,
    `${kpiId};Response time;31-3-2026;2;hours;on target`,
    `${kpiId};Response time;2026-01-31;5,5;hours;corrected`,
    `kpi-999;Unknown;2026-03-31;1;hours;`,
    `${kpiId};Response time;2026-04-05;tien;hours;`,
    `${kpiId};Response time;2026-03-31;2.5;hours;`,
  ].join("\r\n");
  await m.openCsvImport();
  await m.chooseCsv("figures.csv", csv);
  const rows = await waitUntil(() => m.previewRows("csv-preview"), (r) => r.length === 6, "the CSV preview's six rows");
  assert.deepEqual(
    rows.map((r) => (r.ok ? r.change : "bad")),
    ["unchanged", "new", "update", "bad", "bad", "bad"],
  );
  assert.match(rows[0].text, /unchanged/);
  assert.match(rows[1].text, /Response time of product management.*31 Mar 2026.*2.*on target.*new/);
  assert.match(rows[2].text, /update of 6/);
  assert.match(rows[3].text, /kpi-999/);
  assert.match(rows[4].text, /tien/);
  await expectAttribute(m.t("import-summary"), "data-bad", "3");
  await expectEnabled(m.t("csv-apply"), false);
  assert.equal(await m.measurementCount(), 2);
  await m.t("csv-skip-bad").check();
  await expectEnabled(m.t("csv-apply"), true);
  await m.t("csv-apply").click();
  await m.t("csv-import-dialog").waitFor({ state: "detached" });
  await waitForValue(
    () => m.measurementRows(),
    [
      ["2026-03-31", "2"],
      ["2026-02-28", "3.5"],
      ["2026-01-31", "5.5"],
    ],
    "the measurements after the import",
  );
  await expectAttribute(m.quadrantKpiBadge(kpiId), "data-status", "green");
  // The import is one undo step.
  await m.t("undo").click();
  await waitForValue(
    () => m.measurementRows(),
    [
      ["2026-02-28", "3.5"],
      ["2026-01-31", "6"],
    ],
    "the measurements after undoing the import",
  );
  assert.deepEqual(problems(), []);
  await context.close();
});

/** The slug the app gives the open scorecard's title. */
async function slugOfTitle(page) {
  const title = (await page.getByTestId("scorecard-title").textContent()).trim();
  return title
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

test("the KPI chart and the dashboard charts are saved as PNG", async () => {
  const { context, page, problems, ed, m } = await open();
  await buildResponseTime(ed, page);
  await m.record("2026-01-31", "6");
  await m.record("2026-02-28", "3.5");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    m.t("kpi-chart").getByTestId("chart-save-png").click(),
  ]);
  assert.equal(download.suggestedFilename(), `response-time-of-product-management-${TODAY}.png`);
  const png = await readFile(await download.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // The canvas is drawn at the device pixel ratio: sharp on HiDPI.
  await m.kpiChartDrawn();
  const size = await m.kpiCanvas().evaluate((c) => [c.width, c.clientWidth]);
  assert.equal(size[0], size[1] * (await page.evaluate(() => devicePixelRatio)));

  await m.goTo("dashboard");
  const [trend] = await Promise.all([
    page.waitForEvent("download"),
    m.t("dashboard-trend").getByTestId("chart-save-png").click(),
  ]);
  assert.match(trend.suggestedFilename(), /\.png$/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("charts are sharp on a HiDPI screen and redraw on resize", async () => {
  const context = await served.browser.newContext({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 2,
    locale: "en-GB",
    timezoneId: "Europe/Amsterdam",
  });
  await fixClock(context, new Date(`${TODAY}T10:00:00+02:00`));
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(served.server.url);
  const m = new MonitoringPage(page);
  await m.goTo("dashboard");
  const canvas = m.t("dashboard-trend").locator("canvas");
  // Drawn (the drawing sizes the canvas) at twice its CSS width.
  const [w, cssW] = await waitUntil(
    () => canvas.evaluate((c) => [c.width, c.clientWidth]),
    ([width, css]) => css > 0 && width === css * 2,
    "the trend chart drawn at 2 device pixels a CSS pixel",
  );
  assert.equal(w, cssW * 2);
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.waitForFunction(
    () => {
      const c = document.querySelector("[data-testid=dashboard-trend] canvas");
      return c.width === c.clientWidth * 2;
    },
    null,
    { timeout: 5000 },
  );
  const [w2] = await canvas.evaluate((c) => [c.width]);
  assert.notEqual(w2, w);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("dashboard screenshots, light and dark, from the article's example", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { context, page, problems, m } = await open({ viewport: { width: 1280, height: 900 }, colorScheme });
    await m.goTo("library");
    await page.getByTestId("library-template").selectOption("example");
    await page.getByTestId("library-create").click();
    await waitForView(page, "scorecard");
    await m.goTo("dashboard");
    await expectCountAtLeast(page.getByTestId("dashboard-kpi"), 5, "the example's KPIs on the dashboard");
    await waitUntil(
      () => m.dashboardCounts(),
      (counts) => counts.green + counts.amber + counts.red >= 3,
      "at least three scored KPIs",
    );
    // Every chart drawn at its size before the picture is taken.
    await m.chartsDrawn(m.t("dashboard"), "the dashboard's charts drawn");
    await takeScreenshot(page, `dashboard-${colorScheme}.png`, { width: 1280, height: 900 });
    if (process.env.SCREENSHOT_SIZES) {
      for (const width of [1024, 1920]) {
        await page.setViewportSize({ width, height: 1000 });
        await m.chartsDrawn(m.t("dashboard"), `the dashboard's charts redrawn at ${width}`);
        await page.screenshot({ path: `/tmp/dashboard-${colorScheme}-${width}.png`, fullPage: true });
      }
    }
    assert.deepEqual(problems(), []);
    await context.close();
  }
});
