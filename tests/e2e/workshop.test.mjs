// The guided workshop (#workshop), used as a facilitator would: walk the seven steps from a
// blank scorecard and build the article's example through the workshop alone, watching the
// progress marks turn done; leave and come back, reload; the group's countdown; Dutch; and
// no serious accessibility problem. Writes docs/screenshots/workshop-step1.png and -step5.png.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { serveDist } from "./support/server.mjs";
import { launch, watchedPage } from "./support/browser.mjs";
import { AppPage, Editor } from "./support/app-page.mjs";
import { WorkshopPage } from "./support/workshop-page.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const SCREENSHOTS = new URL("../../docs/screenshots/", import.meta.url).pathname;

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openWorkshop({ locale = "en-GB", viewport = { width: 1280, height: 800 }, bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport, locale, colorScheme: "light", bypassCSP });
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(server.url);
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
  // The autosave waits for a pause in editing: show the page once it has saved.
  await page.locator("[data-testid=saved-indicator][data-state=saved]").waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}${name}`, fullPage: true });
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
  const { context, page, problems, ws } = await openWorkshop();
  assert.match(page.url(), /#workshop$/);
  assert.equal(await ws.currentStep(), 1);
  assert.deepEqual(await ws.doneMarks(), [false, false, false, false, false, false, false]);
  assert.equal((await ws.t("ws-progress-text").textContent()).trim(), "0 of 7 steps done");

  // 1 — the mission
  assert.equal(await ws.title(), "The social media mission");
  assert.equal(await ws.question(), "What do we stand for on social media?");
  assert.match(await ws.example(), /food-supplements company/);
  await ws.setMission(MISSION);
  await ws.waitDone(1);
  assert.equal(await ws.t("ws-step-status").getAttribute("data-done"), "true");
  await screenshot(page, "workshop-step1.png");
  await ws.next();

  // 2 — the four objectives
  assert.equal(await ws.currentStep(), 2);
  assert.equal(await ws.question(), "What do we want to achieve?");
  assert.match(await ws.example(), /loyalty, interaction, data and satisfaction/);
  assert.equal(await ws.stepButton(2).getAttribute("data-done"), "false");
  for (const [title, description] of OBJECTIVES) await ws.addObjective(title, description);
  const titles = await ws.t("ws-objective-title").evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(titles, OBJECTIVES.map(([t]) => t));
  await ws.waitDone(2);
  await ws.next();

  // 3 — the four factors and their key questions
  assert.equal(await ws.title(), "The four factors");
  const question = (kind) => ws.factor(kind).getByTestId("ws-factor-question");
  assert.equal(await question("customers").inputValue(), "What are we going to do with customers?");
  assert.equal(await question("financial").inputValue(), "What are the financial aspects of our social media activities?");
  assert.equal(await question("organisation").inputValue(), "What must we do organisationally?");
  assert.equal(await question("medium").inputValue(), "What must happen to the medium itself to reach the objectives?");
  assert.equal(await ws.stepButton(3).getAttribute("data-done"), "false", "the medium is not named yet");
  assert.match(await ws.t("ws-step-status").textContent(), /Name the medium/);
  await ws.factor("medium").getByTestId("ws-factor-label").fill("Community");
  await question("medium").fill("What must happen to the community itself to reach the objectives?");
  await ws.waitDone(3);
  await ws.next();

  // 4 — a sub-objective per factor, through the quadrants and the side panel
  assert.equal(await ws.title(), "Sub-objectives per factor");
  assert.match(await ws.example(), /quick answers/);
  const ed = new Editor(page);
  for (const [factor, title] of Object.entries(SUBS)) {
    assert.equal(await ws.stepButton(4).getAttribute("data-done"), "false");
    await ws.addSubObjective(factor, title);
    if (factor === "organisation") {
      await ed.linkToObjective("Interaction");
      await ed.linkToObjective("Satisfaction");
    }
  }
  await ed.closePanel();
  await ws.waitDone(4);
  const organisation = ws.t("quadrant-organisation").getByTestId("sub-objective");
  assert.match(await organisation.textContent(), /Members get answers to content questions quickly/);
  await ws.next();

  // 5 — KPIs with baseline, target and data source
  assert.equal(await ws.title(), "KPIs with baseline, target and data source");
  assert.match(await ws.example(), /within 2 hours/);
  assert.equal(await ws.t("ws-kpi-group").count(), 4);
  for (const [factor, kpi] of Object.entries(KPIS)) {
    assert.equal(await ws.stepButton(5).getAttribute("data-done"), "false");
    const row = await ws.addKpi(factor, kpi);
    await page.locator(`[data-testid=ws-kpi-row][data-id="${await row.getAttribute("data-id")}"][data-complete=true]`).waitFor();
  }
  await ws.waitDone(5);
  const response = ws.kpiGroup("organisation").getByTestId("ws-kpi-row");
  assert.equal(await response.getByTestId("ws-kpi-direction").inputValue(), "lower");
  assert.equal(await response.getByTestId("ws-kpi-baseline").inputValue(), "8");
  assert.equal(await response.getByTestId("ws-kpi-target").inputValue(), "2");
  await screenshot(page, "workshop-step5.png");
  await ws.next();

  // 6 — actions and owners: the article's two actions for the response time
  assert.equal(await ws.title(), "Actions and owners");
  assert.match(await ws.example(), /trained in social media/);
  await ws.addAction("organisation", { title: "Train product management in social media", owner: "HR", status: "in_progress" });
  assert.equal(await ws.stepButton(6).getAttribute("data-done"), "true");
  const ownerless = await ws.addAction("organisation", { title: "Appoint a responsible person in product management" });
  await ws.waitDone(6, false);
  assert.match(await ws.t("ws-step-status").textContent(), /Actions without an owner: “Appoint a responsible person/);
  await ownerless.getByTestId("ws-action-owner").fill("Head of product management");
  await ws.waitDone(6);
  assert.equal(await ws.actionGroup("organisation").getByTestId("ws-action-row").count(), 2);
  await ws.next();

  // 7 — the monitoring plan: who measures what, how often
  assert.equal(await ws.title(), "The monitoring plan");
  assert.equal(await ws.question(), "Who measures what, how often, and from which source?");
  assert.equal(await ws.t("ws-monitoring-row").count(), 4);
  assert.equal(await ws.monitoringRow(RESPONSE_TIME).getByTestId("ws-monitoring-source").inputValue(), "Reporting tool");
  const owners = { customers: "Marketing", financial: "Finance", organisation: "Community manager", medium: "Community manager" };
  for (const [factor, owner] of Object.entries(owners)) {
    assert.equal(await ws.stepButton(7).getAttribute("data-done"), "false");
    await ws.plan(KPIS[factor].name, factor === "organisation" ? { owner, frequency: "weekly" } : { owner });
  }
  await ws.waitDone(7);
  assert.deepEqual(await ws.doneMarks(), [true, true, true, true, true, true, true]);
  assert.equal((await ws.t("ws-progress-text").textContent()).trim(), "7 of 7 steps done");
  assert.equal(await ws.t("ws-next").isDisabled(), true);

  // Every edit was an ordinary command: undo takes the last owner back, redo restores it.
  const lastOwner = ws.monitoringRow("Active members").getByTestId("ws-monitoring-owner");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await ws.t("undo").click();
  assert.equal(await lastOwner.inputValue(), "");
  await ws.waitDone(7, false);
  await ws.t("redo").click();
  assert.equal(await lastOwner.inputValue(), "Community manager");
  await ws.waitDone(7);

  // Leave for the scorecard: everything is there.
  await ws.t("tab-scorecard").click();
  await ws.t("quadrants").waitFor();
  assert.equal((await page.getByTestId("mission").textContent()).trim(), MISSION);
  const card = page.getByTestId("quadrant-organisation").getByTestId("sub-objective");
  assert.match(await card.getByTestId("kpi").textContent(), /Target: 2 hours/);
  assert.match(await card.getByTestId("sub-objective-meta").textContent(), /Open actions: 2/);
  assert.equal((await page.getByTestId("quadrant-medium").getByRole("heading", { level: 2 }).textContent()).trim(), "Community");

  // …and come back: the same step, nothing lost.
  await ws.open();
  assert.equal(await ws.currentStep(), 7);
  assert.equal(await ws.monitoringRow(RESPONSE_TIME).getByTestId("ws-monitoring-owner").inputValue(), "Community manager");
  assert.equal(await ws.monitoringRow(RESPONSE_TIME).getByTestId("ws-monitoring-frequency").inputValue(), "weekly");
  assert.deepEqual(await ws.doneMarks(), [true, true, true, true, true, true, true]);
  await ws.goTo(2);
  assert.equal(await ws.t("ws-objective").count(), 4);

  // Reload: the workshop opens at the same step (and, with the autosave, the same scorecard).
  assert.equal(await page.evaluate(() => localStorage.getItem("smsc.workshop.step")), "2");
  await page.reload();
  await ws.t("workshop").waitFor();
  assert.equal(await ws.currentStep(), 2);
  assert.equal(await ws.title(), "The social media objectives");
  const kept = await ws.t("ws-objective").count();
  if (kept > 0) {
    const again = await ws.t("ws-objective-title").evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(again, OBJECTIVES.map(([t]) => t));
    assert.deepEqual(await ws.doneMarks(), [true, true, true, true, true, true, true]);
  }
  assert.deepEqual(problems(), []);
  await context.close();
});

test("Previous, Next and the stepper move between steps; the step survives a reload", async () => {
  const { context, page, problems, ws } = await openWorkshop();
  assert.equal(await ws.t("ws-prev").isDisabled(), true);
  assert.match(await ws.t("ws-next").textContent(), /Next: Objectives/);
  await ws.next();
  await ws.next();
  assert.equal(await ws.currentStep(), 3);
  // The focus moves to the new step's title, for keyboard and screen-reader users.
  await page.locator("[data-testid=ws-step-title]:focus").waitFor();
  await ws.previous();
  assert.equal(await ws.currentStep(), 2);
  await ws.goTo(5);
  assert.equal(await ws.stepButton(5).getAttribute("aria-current"), "step");
  assert.equal(await ws.stepButton(2).getAttribute("aria-current"), null);
  // Steps that need earlier work say so and link back.
  await ws.t("ws-kpis-empty").getByRole("button").click();
  assert.equal(await ws.currentStep(), 4);
  await page.reload();
  await ws.t("workshop").waitFor();
  assert.equal(await ws.currentStep(), 4);
  // A nonsense stored step falls back to step 1.
  await page.evaluate(() => localStorage.setItem("smsc.workshop.step", "99"));
  await page.reload();
  await ws.t("workshop").waitFor();
  assert.equal(await ws.currentStep(), 1);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the countdown starts, pauses, resets, keeps running elsewhere and says time is up", async () => {
  const { context, page, problems, ws } = await openWorkshop();
  assert.equal(await ws.clock(), "10:00");
  assert.equal(await ws.t("ws-timer-status").getAttribute("aria-live"), "polite");
  await ws.t("ws-timer-minutes").selectOption("5");
  assert.equal(await ws.clock(), "5:00");

  await ws.setCustomMinutes("0.05");
  assert.equal(await ws.clock(), "0:03");
  await ws.t("ws-timer-start").click();
  await page.locator("[data-testid=ws-timer][data-phase=running]").waitFor();
  await ws.t("ws-timer-pause").click();
  const paused = await ws.clock();
  await page.waitForTimeout(1200);
  assert.equal(await ws.clock(), paused, "a paused clock stands still");
  await ws.t("ws-timer-reset").click();
  assert.equal(await ws.clock(), "0:03");
  assert.equal(await ws.t("ws-timer").getAttribute("data-phase"), "ready");

  // Running: the group keeps working meanwhile, and may even leave the view.
  await ws.t("ws-timer-start").click();
  await ws.setMission("Written while the clock runs");
  await ws.t("tab-map").click();
  await page.waitForTimeout(500);
  await ws.open();
  assert.equal(await ws.t("ws-mission-input").inputValue(), "Written while the clock runs");
  await page.locator("[data-testid=ws-timer][data-phase=time-up]").waitFor({ timeout: 8000 });
  assert.equal((await ws.t("ws-timer-status").textContent()).trim(), "Time is up");
  assert.equal(await ws.clock(), "0:00");
  // Never blocking: the fields still take input.
  await ws.setMission("Still editable");
  await ws.waitDone(1);
  await ws.t("ws-timer-reset").click();
  assert.equal((await ws.t("ws-timer-status").textContent()).trim(), "");

  // A custom time that is not a number is refused at the field.
  await ws.t("ws-timer-custom").fill("soon");
  assert.match(await ws.t("ws-timer").textContent(), /not a number/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("in Dutch the steps, titles, questions and examples are Dutch", async () => {
  const { context, problems, ws } = await openWorkshop({ locale: "nl-NL" });
  assert.equal(await ws.title(), "De social media missie");
  assert.equal(await ws.question(), "Waar staan we voor op social media?");
  assert.match(await ws.example(), /voedingssupplementen/);
  assert.equal((await ws.t("ws-step-count").textContent()).trim(), "Stap 1 van 7");
  assert.equal((await ws.t("ws-progress-text").textContent()).trim(), "0 van 7 stappen klaar");
  assert.match(await ws.stepButton(4).textContent(), /Subdoelstellingen/);
  assert.match(await ws.t("ws-next").textContent(), /Volgende: Doelstellingen/);
  await ws.goTo(3);
  assert.equal(await ws.title(), "De vier factoren");
  assert.equal(
    await ws.question(),
    "Welke vier factoren zorgen er samen voor dat de doelstellingen gehaald worden?",
  );
  assert.equal(await ws.factor("customers").getByTestId("ws-factor-question").inputValue(), "Wat gaan we met klanten doen?");
  await ws.goTo(5);
  assert.equal(await ws.title(), "KPI's met nulmeting, doel en databron");
  assert.match(await ws.example(), /binnen 2 uur/);
  await ws.goTo(7);
  assert.equal(await ws.question(), "Wie meet wat, hoe vaak, en uit welke bron?");
  assert.equal((await ws.t("ws-timer-start").textContent()).trim(), "▶ Start");
  assert.match(await ws.t("ws-timer").textContent(), /Timer voor de groep/);
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
