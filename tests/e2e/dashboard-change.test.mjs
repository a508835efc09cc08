// The dashboard's changes (src/ui/views/dashboard/score_change.rs, kpi_card.rs): the overall
// and each factor's score since the end of last month ("▲ +28.8 points since 28 February
// 2026"), and on each KPI card the change against the previous period with the on track /
// behind pill once the KPI has an expected value. The article's example on a fixed clock
// (10 April 2026); the numbers are worked out by hand in tests/period_scores.rs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { watchedPage } from "./support/browser.mjs";
import { AppPage, showView } from "./support/app-page.mjs";
import { StoragePage } from "./support/storage-page.mjs";
import { SCRATCH_SCREENSHOTS, fixClock } from "./support/screenshots.mjs";
import { expectAttribute, expectCount, expectText, expectValue } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

/** Where a picture for looking at goes (never docs/screenshots/). */
function scratch(name) {
  mkdirSync(SCRATCH_SCREENSHOTS, { recursive: true });
  return join(SCRATCH_SCREENSHOTS, name);
}

const served = servedApp();

/** The dashboard's card of the KPI named `name`. */
function kpiCard(page, name) {
  return page.getByTestId("dashboard-kpi").filter({ has: page.getByTestId("dashboard-kpi-open").getByText(name, { exact: true }) });
}

/** The change line of `factor`'s card. */
function factorChange(page, factor) {
  return page.locator(`[data-testid=dashboard-factor][data-factor=${factor}] [data-testid=dashboard-factor-change]`);
}

test("the dashboard's changes: overall and factors since the end of last month, each KPI against its previous period, on track once expected", async () => {
  const context = await served.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "en-GB", timezoneId: "Europe/Amsterdam" });
  await fixClock(context);
  try {
    const { page, problems } = await watchedPage(context);
    await new AppPage(page).open(served.server.url);
    await new StoragePage(page).create("example");
    await showView(page, "dashboard");

    // 10 April 2026: every figure is dated 31 March at the latest and March is the engagement
    // rate's scored month on both days, so nothing moved since 31 March.
    await expectText(page.getByTestId("dashboard-overall-change"), "= no change since 31 March 2026", "the overall change on 10 April");
    await expectAttribute(page.getByTestId("dashboard-overall-change"), "data-direction", "same");
    await expectText(factorChange(page, "customers"), "= no change since 31 March 2026");
    // Each KPI against its previous month: active members 24 % in March, 22 % in February;
    // the response time 2 hours in March, 3.5 in February.
    const active = kpiCard(page, "Active members (posted or replied in the last 30 days)");
    await expectText(active.getByTestId("dashboard-kpi-change"), "▲ +2 % against February 2026", "active members' change");
    const response = kpiCard(page, "Response time of product management");
    await expectText(response.getByTestId("dashboard-kpi-change"), "▼ −1.5 hours against February 2026", "the response time's change");
    // The yearly satisfaction survey has no figures: no change to show.
    await expectCount(kpiCard(page, "Member satisfaction (survey)").getByTestId("dashboard-kpi-change"), 0, "no change without figures");
    await expectCount(active.getByTestId("dashboard-kpi-pace"), 0, "no pill without an expected value");

    // As of 31 March against 28 February: overall (0.4375 + 1 + 1 + 0.66549) / 4 = 0.77575
    // against (0.2625 + 0.75 + 0.45083) / 3 = 0.48778 (the budget had no figure yet).
    await page.getByTestId("as-of").fill("2026-03-31");
    await expectValue(page.getByTestId("as-of"), "2026-03-31", "the as-of date");
    await expectText(page.getByTestId("dashboard-overall-change"), "▲ +28.8 points since 28 February 2026", "the overall change on 31 March");
    await expectAttribute(page.getByTestId("dashboard-overall-change"), "data-direction", "up");
    await expectText(factorChange(page, "customers"), "▲ +17.5 points since 28 February 2026", "customers: 35/80 − 21/80");
    await expectText(factorChange(page, "organisation"), "▲ +25 points since 28 February 2026", "organisation: 100 % − 75 %");
    await expectText(factorChange(page, "medium"), "▲ +21.5 points since 28 February 2026", "medium");
    await expectCount(factorChange(page, "financial"), 0, "financial had no score on 28 February");

    // A straight expected path for active members (15 on 1 January to 30 on 31 December):
    // 18.67 % expected by 31 March, March's 24 % is on track.
    await active.getByTestId("dashboard-kpi-open").click();
    await page.getByTestId("kpi-baseline-date-input").fill("2026-01-01");
    await page.getByTestId("kpi-target-date-input").fill("2026-12-31");
    await page.getByTestId("kpi-target-date-input").press("Tab");
    await expectAttribute(active.getByTestId("dashboard-kpi-pace"), "data-pace", "on-track", "on track on the dashboard card");
    await expectText(active.getByTestId("dashboard-kpi-pace"), "On track");
    await active.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: scratch("dashboard-change-kpi.png") });

    await page.getByTestId("lang-nl").click();
    await expectText(page.getByTestId("dashboard-overall-change"), "▲ +28,8 punten sinds 28 februari 2026", "in Dutch");
    await expectText(active.getByTestId("dashboard-kpi-change"), "▲ +2 % ten opzichte van februari 2026", "the KPI's change in Dutch");
    await page.getByTestId("dashboard").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: scratch("dashboard-change-nl.png") });
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
  }
});
