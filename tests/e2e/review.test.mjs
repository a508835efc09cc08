// The monthly review in the KPI panel, on 10 April 2026 with the article's example: the
// "Active members" KPI (baseline 15 %, target 30 %; January 18, February 22, March 24) gets
// a baseline date (1 January) and a target date (31 December). The panel then says March's
// 24 % is on track against the 18.67 % expected by 31 March (15 + 15 × 89 / 364), ▲ +2 %
// against February, and that at this pace 30 % is reached on 26 May 2026 (least squares
// through 18, 22, 24 on 31 Jan, 28 Feb, 31 Mar: slope 176 / 1742 per day; worked out in
// tests/model_expected.rs). An expected path per period replaces the line; commentary for
// March is kept after a reload; Dutch reads the same figures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { watchedPage } from "./support/browser.mjs";
import { AppPage } from "./support/app-page.mjs";
import { StoragePage } from "./support/storage-page.mjs";
import { fixClock, takeScreenshot } from "./support/screenshots.mjs";
import { expectAttribute, expectText, expectValue } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const served = servedApp();

async function openActiveMembers(page) {
  await page.locator("[data-testid=sub-objective][data-id=so-27]").click();
  await page.getByTestId("sub-objective-kpis").getByTestId("open-child").filter({ hasText: "Active members" }).click();
  await page.getByTestId("kpi-review").waitFor();
}

test("on track against the expected path, the change, the forecast and commentary", async () => {
  const context = await served.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "en-GB", timezoneId: "Europe/Amsterdam" });
  await fixClock(context);
  const { page, problems } = await watchedPage(context);
  const s = new StoragePage(page);
  await new AppPage(page).open(served.server.url);
  await s.create("example");
  await openActiveMembers(page);

  const pace = page.getByTestId("kpi-pace");
  await expectAttribute(pace, "data-pace", "none", "no expected value without a target date");
  await expectText(page.getByTestId("kpi-change"), "▲ +2 % against February 2026", "the change against February");
  await page.getByTestId("kpi-baseline-date-input").fill("2026-01-01");
  await page.getByTestId("kpi-target-date-input").fill("2026-12-31");
  await expectAttribute(pace, "data-pace", "on-track", "on track once the line exists");
  await expectText(pace, /March 2026: 24 % — 18\.67 % expected by 31 March 2026/, "the expected value with the real numbers");
  await expectText(page.getByTestId("kpi-forecast"), "At this pace the target is reached on 26 May 2026, before the target date (31 December 2026).", "the forecast");
  // The quadrant's KPI line says the same in short.
  const line = page.locator("[data-testid=kpi][data-id=kpi-28]");
  await expectText(line.getByTestId("kpi-change-badge"), "▲ +2 % against February 2026", "the change on the card");
  await expectAttribute(line.getByTestId("kpi-pace-badge"), "data-pace", "on-track", "on track on the card");
  await expectText(line.getByTestId("kpi-pace-badge"), "On track", "in words");
  await line.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await takeScreenshot(page, "kpi-line-badges.png", { width: 1400, height: 1000 });
  const chart = page.getByTestId("kpi-chart");
  await chart.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await takeScreenshot(page, "kpi-chart-forecast.png", { width: 1400, height: 1000 });

  // A table instead of the line: 25 % expected from March on → March's 24 % is behind.
  await page.getByTestId("kpi-path").locator("summary").click();
  await page.getByTestId("kpi-path-add").click();
  await page.getByTestId("kpi-path-date-0").fill("2026-03-01");
  await page.getByTestId("kpi-path-value-0").fill("25");
  await page.getByTestId("kpi-path-value-0").press("Tab");
  await expectAttribute(pace, "data-pace", "behind", "behind the table's 25 %");
  await expectAttribute(line.getByTestId("kpi-pace-badge"), "data-pace", "behind", "behind on the card too");
  await expectText(pace, /25 % expected by 31 March 2026 \(from the expected path per period\): behind/, "explained");

  await page.getByTestId("kpi-analysis-input").fill("Fewer members posted after the forum moved.");
  await page.getByTestId("kpi-action-input").fill("Invite the 40 most active members to the new forum.");
  await page.getByTestId("kpi-action-input").press("Tab");
  await page.getByTestId("kpi-review").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await takeScreenshot(page, "kpi-review.png", { width: 1400, height: 1000 });

  await page.locator("[data-testid=saved-indicator][data-state=saved]").waitFor();
  await page.reload();
  await page.getByTestId("app-shell").waitFor();
  await openActiveMembers(page);
  await expectValue(page.getByTestId("kpi-analysis-input"), "Fewer members posted after the forum moved.", "the analysis after a reload");
  await expectAttribute(page.getByTestId("kpi-pace"), "data-pace", "behind", "the path after a reload");

  await page.getByTestId("lang-nl").click();
  await expectText(page.getByTestId("kpi-change"), "▲ +2 % ten opzichte van februari 2026", "the change in Dutch");
  assert.deepEqual(problems(), []);
  await context.close();
});
