// Monitoring, used as a facilitator would: the article's response-time KPI measured month by
// month through the UI (red → amber → green on the quadrant, the map and the dashboard at
// once, the chart redrawn each time), rows pasted from a spreadsheet, the measurements CSV out
// and back in with a preview, the "as of" date moving statuses back, the chart saved as PNG,
// and the dashboard screenshots for the README. The clock is fixed on 10 April 2026.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { serveDist } from "./support/server.mjs";
import { launch, watchedPage } from "./support/browser.mjs";
import { AppPage, Editor } from "./support/app-page.mjs";
import { MonitoringPage, RESPONSE_TIME, TODAY } from "./support/monitoring-page.mjs";

let server;
let browser;

before(async () => {
  // SMSC_DIST: serve another build folder than dist/ (e.g. `trunk build --dist /tmp/x`).
  server = await serveDist(process.env.SMSC_DIST ? { root: process.env.SMSC_DIST } : undefined);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open({ viewport = { width: 1400, height: 1000 }, colorScheme = "light" } = {}) {
  const context = await browser.newContext({ viewport, locale: "en-GB", timezoneId: "Europe/Amsterdam", colorScheme });
  await context.clock.setFixedTime(new Date(`${TODAY}T10:00:00+02:00`));
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(server.url);
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

async function statusEverywhere(m, soId, kpiId) {
  await m.goTo("scorecard");
  const quadrantKpi = await m.quadrantKpiStatus(kpiId);
  const quadrantSo = await m.quadrantSubObjectiveStatus(soId).getAttribute("data-status");
  const quadrantText = (await m.quadrantSubObjectiveStatus(soId).textContent()).trim();
  await m.goTo("map");
  const map = await m.mapSubObjectiveStatus(soId).getAttribute("data-status");
  await m.goTo("dashboard");
  const dashboard = await m.dashboardKpi(kpiId).getAttribute("data-status");
  const dashboardBadge = await m.dashboardKpi(kpiId).getByTestId("status").getAttribute("data-status");
  const counts = await m.dashboardCounts();
  await m.goTo("scorecard");
  return { quadrantKpi, quadrantSo, quadrantText, map, dashboard, dashboardBadge, counts };
}

test("the response time goes red → amber → green on quadrant, map and dashboard, and the chart changes", async () => {
  const { context, page, problems, ed, m } = await open();
  const { soId, kpiId } = await buildResponseTime(ed, page);
  await m.kpiCanvas().waitFor();
  let pixels = await m.kpiChartPixels();

  const steps = [
    ["2026-01-31", "6", "red", /33(\.3)? %/],
    ["2026-02-28", "3,5", "amber", /75(\.0)? %/],
    ["2026-03-31", "2", "green", /100(\.0)? %/],
  ];
  for (const [date, value, status, percent] of steps) {
    await m.record(date, value);
    pixels = await m.kpiChartChangedFrom(pixels);
    const seen = await statusEverywhere(m, soId, kpiId);
    assert.equal(seen.quadrantKpi, status, `quadrant KPI after ${value}`);
    assert.equal(seen.quadrantSo, status, `quadrant sub-objective after ${value}`);
    assert.match(seen.quadrantText, percent);
    assert.equal(seen.map, status, `map after ${value}`);
    assert.equal(seen.dashboard, status, `dashboard after ${value}`);
    assert.equal(seen.dashboardBadge, status);
    assert.equal(seen.counts[status], 1);
  }
  assert.deepEqual(await m.measurementRows(), [
    ["2026-03-31", "2"],
    ["2026-02-28", "3.5"],
    ["2026-01-31", "6"],
  ]);

  // The dashboard: the overall and organisation scores, the KPI card with latest and target.
  await m.goTo("dashboard");
  const card = m.dashboardKpi(kpiId);
  assert.equal((await card.getByTestId("dashboard-kpi-latest").textContent()).trim(), "2 hours");
  assert.equal((await card.getByTestId("dashboard-kpi-target").textContent()).trim(), "≤ 2 hours");
  assert.equal(await page.getByTestId("dashboard-overall").getAttribute("data-status"), "green");
  assert.equal(
    await page.locator("[data-testid=dashboard-factor][data-factor=organisation]").getAttribute("data-status"),
    "green",
  );
  // The charts have a text alternative.
  assert.match(await page.getByTestId("dashboard-trend").locator("canvas").getAttribute("aria-label"), /Factor scores/);
  assert.equal(await page.getByTestId("dashboard-bars").getByTestId("chart-data-table").count(), 1);
  // Clicking the card opens the KPI in the side panel.
  await ed.closePanel();
  await card.click();
  assert.equal(await page.getByTestId("kpi-name-input").inputValue(), RESPONSE_TIME.name);
  assert.equal(await card.getAttribute("class").then((c) => c.includes("is-selected")), true);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the as-of date moves every status back and shows a banner", async () => {
  const { context, page, problems, ed, m } = await open();
  const { soId, kpiId } = await buildResponseTime(ed, page);
  for (const [date, value] of [["2026-01-31", "6"], ["2026-02-28", "3.5"], ["2026-03-31", "2"]]) await m.record(date, value);
  assert.equal(await m.t("as-of").inputValue(), TODAY);
  assert.equal(await m.t("as-of-banner").count(), 0);
  let seen = await statusEverywhere(m, soId, kpiId);
  assert.deepEqual([seen.quadrantKpi, seen.map, seen.dashboard], ["green", "green", "green"]);
  const before = await m.kpiChartPixels();

  // Back to before the last measurement: amber everywhere, the banner says so.
  await m.setAsOf("2026-03-15");
  await m.t("as-of-banner").waitFor();
  assert.match(await m.t("as-of-banner").textContent(), /Showing the scorecard as of 15 March 2026/);
  seen = await statusEverywhere(m, soId, kpiId);
  assert.deepEqual([seen.quadrantKpi, seen.quadrantSo, seen.map, seen.dashboard], ["amber", "amber", "amber", "amber"]);
  await m.goTo("dashboard");
  assert.match(await m.t("dashboard-as-of").textContent(), /15 March 2026/);
  assert.equal((await m.dashboardKpi(kpiId).getByTestId("dashboard-kpi-latest").textContent()).trim(), "3.5 hours");
  await m.goTo("scorecard");
  await m.kpiChartChangedFrom(before);

  // In Dutch the banner follows the language.
  await page.getByTestId("lang-nl").click();
  assert.match(await m.t("as-of-banner").textContent(), /15 maart 2026/);
  await page.getByTestId("lang-en").click();

  // Further back, before any measurement: grey.
  await m.setAsOf("2026-01-15");
  seen = await statusEverywhere(m, soId, kpiId);
  assert.deepEqual([seen.quadrantKpi, seen.map, seen.dashboard], ["grey", "grey", "grey"]);

  // "Today" puts it back.
  await m.t("as-of-today").click();
  assert.equal(await m.t("as-of").inputValue(), TODAY);
  assert.equal(await m.t("as-of-banner").count(), 0);
  seen = await statusEverywhere(m, soId, kpiId);
  assert.deepEqual([seen.quadrantKpi, seen.map, seen.dashboard], ["green", "green", "green"]);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("pasted rows are previewed; nothing is applied while a row is bad; applying is one undo step", async () => {
  const { context, page, problems, ed, m } = await open();
  const { kpiId } = await buildResponseTime(ed, page);

  // Tab-separated, Dutch notation, a header line, two bad rows.
  await m.openPaste();
  await m.pasteText("Datum\tWaarde\tOpmerking\n31-1-2026\t6\n28-2-2026\t3,5\tna de training\n32-3-2026\t4\n31-3-2026\ttien\n");
  let rows = await m.previewRows("paste-preview");
  assert.equal(rows.length, 4);
  assert.deepEqual(rows.map((r) => r.ok), [true, true, false, false]);
  assert.match(rows[1].text, /28 Feb 2026.*3\.5.*na de training/);
  assert.match(rows[2].text, /^4.*date/i, "the error names the line and the column");
  assert.match(rows[3].text, /value.*tien/i);
  assert.equal(await m.t("import-summary").getAttribute("data-bad"), "2");
  assert.equal(await m.t("paste-apply").isDisabled(), true);
  assert.equal(await m.measurementCount(), 0);

  // Skipping the bad rows applies the two good ones, as one undo step.
  await m.t("paste-skip-bad").check();
  assert.equal(await m.t("paste-apply").isEnabled(), true);
  await m.t("paste-apply").click();
  await m.t("paste-dialog").waitFor({ state: "detached" });
  assert.deepEqual(await m.measurementRows(), [
    ["2026-02-28", "3.5"],
    ["2026-01-31", "6"],
  ]);
  assert.equal(await m.quadrantKpiStatus(kpiId), "amber");
  await m.t("undo").click();
  assert.equal(await m.measurementCount(), 0);
  assert.equal(await m.quadrantKpiStatus(kpiId), "grey");
  await m.t("redo").click();
  assert.equal(await m.measurementCount(), 2);

  // Semicolon-separated, English notation: a bad row blocks until it is corrected.
  await m.openPaste();
  await m.pasteText("2026-03-15;3.5\n2026-04-07;2;O'Neil: \"answered within the hour\"\n03/31/2026;2.5");
  rows = await m.previewRows("paste-preview");
  assert.deepEqual(rows.map((r) => r.ok), [true, true, false]);
  assert.equal(await m.t("paste-apply").isDisabled(), true);
  await m.pasteText("2026-03-15;3.5\n2026-04-07;2;O'Neil: \"answered within the hour\"\n31-03-2026;2.5");
  rows = await m.previewRows("paste-preview");
  assert.deepEqual(rows.map((r) => r.ok), [true, true, true]);
  assert.equal(await m.t("paste-skip-bad").count(), 0);
  await m.t("paste-apply").click();
  assert.equal(await m.measurementCount(), 5);
  assert.equal(await m.quadrantKpiStatus(kpiId), "green");
  assert.match(await page.getByTestId("measurement-table").textContent(), /./);
  const notes = await page
    .getByTestId("measurement-row")
    .evaluateAll((rs) => rs.map((r) => r.querySelectorAll("input[type=text]")[1].value));
  assert.ok(notes.includes('O\'Neil: "answered within the hour"'));
  // One undo takes the whole paste back.
  await m.t("undo").click();
  assert.equal(await m.measurementCount(), 2);

  // Cancel and Escape apply nothing.
  await m.openPaste();
  await m.pasteText("2026-04-09;1");
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
  const rows = await m.previewRows("csv-preview");
  assert.deepEqual(
    rows.map((r) => (r.ok ? r.change : "bad")),
    ["unchanged", "new", "update", "bad", "bad", "bad"],
  );
  assert.match(rows[0].text, /unchanged/);
  assert.match(rows[1].text, /Response time of product management.*31 Mar 2026.*2.*on target.*new/);
  assert.match(rows[2].text, /update of 6/);
  assert.match(rows[3].text, /kpi-999/);
  assert.match(rows[4].text, /tien/);
  assert.equal(await m.t("import-summary").getAttribute("data-bad"), "3");
  assert.equal(await m.t("csv-apply").isDisabled(), true);
  assert.equal(await m.measurementCount(), 2);
  await m.t("csv-skip-bad").check();
  await m.t("csv-apply").click();
  await m.t("csv-import-dialog").waitFor({ state: "detached" });
  assert.deepEqual(await m.measurementRows(), [
    ["2026-03-31", "2"],
    ["2026-02-28", "3.5"],
    ["2026-01-31", "5.5"],
  ]);
  assert.equal(await m.quadrantKpiStatus(kpiId), "green");
  // The import is one undo step.
  await m.t("undo").click();
  assert.deepEqual(await m.measurementRows(), [
    ["2026-02-28", "3.5"],
    ["2026-01-31", "6"],
  ]);
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
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 2,
    locale: "en-GB",
    timezoneId: "Europe/Amsterdam",
  });
  await context.clock.setFixedTime(new Date(`${TODAY}T10:00:00+02:00`));
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(server.url);
  const m = new MonitoringPage(page);
  await m.goTo("dashboard");
  const canvas = m.t("dashboard-trend").locator("canvas");
  const [w, cssW] = await canvas.evaluate((c) => [c.width, c.clientWidth]);
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
    await page.getByTestId("quadrants").waitFor();
    await m.goTo("dashboard");
    assert.ok((await page.getByTestId("dashboard-kpi").count()) >= 5);
    const counts = await m.dashboardCounts();
    assert.ok(counts.green + counts.amber + counts.red >= 3, JSON.stringify(counts));
    await page.waitForTimeout(200);
    await page.screenshot({ path: `docs/screenshots/dashboard-${colorScheme}.png` });
    if (process.env.SCREENSHOT_SIZES) {
      for (const width of [1024, 1920]) {
        await page.setViewportSize({ width, height: 1000 });
        await page.waitForTimeout(200);
        await page.screenshot({ path: `/tmp/dashboard-${colorScheme}-${width}.png`, fullPage: true });
      }
    }
    assert.deepEqual(problems(), []);
    await context.close();
  }
});
