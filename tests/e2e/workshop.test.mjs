// The guided workshop (#workshop), used as a facilitator would: walk the seven steps from a
// blank scorecard and build the article's example through the workshop alone, watching the
// progress marks turn done; leave and come back, reload; the group's countdown; Dutch; and
// no serious accessibility problem. Takes the screenshots workshop-step1.png and -step5.png
// (written to docs/screenshots/ with UPDATE_SCREENSHOTS=1, see support/screenshots.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { watchedPage } from "./support/browser.mjs";
import { AppPage, Editor, showView } from "./support/app-page.mjs";
import { WorkshopPage } from "./support/workshop-page.mjs";
import { screenshotContext, takeScreenshot } from "./support/screenshots.mjs";
import {
  expectAttribute,
  expectCount,
  expectEnabled,
  expectText,
  expectValue,
  holdsFor,
  waitForValue,
} from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const VIEWPORT = { width: 1280, height: 800 };

const served = servedApp();

/** Opens the workshop; with `screenshots`, on the screenshots' fixed clock. */
async function openWorkshop({ locale = "en-GB", viewport = VIEWPORT, bypassCSP = false, screenshots = false } = {}) {
  const options = { viewport, locale, colorScheme: "light", bypassCSP };
  const context = screenshots ? await screenshotContext(served.browser, options) : await served.browser.newContext(options);
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(served.server.url);
  const ws = new WorkshopPage(page);
  await ws.open();
  return { context, page, problems, ws };
}

/** The whole page at 1280 wide, light, no field focused, as the room sees it. */
async function screenshot(page, name) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  // The autosave waits for a pause in editing: the picture is taken once it has saved.
  await takeScreenshot(page, name, { fullPage: true, width: VIEWPORT.width, minHeight: VIEWPORT.height });
}

const MISSION =
  "Our community brings customers and resellers together around the healthy use of our food supplements.";
const OBJECTIVES = [
  ["Loyalty", "60 % of the members are still active after 12 months."],
  ["Interaction", "Active members post or reply at least 3 times a month."],
  ["Data", "70 % of the members have a complete profile."],
  ["Satisfaction", "Members rate the community at least 8 out of 10."],
];
const SUBS = {
  customers: "Involve customers in using and reselling the supplements",
  financial: "Run the community within budget",
  organisation: "Members get answers to content questions quickly",
  medium: "Grow an active community",
};
const KPIS = {
  customers: { name: "Members recommending products", unit: "count", baseline: 20, target: 100, source: "Community platform" },
  financial: { name: "Cost per active member", unit: "EUR", direction: "lower", baseline: 12, target: 9, source: "Finance" },
  organisation: {
    name: "Response time of product management",
    unit: "hours",
    direction: "lower",
    baseline: 8,
    target: 2,
    source: "Reporting tool",
  },
  medium: { name: "Active members", unit: "%", baseline: 25, target: 40, source: "Platform statistics" },
};
const RESPONSE_TIME = KPIS.organisation.name;

test("the article's example is built through the workshop alone, step by step", async () => {
  const { context, page, problems, ws } = await openWorkshop({ screenshots: true });
  assert.match(page.url(), /#workshop$/);
  await ws.expectStep(1);
  await ws.expectDoneMarks([false, false, false, false, false, false, false]);
  await expectText(ws.t("ws-progress-text"), "0 of 7 steps done");

  // 1 — the mission
  await ws.expectTitle("The social media mission");
  await ws.expectQuestion("What do we stand for on social media?");
  await ws.expectExample(/food-supplements company/);
  await ws.setMission(MISSION);
  await ws.waitDone(1);
  await expectAttribute(ws.t("ws-step-status"), "data-done", "true");
  await screenshot(page, "workshop-step1.png");
  await ws.next();

  // 2 — the four objectives
  await ws.expectQuestion("What do we want to achieve?");
  await ws.expectExample(/loyalty, interaction, data and satisfaction/);
  await expectAttribute(ws.stepButton(2), "data-done", "false");
  for (const [title, description] of OBJECTIVES) await ws.addObjective(title, description);
  const objectiveTitles = () => ws.t("ws-objective-title").evaluateAll((els) => els.map((e) => e.value));
  await waitForValue(objectiveTitles, OBJECTIVES.map(([t]) => t), "the objectives' titles");
  await ws.waitDone(2);
  await ws.next();

  // 3 — the four factors and their key questions
  await ws.expectTitle("The four factors");
  const question = (kind) => ws.factor(kind).getByTestId("ws-factor-question");
  await expectValue(question("customers"), "What are we going to do with customers?");
  await expectValue(question("financial"), "What are the financial aspects of our social media activities?");
  await expectValue(question("organisation"), "What must we do organisationally?");
  await expectValue(question("medium"), "What must happen to the medium itself to reach the objectives?");
  await expectAttribute(ws.stepButton(3), "data-done", "false", "step 3 not done: the medium is not named yet");
  await expectText(ws.t("ws-step-status"), /Name the medium/);
  await ws.factor("medium").getByTestId("ws-factor-label").fill("Community");
  await question("medium").fill("What must happen to the community itself to reach the objectives?");
  await ws.waitDone(3);
  await ws.next();

  // 4 — a sub-objective per factor, through the quadrants and the side panel
  await ws.expectTitle("Sub-objectives per factor");
  await ws.expectExample(/quick answers/);
  const ed = new Editor(page);
  for (const [factor, title] of Object.entries(SUBS)) {
    await expectAttribute(ws.stepButton(4), "data-done", "false");
    await ws.addSubObjective(factor, title);
    if (factor === "organisation") {
      await ed.linkToObjective("Interaction");
      await ed.linkToObjective("Satisfaction");
    }
  }
  await ed.closePanel();
  await ws.waitDone(4);
  const organisation = ws.t("quadrant-organisation").getByTestId("sub-objective");
  await expectText(organisation, /Members get answers to content questions quickly/);
  await ws.next();

  // 5 — KPIs with baseline, target and data source
  await ws.expectTitle("KPIs with baseline, target and data source");
  await ws.expectExample(/within 2 hours/);
  await expectCount(ws.t("ws-kpi-group"), 4);
  for (const [factor, kpi] of Object.entries(KPIS)) {
    await expectAttribute(ws.stepButton(5), "data-done", "false");
    const row = await ws.addKpi(factor, kpi);
    await page.locator(`[data-testid=ws-kpi-row][data-id="${await row.getAttribute("data-id")}"][data-complete=true]`).waitFor();
  }
  await ws.waitDone(5);
  const response = ws.kpiGroup("organisation").getByTestId("ws-kpi-row");
  await expectValue(response.getByTestId("ws-kpi-direction"), "lower");
  await expectValue(response.getByTestId("ws-kpi-baseline"), "8");
  await expectValue(response.getByTestId("ws-kpi-target"), "2");
  await screenshot(page, "workshop-step5.png");
  await ws.next();

  // 6 — actions and owners: the article's two actions for the response time
  await ws.expectTitle("Actions and owners");
  await ws.expectExample(/trained in social media/);
  await ws.addAction("organisation", { title: "Train product management in social media", owner: "HR", status: "in_progress" });
  await ws.waitDone(6);
  const ownerless = await ws.addAction("organisation", { title: "Appoint a responsible person in product management" });
  await ws.waitDone(6, false);
  await expectText(ws.t("ws-step-status"), /Actions without an owner: “Appoint a responsible person/);
  await ownerless.getByTestId("ws-action-owner").fill("Head of product management");
  await ws.waitDone(6);
  await expectCount(ws.actionGroup("organisation").getByTestId("ws-action-row"), 2);
  await ws.next();

  // 7 — the monitoring plan: who measures what, how often
  await ws.expectTitle("The monitoring plan");
  await ws.expectQuestion("Who measures what, how often, and from which source?");
  await expectCount(ws.t("ws-monitoring-row"), 4);
  await expectValue(ws.monitoringRow(RESPONSE_TIME).getByTestId("ws-monitoring-source"), "Reporting tool");
  const owners = { customers: "Marketing", financial: "Finance", organisation: "Community manager", medium: "Community manager" };
  for (const [factor, owner] of Object.entries(owners)) {
    await expectAttribute(ws.stepButton(7), "data-done", "false");
    await ws.plan(KPIS[factor].name, factor === "organisation" ? { owner, frequency: "weekly" } : { owner });
  }
  await ws.waitDone(7);
  await ws.expectDoneMarks([true, true, true, true, true, true, true]);
  await expectText(ws.t("ws-progress-text"), "7 of 7 steps done");
  await expectEnabled(ws.t("ws-next"), false);

  // Every edit was an ordinary command: undo takes the last owner back, redo restores it.
  const lastOwner = ws.monitoringRow("Active members").getByTestId("ws-monitoring-owner");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await ws.t("undo").click();
  await expectValue(lastOwner, "");
  await ws.waitDone(7, false);
  await ws.t("redo").click();
  await expectValue(lastOwner, "Community manager");
  await ws.waitDone(7);

  // Leave for the scorecard: everything is there.
  await showView(page, "scorecard");
  await expectText(page.getByTestId("mission"), MISSION);
  const card = page.getByTestId("quadrant-organisation").getByTestId("sub-objective");
  await expectText(card.getByTestId("kpi"), /Target: 2 hours/);
  await expectText(card.getByTestId("sub-objective-meta"), /Open actions: 2/);
  await expectText(page.getByTestId("quadrant-medium").getByRole("heading", { level: 2 }), "Community");

  // …and come back: the same step, nothing lost.
  await ws.open();
  await ws.expectStep(7);
  await expectValue(ws.monitoringRow(RESPONSE_TIME).getByTestId("ws-monitoring-owner"), "Community manager");
  await expectValue(ws.monitoringRow(RESPONSE_TIME).getByTestId("ws-monitoring-frequency"), "weekly");
  await ws.expectDoneMarks([true, true, true, true, true, true, true]);
  await ws.goTo(2);
  await expectCount(ws.t("ws-objective"), 4);

  // Reload: the workshop opens at the same step, with the same scorecard (the edits are
  // kept even though the reload comes before the autosave's pause).
  await waitForValue(() => page.evaluate(() => localStorage.getItem("smsc.workshop.step")), "2", "the stored step");
  await page.reload();
  await ws.t("workshop").waitFor();
  await ws.expectStep(2);
  await ws.expectTitle("The social media objectives");
  await expectCount(ws.t("ws-objective"), 4, "the objectives after the reload");
  await waitForValue(objectiveTitles, OBJECTIVES.map(([t]) => t), "the objectives' titles after the reload");
  await ws.expectDoneMarks([true, true, true, true, true, true, true]);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("Previous, Next and the stepper move between steps; the step survives a reload", async () => {
  const { context, page, problems, ws } = await openWorkshop();
  await ws.expectStep(1);
  await expectEnabled(ws.t("ws-prev"), false);
  await expectText(ws.t("ws-next"), /Next: Objectives/);
  await ws.next();
  await ws.next();
  assert.equal(await ws.currentStep(), 3);
  // The focus moves to the new step's title, for keyboard and screen-reader users.
  await page.locator("[data-testid=ws-step-title]:focus").waitFor();
  await ws.previous();
  assert.equal(await ws.currentStep(), 2);
  await ws.goTo(5);
  await expectAttribute(ws.stepButton(5), "aria-current", "step");
  await expectAttribute(ws.stepButton(2), "aria-current", null);
  // Steps that need earlier work say so and link back.
  await ws.t("ws-kpis-empty").getByRole("button").click();
  await ws.expectStep(4);
  await waitForValue(() => page.evaluate(() => localStorage.getItem("smsc.workshop.step")), "4", "the stored step");
  await page.reload();
  await ws.t("workshop").waitFor();
  await ws.expectStep(4);
  // A nonsense stored step falls back to step 1.
  await page.evaluate(() => localStorage.setItem("smsc.workshop.step", "99"));
  await page.reload();
  await ws.t("workshop").waitFor();
  await ws.expectStep(1);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the countdown starts, pauses, resets, keeps running elsewhere and says time is up", async () => {
  const { context, page, problems, ws } = await openWorkshop();
  const clock = ws.t("ws-timer-clock");
  const timer = ws.t("ws-timer");
  await expectText(clock, "10:00");
  await expectAttribute(ws.t("ws-timer-status"), "aria-live", "polite");
  await ws.t("ws-timer-minutes").selectOption("5");
  await expectText(clock, "5:00");

  await ws.setCustomMinutes("0.05");
  await expectText(clock, "0:03");
  await ws.t("ws-timer-start").click();
  await expectAttribute(timer, "data-phase", "running");
  await ws.t("ws-timer-pause").click();
  await expectAttribute(timer, "data-phase", "paused");
  const paused = await ws.clock();
  // Standing still can only be seen over time: longer than a tick (200 ms) and a second.
  await holdsFor(
    1200,
    async () => {
      assert.equal(await ws.clock(), paused, "a paused clock stands still");
      assert.equal(await timer.getAttribute("data-phase"), "paused");
    },
    "the paused countdown",
  );
  await ws.t("ws-timer-reset").click();
  await expectAttribute(timer, "data-phase", "ready");
  await expectText(clock, "0:03");

  // Running: the group keeps working meanwhile, and may even leave the view.
  await ws.t("ws-timer-start").click();
  await expectAttribute(timer, "data-phase", "running");
  await ws.setMission("Written while the clock runs");
  await showView(page, "map");
  await ws.open();
  // Back in the workshop the countdown has gone on (not reset, not paused by leaving).
  await expectAttribute(timer, "data-phase", /^(running|time-up)$/, "the countdown, after leaving the view");
  await expectValue(ws.t("ws-mission-input"), "Written while the clock runs");
  await page.locator("[data-testid=ws-timer][data-phase=time-up]").waitFor({ timeout: 8000 });
  await expectText(ws.t("ws-timer-status"), "Time is up");
  await expectText(clock, "0:00");
  // Never blocking: the fields still take input.
  await ws.setMission("Still editable");
  await ws.waitDone(1);
  await ws.t("ws-timer-reset").click();
  await expectAttribute(timer, "data-phase", "ready");
  await expectText(ws.t("ws-timer-status"), "");

  // A custom time that is not a number is refused at the field.
  await ws.t("ws-timer-custom").fill("soon");
  await expectText(timer, /not a number/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("in Dutch the steps, titles, questions and examples are Dutch", async () => {
  const { context, problems, ws } = await openWorkshop({ locale: "nl-NL" });
  await ws.expectTitle("De social media missie");
  await ws.expectQuestion("Waar staan we voor op social media?");
  await ws.expectExample(/voedingssupplementen/);
  await expectText(ws.t("ws-step-count"), "Stap 1 van 7");
  await expectText(ws.t("ws-progress-text"), "0 van 7 stappen klaar");
  await expectText(ws.stepButton(4), /Subdoelstellingen/);
  await expectText(ws.t("ws-next"), /Volgende: Doelstellingen/);
  await ws.goTo(3);
  await ws.expectTitle("De vier factoren");
  await ws.expectQuestion("Welke vier factoren zorgen er samen voor dat de doelstellingen gehaald worden?");
  await expectValue(ws.factor("customers").getByTestId("ws-factor-question"), "Wat gaan we met klanten doen?");
  await ws.goTo(5);
  await ws.expectTitle("KPI's met nulmeting, doel en databron");
  await ws.expectExample(/binnen 2 uur/);
  await ws.goTo(7);
  await ws.expectQuestion("Wie meet wat, hoe vaak, en uit welke bron?");
  await expectText(ws.t("ws-timer-start"), "▶ Start");
  await expectText(ws.t("ws-timer"), /Timer voor de groep/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("no serious or critical axe violation on the workshop's steps", async () => {
  const { context, page, problems, ws } = await openWorkshop({ bypassCSP: true });
  await page.evaluate(AXE);
  const check = async () =>
    (
      await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document.querySelector("[data-testid=workshop]"), { resultTypes: ["violations"] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
      })
    ).filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = {};
  await ws.setMission("Healthy together");
  report.mission = await check();
  await ws.next();
  await ws.addObjective("Loyalty", "Members stay");
  report.objectives = await check();
  await ws.next();
  report.factors = await check();
  await ws.next();
  await ws.addSubObjective("organisation", "Quick answers");
  await new Editor(page).closePanel();
  report["sub-objectives"] = await check();
  await ws.next();
  await ws.addKpi("organisation", KPIS.organisation);
  report.kpis = await check();
  await ws.next();
  await ws.addAction("organisation", { title: "Train", owner: "HR" });
  report.actions = await check();
  await ws.next();
  report.monitoring = await check();
  for (const [where, found] of Object.entries(report)) assert.deepEqual(found, [], `${where}: ${JSON.stringify(found)}`);
  assert.deepEqual(problems(), []);
  await context.close();
});
