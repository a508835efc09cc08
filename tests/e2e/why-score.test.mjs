// "Why this score?" (src/ui/widgets/why_button.rs, why_score.rs): with the article's example,
// the explanation of the response time KPI shows the formula with the real numbers — opened
// with the keyboard, in English and in Dutch, and in projector mode — the inputs it came from
// open their items, Escape returns the focus to the button, and axe finds nothing serious on
// the open explanation. Screenshots at 1400×1000 and 390 px wide go to
// tests/e2e/artifacts/screenshots.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeProblems } from "./support/axe.mjs";
import { watchedPage } from "./support/browser.mjs";
import { showView } from "./support/app-page.mjs";
import { StoragePage } from "./support/storage-page.mjs";
import { screenshotContext, takeScreenshot } from "./support/screenshots.mjs";
import { inHeaderMenu } from "./support/header-menu.mjs";
import {
  expectAttribute,
  expectCount,
  expectCountAtLeast,
  expectFocused,
  expectText,
  expectValue,
  expectVisible,
  waitUntil,
} from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

/** The article's KPI (src/method/templates.rs) in each language. */
const RESPONSE_TIME = { en: "Response time of product management", nl: "Responsetijd van het productmanagement" };
/** A day on which February's 3.5 hours is the latest measurement (March's is dated the 31st). */
const AS_OF = "2026-03-15";

const served = servedApp();

/** The app with the article's example open, as of AS_OF, in `locale`. */
async function open({ locale = "en-GB", width = 1400, height = 1000 } = {}) {
  // axe is injected by evaluation: the app's own CSP stays as it is for the app.
  const context = await screenshotContext(served.browser, { viewport: { width, height }, locale, bypassCSP: true });
  const { page, problems } = await watchedPage(context);
  const sp = new StoragePage(page);
  await sp.open(served.server.url);
  await sp.create("example");
  // On a phone the as-of date is in the header's menu.
  await inHeaderMenu(page, async () => {
    await page.getByTestId("as-of").fill(AS_OF);
    await expectValue(page.getByTestId("as-of"), AS_OF, "the as-of date");
  });
  const t = (id) => page.getByTestId(id);
  return { context, page, problems, sp, t };
}

/** The id of the KPI named `name` on the quadrant cards. */
async function kpiIdByName(page, name) {
  const line = page.getByTestId("quadrants").getByTestId("kpi").filter({ hasText: name });
  await expectCount(line, 1, `the KPI "${name}" on its card`);
  return line.getAttribute("data-id");
}

/** Presses Tab until `locator` has the focus (at most `max` times). */
async function tabTo(page, locator, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await locator.evaluate((el) => el === document.activeElement)) return;
  }
  assert.fail(`Tab did not reach ${locator} in ${max} presses`);
}

/** A pattern matching `text` anywhere (expectText compares a string whole). */
const has = (text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

/** The one open explanation. */
const dialog = (page) => page.getByTestId("why-score");

test("the response time KPI explained: opened by keyboard, its formula and inputs, Escape returns; a factor's input opens its item", async () => {
  const { context, page, problems, t } = await open();
  const kpiId = await kpiIdByName(page, RESPONSE_TIME.en);
  const why = t("quadrants").getByTestId(`why-kpi-${kpiId}`);
  await expectAttribute(why, "aria-label", "Why this score?");
  assert.equal(await why.getAttribute("aria-haspopup"), "dialog");

  // Keyboard: from the sub-objective's card button, Tab reaches its "?" and then the KPI's.
  const card = t("quadrants").getByTestId("sub-objective").filter({ has: page.getByTestId(`why-kpi-${kpiId}`) });
  await card.getByTestId("open-sub-objective").focus();
  await tabTo(page, why, 3);
  await page.keyboard.press("Enter");
  await expectVisible(dialog(page), true, "the explanation");
  await expectAttribute(dialog(page), "role", "dialog");
  await expectText(dialog(page).getByTestId("why-name"), RESPONSE_TIME.en);
  await expectText(dialog(page).getByTestId("why-kind"), "KPI");
  await expectText(dialog(page).getByTestId("why-formula"), has("(3.5 − 8) / (2 − 8)"));
  await expectText(dialog(page).getByTestId("why-formula"), has("75.0 %"));
  await expectText(dialog(page).getByTestId("why-formula"), /amber threshold 70\.0 %: amber/);
  await expectAttribute(dialog(page).getByTestId("why-result").getByTestId("status"), "data-status", "amber");
  await expectCount(dialog(page).getByTestId("why-input"), 3, "actual, baseline and target");
  await expectText(dialog(page).getByTestId("why-input").first(), /Actual \(28 February 2026\)\s*3\.5/);
  await expectAttribute(why, "aria-expanded", "true");
  assert.deepEqual(await axeProblems(page), [], "axe on the open explanation");
  await takeScreenshot(page, "why-score-kpi.png", { width: 1400, height: 1000 });

  await page.keyboard.press("Escape");
  await expectCount(dialog(page), 0, "the explanation closed");
  await expectFocused(why, "the focus back on the KPI's button");

  // A factor: rolled up from its sub-objectives; the sub-objective opens in the side panel.
  await t("why-factor-organisation").click();
  await expectText(dialog(page).getByTestId("why-kind"), "Factor");
  await expectText(dialog(page).getByTestId("why-formula"), /Σ\(weight × score capped to 0–100 %\) \/ Σ weight/);
  const answers = dialog(page).getByTestId("why-input-open").filter({ hasText: "Members get answers" });
  await expectCount(answers, 1, "the article's sub-objective among the inputs");
  await answers.click();
  await expectCount(dialog(page), 0, "the explanation closed for the side panel");
  const soId = await card.getAttribute("data-id");
  await expectAttribute(card, "data-selected", "true", "the sub-objective open in the side panel");
  // The side panel shows its score with its own "?": a roll-up of the response time (75 %).
  const panelWhy = t("side-panel").getByTestId(`why-sub-objective-${soId}`);
  await panelWhy.click();
  await expectText(dialog(page).getByTestId("why-formula"), /\(1 × 75\.0 %/);
  const kpiInput = dialog(page).getByTestId("why-input-open").filter({ hasText: RESPONSE_TIME.en });
  await expectText(kpiInput, `KPI “${RESPONSE_TIME.en}”`);
  await kpiInput.click();
  await expectCount(dialog(page), 0, "the explanation closed for the KPI");
  await t("side-panel").getByTestId(`why-kpi-${kpiId}`).waitFor();
  await page.getByTestId("close-panel").click();

  // The whole scorecard on the dashboard: its inputs are the factors, explained in place.
  await showView(page, "dashboard");
  await t("why-overall").click();
  await expectText(dialog(page).getByTestId("why-kind"), "Whole scorecard");
  await expectCount(dialog(page).getByTestId("why-input"), 4, "the four factors");
  await dialog(page).getByTestId("why-input-open").filter({ hasText: "Organisation" }).click();
  await expectText(dialog(page).getByTestId("why-kind"), "Factor");
  await expectText(dialog(page).getByTestId("why-name"), "Organisation");
  await dialog(page).getByTestId("why-back").click();
  await expectText(dialog(page).getByTestId("why-kind"), "Whole scorecard");
  await dialog(page).getByTestId("why-close").click();
  await expectCount(dialog(page), 0, "closed");
  await expectCountAtLeast(t("dashboard").getByTestId(`why-kpi-${kpiId}`), 1, "the KPI card's button");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("in Dutch: Waarom deze score?, with Dutch numbers", async () => {
  const { context, page, problems, t } = await open({ locale: "nl-NL" });
  const kpiId = await kpiIdByName(page, RESPONSE_TIME.nl);
  const why = t("quadrants").getByTestId(`why-kpi-${kpiId}`);
  await expectAttribute(why, "aria-label", "Waarom deze score?");
  await why.focus();
  await page.keyboard.press("Enter");
  await expectText(dialog(page).getByTestId("why-name"), RESPONSE_TIME.nl);
  await expectText(dialog(page).getByTestId("why-formula"), has("(3,5 − 8) / (2 − 8)"));
  await expectText(dialog(page).getByTestId("why-formula"), has("75,0 %"));
  await expectText(dialog(page).getByTestId("why-formula"), /oranjegrens 70,0 %: oranje/);
  await expectText(dialog(page).getByTestId("why-input").first(), /Actueel \(28 februari 2026\)\s*3,5/);
  assert.deepEqual(await axeProblems(page), [], "axe on the open explanation");
  await page.keyboard.press("Escape");
  await expectCount(dialog(page), 0, "closed");
  await expectFocused(why);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("in projector mode the explanation opens by keyboard, follows inputs in place, and Escape only closes it", async () => {
  const { context, page, problems, t } = await open();
  const kpiId = await kpiIdByName(page, RESPONSE_TIME.en);
  await page.locator("body").press("Alt+p");
  await expectAttribute(t("app-shell"), "data-projector", "true");
  const why = t("quadrants").getByTestId(`why-kpi-${kpiId}`);
  await tabTo(page, why);
  await page.keyboard.press("Enter");
  await expectText(dialog(page).getByTestId("why-formula"), has("(3.5 − 8) / (2 − 8)"));
  await expectText(dialog(page).getByTestId("why-formula"), has("75.0 %"));
  assert.deepEqual(await axeProblems(page), [], "axe on the open explanation in projector mode");
  await page.keyboard.press("Escape");
  await expectCount(dialog(page), 0, "closed");
  await expectFocused(why);
  await expectAttribute(t("app-shell"), "data-projector", "true", "still in projector mode");

  // An input that is an item is explained in place (the side panel is not shown here).
  await t("why-factor-organisation").click();
  await dialog(page).getByTestId("why-input-open").filter({ hasText: "Members get answers" }).click();
  await expectText(dialog(page).getByTestId("why-kind"), "Sub-objective");
  await expectVisible(dialog(page).getByTestId("why-back"), true);
  assert.equal(await t("side-panel").count(), 0, "no side panel in projector mode");
  await page.keyboard.press("Escape");
  await expectCount(dialog(page), 0, "closed");
  await expectAttribute(t("app-shell"), "data-projector", "true", "still in projector mode");
  // The other controls of the views take no focus and no input.
  await waitUntil(() => t("mission").getAttribute("inert"), (inert) => inert !== null, "the mission is inert");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("readable at 390 px wide", async () => {
  const { context, page, problems, t } = await open({ width: 390, height: 844 });
  const kpiId = await kpiIdByName(page, RESPONSE_TIME.en);
  const why = t("quadrants").getByTestId(`why-kpi-${kpiId}`);
  await why.scrollIntoViewIfNeeded();
  await why.click();
  await expectText(dialog(page).getByTestId("why-formula"), has("75.0 %"));
  const fits = await dialog(page).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.left >= 0 && r.right <= window.innerWidth && el.scrollWidth <= el.clientWidth + 1;
  });
  assert.ok(fits, "the explanation fits the width without scrolling sideways");
  await takeScreenshot(page, "why-score-narrow.png", { width: 390, height: 844 });
  assert.deepEqual(problems(), []);
  await context.close();
});
