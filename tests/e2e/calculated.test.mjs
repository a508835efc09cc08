// Calculated KPIs, used as a social media manager would on 10 April 2026: a blank scorecard,
// the engagement rate picked from the KPI library in a KPI's panel, March and the first days
// of April of daily interactions and reach pasted from a spreadsheet into the Data view, and
// then the month's value (the month's interactions ÷ the month's reach, never an average of
// daily rates), its status on the quadrant and the dashboard, April shown "so far" and not
// scored, the chart, a broken formula refused at the field, and all of it after a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { watchedPage } from "./support/browser.mjs";
import { AppPage, Editor, showView } from "./support/app-page.mjs";
import { MonitoringPage, TODAY } from "./support/monitoring-page.mjs";
import { fixClock, takeScreenshot } from "./support/screenshots.mjs";
import { expectAttribute, expectCount, expectText, expectValue, waitUntil } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const served = servedApp();

/**
 * The daily figures pasted: 1 March – 9 April 2026 (day i = 0, 1, …): reach 2,000 + 20·i
 * people, plus 800 on Saturdays and Sundays; interactions ⌊reach × (350 + 3·i) / 10,000⌋.
 * Returns the spreadsheet rows (date TAB value) of each series and the monthly sums.
 */
function dailyFigures() {
  const reach = [];
  const interactions = [];
  const sums = {};
  for (let i = 0; i < 40; i++) {
    const day = new Date(Date.UTC(2026, 2, 1 + i));
    const iso = day.toISOString().slice(0, 10);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const r = 2000 + 20 * i + (weekend ? 800 : 0);
    const n = Math.floor((r * (350 + 3 * i)) / 10000);
    reach.push(`${iso}\t${r}`);
    interactions.push(`${iso}\t${n}`);
    const month = iso.slice(0, 7);
    sums[month] ??= { n: 0, r: 0, days: 0 };
    sums[month].n += n;
    sums[month].r += r;
    sums[month].days += 1;
  }
  return { reach: reach.join("\n"), interactions: interactions.join("\n"), sums };
}

async function open() {
  const context = await served.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "en-GB", timezoneId: "Europe/Amsterdam" });
  await fixClock(context, new Date(`${TODAY}T10:00:00+02:00`));
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(served.server.url);
  return { context, page, problems, ed: new Editor(page), m: new MonitoringPage(page) };
}

/** Pastes `rows` into the series with key `key` in the Data view and applies them. */
async function pasteInto(page, key, rows, count) {
  await page.locator(`[data-testid=series-row][data-key="${key}"]`).getByTestId("series-open").click();
  await expectValue(page.getByTestId("series-key"), key, `the ${key} series open`);
  await page.getByTestId("series-paste-input").fill(rows);
  await expectAttribute(page.getByTestId("series-paste-preview"), "data-new", String(count), `${count} new points for ${key}`);
  await expectAttribute(page.getByTestId("series-paste-preview"), "data-bad", "0", `no bad row for ${key}`);
  await page.getByTestId("series-paste-apply").click();
  await expectCount(page.getByTestId("series-point-row"), count, `${key}: ${count} points in its table`);
}

test("two daily series pasted, the engagement rate from the library: monthly value, status, so far and chart", async () => {
  const { context, page, problems, ed, m } = await open();
  const { reach, interactions, sums } = dailyFigures();
  // March: 3,100 interactions on a reach of 78,500 (the sums of the rows above, added up by
  // hand) = 3.949 %; against baseline 3 and target 4: (3.949 − 3) / (4 − 3) = 94.9 %, amber.
  assert.deepEqual(sums["2026-03"], { n: 3100, r: 78500, days: 31 });
  assert.deepEqual(sums["2026-04"], { n: 1175, r: 25900, days: 9 });

  const soId = await ed.addSubObjective("medium", "Engage our audience");
  await page.getByTestId("sub-objective-kpis-add").click();
  await page.getByTestId("kpi-kind-calculated").click();
  await page.getByTestId("kpi-library-open").click();
  const entry = page.locator("[data-testid=kpi-library-entry][data-entry=engagement-rate-by-reach]");
  await entry.getByTestId("kpi-library-pick").click();
  await expectValue(page.getByTestId("kpi-formula"), "interactions / reach * 100", "the library's formula in the field");
  await expectValue(page.getByTestId("kpi-name-input"), "Engagement rate by reach");
  await page.getByTestId("kpi-baseline-input").fill("3");
  await page.getByTestId("kpi-target-input").fill("4");
  await page.getByTestId("kpi-target-input").blur();
  const kpiId = await page.getByTestId(`quadrant-medium`).getByTestId("kpi").getAttribute("data-id");
  assert.match(kpiId, /^kpi-/);
  // No figures yet: grey.
  await expectAttribute(m.quadrantKpiBadge(kpiId), "data-status", "grey", "no data yet");

  // The library made the two series; fill them in the Data view.
  await showView(page, "data");
  await expectCount(page.getByTestId("series-row"), 2, "interactions and reach");
  await pasteInto(page, "interactions", interactions, 40);
  await pasteInto(page, "reach", reach, 40);
  await page.evaluate(() => window.scrollTo(0, 0));
  await takeScreenshot(page, "data-view.png", { width: 1400, height: 1000 });

  // March is over on 10 April and counts: amber on the quadrant and the dashboard.
  await showView(page, "scorecard");
  await expectAttribute(m.quadrantKpiBadge(kpiId), "data-status", "amber", "March's 3.95 % against 3 → 4");
  await expectAttribute(m.quadrantSubObjectiveStatus(soId), "data-status", "amber", "its sub-objective");
  await showView(page, "dashboard");
  await expectAttribute(m.dashboardKpi(kpiId), "data-status", "amber", "the dashboard card");

  // The KPI's panel (opened from its dashboard card): the preview per month, April so far
  // (1,175 ÷ 25,900 = 4.54 %, not scored), and the chart with both months.
  await ed.closePanel();
  await m.dashboardKpi(kpiId).click();
  await expectValue(page.getByTestId("kpi-name-input"), "Engagement rate by reach");
  const march = page.locator("[data-testid=calc-preview-row][data-period='2026-03']");
  const april = page.locator("[data-testid=calc-preview-row][data-period='2026-04']");
  await expectText(march, /^March 2026\s*3\.95 %/, "March's value in the preview");
  await expectText(march, /interactions: sum of 31 values = 3,100/, "March's interactions summed");
  await expectText(march, /reach: sum of 31 values = 78,500/, "March's reach summed");
  await expectText(april, /4\.54 %/, "April so far in the preview");
  await expectText(april, /so far/, "April marked so far");
  await expectAttribute(april, "data-so-far", "true");
  await page.getByTestId("kpi-chart-figure").waitFor();
  const table = page.getByTestId("kpi-chart").getByTestId("chart-data-table");
  await expectText(table, /31 Mar 2026\s*3\.95/, "March in the chart's table");
  await expectText(table, /30 Apr 2026 \(so far\)\s*4\.54/, "April so far in the chart's table");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId("kpi-kind").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await takeScreenshot(page, "calculated-kpi.png", { width: 1400, height: 1000 });

  // A formula that does not read is refused at the field, with the position; nothing changes.
  await page.getByTestId("kpi-formula").fill("interactions / (reach");
  await expectText(
    page.getByTestId("kpi-formula-error"),
    "missing ')' at column 22 to close the '(' at column 16",
    "the syntax error at the field",
  );
  await expectAttribute(page.getByTestId("kpi-formula"), "aria-invalid", "true");
  await page.getByTestId("kpi-formula").fill("interactions / raech * 100");
  await expectText(
    page.getByTestId("kpi-formula-error"),
    /^unknown series 'raech' at column 16; did you mean 'reach'\?/,
    "the unknown series with a suggestion",
  );
  await page.getByTestId("kpi-formula").fill("interactions / reach * 100");
  await expectAttribute(page.getByTestId("kpi-formula"), "aria-invalid", "false");
  await expectAttribute(m.dashboardKpi(kpiId), "data-status", "amber", "unchanged by the refused formulas");

  // Everything is kept: after a reload the series and the status are back.
  await page.reload();
  await page.getByTestId("app-shell").waitFor();
  await showView(page, "scorecard");
  await expectAttribute(m.quadrantKpiBadge(kpiId), "data-status", "amber", "after a reload");
  await showView(page, "data");
  await waitUntil(
    () => page.getByTestId("series-row").evaluateAll((rows) => rows.map((r) => r.dataset.key).sort()),
    (keys) => keys.join(",") === "interactions,reach",
    "both series after a reload",
  );
  assert.deepEqual(problems(), []);
  await context.close();
});
