// The one-page report, on 10 April 2026 with the article's example: commentary for March is
// written for the red "Active members" KPI in its panel, the report of March (the last
// month that is over, its default) lists it with the commentary and the other red and amber
// KPIs, and the page printed to PDF (Chromium's print-to-PDF, the engine behind the print
// dialog's "Save as PDF") is ONE A4 page in portrait and in landscape whose text (pdftotext)
// holds the commentary, the KPI names and the month. In Dutch the headings are Dutch; "Copy
// as text" puts the e-mail text on the clipboard; axe finds no serious problem.
//
// March's scores (worked out by hand in tests/report.rs): overall 77.6 % at risk, ▲ +28.8
// points against February; red: the three objectives' KPIs, "Members recommending products"
// and "Active members"; amber: the engagement rate.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { watchedPage } from "./support/browser.mjs";
import { AppPage } from "./support/app-page.mjs";
import { StoragePage } from "./support/storage-page.mjs";
import { axeProblems } from "./support/axe.mjs";
import { pageSize, printed, words } from "./support/pdf.mjs";
import { SCRATCH_SCREENSHOTS, checkScreenshot, fixClock, screenshotPath } from "./support/screenshots.mjs";
import { expectAttribute, expectCount, expectText, expectValue } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const served = servedApp();

const ANALYSIS = "Fewer members posted after the forum moved.";
const ACTION = "Invite the 40 most active members to the new forum.";

/** A look at the whole window, never for the docs: always in tests/e2e/artifacts/screenshots/. */
async function scratchScreenshot(page, name, size) {
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(SCRATCH_SCREENSHOTS, { recursive: true });
  const path = join(SCRATCH_SCREENSHOTS, name);
  await page.screenshot({ path, animations: "disabled", caret: "hide" });
  checkScreenshot(path, size);
}

/**
 * The sheet alone, for the docs (docs/screenshots/ with UPDATE_SCREENSHOTS=1): the landscape
 * sheet is wider than the view beside the coach, so the page's own screenshot would cut it.
 */
async function sheetScreenshot(page, name) {
  await page.locator("[data-testid=saved-indicator][data-state=saved]").waitFor();
  await page.evaluate(() => document.fonts.ready);
  const path = screenshotPath(name);
  // Wide enough for the landscape sheet beside the coach (the view scrolls it otherwise).
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1900, height: viewport.height });
  await page.getByTestId("report-page").screenshot({ path, animations: "disabled", caret: "hide" });
  await page.setViewportSize(viewport);
  const { width, height } = checkScreenshot(path);
  return { width, height };
}

test("the report of March lists the red KPI with its commentary, on one A4 page either way", async () => {
  const context = await served.browser.newContext({
    viewport: { width: 1400, height: 1000 },
    locale: "en-GB",
    timezoneId: "Europe/Amsterdam",
    bypassCSP: true,
    permissions: ["clipboard-read", "clipboard-write"],
  });
  await fixClock(context);
  const { page, problems } = await watchedPage(context);
  const s = new StoragePage(page);
  await new AppPage(page).open(served.server.url);
  await s.create("example");

  // Commentary for March in the KPI panel of "Active members" (red: 24 % of 15 → 30 %).
  await page.locator("[data-testid=sub-objective][data-id=so-27]").click();
  await page.getByTestId("sub-objective-kpis").getByTestId("open-child").filter({ hasText: "Active members" }).click();
  await page.getByTestId("kpi-review").waitFor();
  await page.getByTestId("kpi-analysis-input").fill(ANALYSIS);
  await page.getByTestId("kpi-action-input").fill(ACTION);
  await page.getByTestId("kpi-action-input").press("Tab");
  await page.locator("[data-testid=saved-indicator][data-state=saved]").waitFor();

  // The header's Report button opens the report of March.
  await page.getByTestId("report-open").click();
  const view = page.getByTestId("report-view");
  await view.waitFor();
  await expectValue(page.getByTestId("report-period"), "2026-03", "March by default (the last month that is over)");
  const report = page.getByTestId("report-page");
  await expectText(report.getByTestId("report-period-label"), "March 2026", "the month on the page");
  await expectText(report.getByTestId("report-overall"), /77\.6 %.*At risk.*▲ \+28\.8 points/s, "the overall score and its change");
  await expectCount(report.getByTestId("report-factor"), 4, "the four factors");
  const kpis = report.getByTestId("report-kpi");
  await expectCount(kpis, 6, "five red and one amber KPI");
  const ids = await kpis.evaluateAll((els) => els.map((e) => `${e.dataset.id}:${e.dataset.status}`));
  assert.deepEqual(ids, ["kpi-1:red", "kpi-4:red", "kpi-7:red", "kpi-13:red", "kpi-28:red", "kpi-32:amber"], "red first, in the scorecard's order");
  const active = report.locator("[data-testid=report-kpi][data-id=kpi-28]");
  await expectText(active, new RegExp(`${ANALYSIS}.*${ACTION}`, "s"), "the commentary under the KPI");
  await expectText(active, /▲ \+2 % against February 2026/, "its change");
  await expectText(report.getByTestId("report-summary"), /No review of March 2026 recorded yet\./, "no review yet");
  assert.equal(await report.getByTestId("report-chart").getAttribute("role"), "img", "the chart is an image with a text");

  // Portrait: one A4 page (595 × 842 pt) with the commentary, the KPI names and the month.
  await page.getByTestId("report-orientation").selectOption("portrait");
  await expectAttribute(report, "data-orientation", "portrait", "portrait chosen");
  await scratchScreenshot(page, "report-portrait-screen.png", { width: 1400, height: 1000 });
  const upright = await sheetScreenshot(page, "report-portrait.png");
  assert.ok(upright.height > upright.width, `the portrait sheet stands: ${JSON.stringify(upright)}`);
  let pdf = await printed(page, "report-portrait.pdf");
  assert.match(pdf.info, /^Pages:\s+1$/m, "one page");
  assert.deepEqual(pageSize(pdf.info), [595, 842], "A4 portrait");
  for (const part of [ANALYSIS, ACTION, "Active members (posted or replied in the last 30 days)", "Engagement rate of community posts", "Members recommending products to others", "March 2026", "KPIs off target or at risk", "Community scorecard 2026"]) {
    assert.ok(words(pdf.text).includes(part.toLowerCase()), `the PDF holds “${part}”:\n${pdf.text}`);
  }
  assert.ok(!/Print or save as PDF|Copy as text/.test(pdf.text), "the toolbar is not printed");

  // Landscape: remembered, and printed on a landscape sheet.
  await page.getByTestId("report-orientation").selectOption("landscape");
  await expectAttribute(report, "data-orientation", "landscape", "landscape chosen");
  assert.ok(await report.evaluate((el) => el.classList.contains("report-page--landscape")), "the page's size class follows");
  await scratchScreenshot(page, "report-landscape-screen.png", { width: 1400, height: 1000 });
  const wide = await sheetScreenshot(page, "report-landscape.png");
  assert.ok(wide.width > wide.height, `the landscape sheet lies: ${JSON.stringify(wide)}`);
  pdf = await printed(page, "report-landscape.pdf");
  assert.match(pdf.info, /^Pages:\s+1$/m, "one page in landscape too");
  assert.deepEqual(pageSize(pdf.info), [842, 595], "A4 landscape");
  assert.ok(words(pdf.text).includes(ANALYSIS.toLowerCase()), `the landscape PDF holds the analysis:\n${pdf.text}`);
  await page.reload();
  await page.getByTestId("report-view").waitFor();
  await expectAttribute(page.getByTestId("report-page"), "data-orientation", "landscape", "the orientation is remembered");

  // Copy as text: the e-mail text on the clipboard.
  await page.getByTestId("report-copy-text").click();
  await page.getByTestId("report-copied").waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith("Community scorecard 2026 — Food-supplements company (example)\nOne-page report: March 2026 (Made on 10 April 2026)\n"), copied);
  assert.ok(copied.includes(`Analysis: ${ANALYSIS}\nWhat we do: ${ACTION}\n`), copied);
  assert.ok(copied.includes("Overall: 77.6 % — At risk (▲ +28.8 points)"), copied);

  // Another month: February's report has its own scores.
  await page.getByTestId("report-period").selectOption("2026-02");
  await expectText(page.getByTestId("report-period-label"), "February 2026", "February chosen");
  await expectText(page.getByTestId("report-overall"), /48\.8 %/, "February's overall score (0.4878)");

  assert.deepEqual(await axeProblems(page), [], "no serious accessibility problem");

  // Dutch: the page's headings and the PDF are Dutch.
  await page.getByTestId("report-period").selectOption("2026-03");
  await page.getByTestId("lang-nl").click();
  await expectText(page.getByTestId("report-period-label"), "maart 2026", "the month in Dutch");
  pdf = await printed(page, "report-nl.pdf");
  assert.match(pdf.info, /^Pages:\s+1$/m, "one page in Dutch");
  for (const part of ["Rapport op één pagina", "KPI's uit koers of met risico", "Scores in de tijd", "Review van maart 2026", "Gemaakt op 10 april 2026", ANALYSIS]) {
    assert.ok(words(pdf.text).includes(part.toLowerCase()), `the Dutch PDF holds “${part}”:\n${pdf.text}`);
  }
  assert.ok(!words(pdf.text).includes("kpis off target"), "no English heading left");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the report on a phone and when the clipboard is refused", async () => {
  const context = await served.browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-GB", timezoneId: "Europe/Amsterdam" });
  await fixClock(context);
  // No clipboard at all (as on a page that is not secure): the text is shown to copy by hand.
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
  });
  const { page, problems } = await watchedPage(context);
  const s = new StoragePage(page);
  await new AppPage(page).open(served.server.url);
  await s.create("example");
  await page.goto(`${served.server.url}#report`);
  await page.getByTestId("report-view").waitFor();
  await page.getByTestId("report-copy-text").click();
  const area = page.getByTestId("report-copy-area");
  await area.waitFor();
  await expectText(page.getByTestId("report-copy-refused"), /did not allow copying/, "says so");
  const selected = await area.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  assert.ok(selected.startsWith("Community scorecard 2026"), `the whole text selected: ${selected.slice(0, 80)}`);
  await scratchScreenshot(page, "report-phone.png", { width: 390, height: 844 });
  assert.deepEqual(problems(), []);
  await context.close();
});

/**
 * The article's example crowded: every red or amber KPI of March with a long analysis and
 * action, each sub-objective with five open actions, and a long review summary.
 */
function crowdedExample() {
  const file = JSON.parse(readFileSync(new URL("../fixtures/example-en.scorecard.json", import.meta.url), "utf8"));
  const card = file.scorecard;
  const long = (what) => `${what}: ${"the numbers moved because the forum changed and fewer members came back after the holidays; ".repeat(4)}`;
  const start = { monthly: "2026-03-01", quarterly: "2026-01-01" };
  const kpis = [...card.objectives.flatMap((o) => o.kpis), ...Object.values(card.factors).flatMap((f) => f.sub_objectives.flatMap((so) => so.kpis))];
  for (const kpi of kpis) {
    kpi.commentary = [{ period: start[kpi.frequency] ?? "2026-03-01", analysis: long("Analysis"), action: long("Action") }];
  }
  for (const factor of Object.values(card.factors)) {
    for (const so of factor.sub_objectives) {
      so.actions = [1, 2, 3, 4, 5].map((i) => ({ id: `act-${so.id}-${i}`, title: `Follow-up ${i} with a longer title than usual`, owner: "Community team", due: "2026-03-20", status: "in_progress", note: "" }));
    }
  }
  card.reviews = [{ period: "2026-03-01", held_on: "2026-04-08", participants: "Anna, Ben, Carla, Dirk", summary: long("Summary") }];
  return JSON.stringify(file);
}

test("a crowded report still prints on one page, portrait and landscape", async () => {
  const context = await served.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "en-GB", timezoneId: "Europe/Amsterdam" });
  await fixClock(context);
  const { page, problems } = await watchedPage(context);
  const s = new StoragePage(page);
  await new AppPage(page).open(served.server.url);
  await s.pickFile("crowded.scorecard.json", crowdedExample());
  await page.waitForFunction(() => document.querySelector("[data-testid=scorecard-title]")?.textContent.includes("Community scorecard 2026"));
  await page.getByTestId("report-open").click();
  const report = page.getByTestId("report-page");
  await expectCount(report.getByTestId("report-kpi"), 6, "six KPIs");
  await expectText(report.getByTestId("report-summary"), /Held on 8 April 2026 — Participants: Anna, Ben, Carla, Dirk/, "the review");
  for (const orientation of ["portrait", "landscape"]) {
    await page.getByTestId("report-orientation").selectOption(orientation);
    await expectAttribute(report, "data-orientation", orientation, orientation);
    const pdf = await printed(page, `report-crowded-${orientation}.pdf`);
    assert.match(pdf.info, /^Pages:\s+1$/m, `one ${orientation} page`);
    // The last things on the page are there: nothing was cut off.
    assert.ok(words(pdf.flow).includes("engagement rate of community posts"), `${orientation}: the last KPI`);
    assert.ok(words(pdf.flow).includes("anna, ben, carla, dirk"), `${orientation}: the review`);
    assert.ok(words(pdf.flow).includes("and 2 more actions"), `${orientation}: three actions per KPI, the rest counted`);
    await scratchScreenshot(page, `report-crowded-${orientation}.png`, { width: 1400, height: 1000 });
  }
  assert.deepEqual(problems(), []);
  await context.close();
});
