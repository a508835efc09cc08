// The editor, used as a user would: build the article's example from a blank scorecard
// through the UI alone, undo and redo across kinds of change, the method coach, number
// fields in both notations, keyboard reordering, and hostile text that must stay text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { watchedPage } from "./support/browser.mjs";
import { AppPage, Editor, showView, waitForView } from "./support/app-page.mjs";
import {
  eventually,
  expectAttribute,
  expectCount,
  expectCountAtLeast,
  expectText,
  expectValue,
  waitForValue,
  waitUntil,
} from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const served = servedApp();

async function openBlank(viewport = { width: 1400, height: 1000 }) {
  const context = await served.browser.newContext({ viewport, locale: "en-GB" });
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(served.server.url);
  return { context, page, problems, ed: new Editor(page) };
}

const OBJECTIVES = [
  ["Loyalty", "Members stay: 80 % of members active after one year."],
  ["Interaction", "Members help each other: 500 posts a month."],
  ["Data", "We know our members: 60 % complete profiles."],
  ["Satisfaction", "Members are satisfied: average rating 8 or more."],
];

test("the article's example is built from a blank scorecard through the UI alone", async () => {
  const { context, page, problems, ed } = await openBlank();
  await ed.setMission("We help our customers live healthier, together with them, in our community.");
  for (const [title, description] of OBJECTIVES) await ed.addObjective(title, description);

  const soId = await ed.addSubObjective("organisation", "Members get answers to content questions quickly");
  assert.match(soId, /^so-/);
  await ed.linkToObjective("Satisfaction");
  await ed.addKpi({
    name: "Response time of product management",
    unit: "hours",
    direction: "lower",
    baseline: 8,
    target: 2,
    source: "Reporting tool",
    owner: "Community manager",
  });
  await ed.backToParent();
  await ed.addAction({ title: "Train product management in social media", owner: "HR", status: "in_progress" });
  await ed.addAction({ title: "Appoint a responsible person in product management", owner: "Head of product" });
  await ed.closePanel();

  // The strategy band shows the mission and the four objectives.
  await expectText(
    page.getByTestId("mission"),
    "We help our customers live healthier, together with them, in our community.",
  );
  await waitForValue(
    async () => (await page.getByTestId("objective-title").allTextContents()).map((t) => t.trim()),
    OBJECTIVES.map(([t]) => t),
    "the objectives' titles in the band",
  );
  const satisfaction = page.getByTestId("objective").filter({ hasText: "Satisfaction" });
  await expectText(satisfaction, /1 sub-objective contributes/);

  // The Organisation quadrant shows the sub-objective with its KPI, target, owner and actions.
  const card = page.getByTestId("quadrant-organisation").getByTestId("sub-objective");
  await expectCount(card, 1);
  const kpi = card.getByTestId("kpi");
  await expectText(kpi, /Response time of product management/);
  await expectText(kpi, /Target: 2 hours/);
  await expectText(card.getByTestId("sub-objective-meta"), /Open actions: 2/);
  await expectAttribute(card.getByTestId("status"), "data-status", "grey");

  // The strategy map draws the contribution link as a connector.
  await showView(page, "map");
  assert.match(page.url(), /#map$/);
  await expectCount(page.getByTestId("map-objective"), 4);
  const objId = await page.getByTestId("map-objective").filter({ hasText: "Satisfaction" }).getAttribute("data-id");
  const connector = page.locator(
    `[data-testid=map-connector][data-kind=contribution][data-from="${soId}"][data-to="${objId}"]`,
  );
  await connector.waitFor({ state: "attached" });
  await expectCount(page.getByTestId("map-connector"), 1);

  // Back to the scorecard with the browser's back button: in-page navigation.
  await page.goBack();
  await waitForView(page, "scorecard");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("undo and redo walk back and forth across several kinds of change", async () => {
  const { context, page, problems, ed } = await openBlank();
  const snapshot = async () =>
    page.evaluate(() => ({
      mission: document.querySelector("[data-testid=mission]").textContent.trim(),
      objectives: [...document.querySelectorAll("[data-testid=objective-title]")].map((e) => e.textContent.trim()),
      subs: [...document.querySelectorAll("[data-testid=sub-objective] .sub-objective-title")].map((e) =>
        e.textContent.trim(),
      ),
      contributes: [...document.querySelectorAll("[data-testid=objective]")].map((e) =>
        e.textContent.includes("1 sub-objective contributes"),
      ),
    }));
  /** Waits until the snapshot is no longer `previous` (each undo or redo step shows). */
  const changedFrom = (previous, what) =>
    eventually(
      async () => {
        const now = await snapshot();
        assert.notDeepEqual(now, previous, "nothing on the page changed");
        return now;
      },
      { what },
    );
  const states = [await snapshot()];
  // 1. typing the mission character by character is one step
  await page.getByTestId("mission").click();
  await page.getByTestId("mission-input").pressSequentially("Grow together");
  await expectText(page.getByTestId("mission"), "Grow together");
  states.push(await snapshot());
  // 2. add an objective (and title it: a second step)
  await ed.addObjective("Loyalty");
  states.push(await snapshot());
  // 3. add a sub-objective, title it, link it
  await ed.addSubObjective("customers", "Faster answers");
  states.push(await snapshot());
  await ed.linkToObjective("Loyalty");
  await expectText(page.getByTestId("objective"), /1 sub-objective contributes/);
  states.push(await snapshot());
  // 4. delete the objective (the link goes with it)
  await page.getByTestId("objective").first().getByRole("button").first().click();
  await page.getByTestId("delete-item").click();
  await page.getByTestId("notice").waitFor();
  await expectCount(page.getByTestId("objective"), 0, "objectives after the delete");
  states.push(await snapshot());
  assert.deepEqual(states.at(-1).objectives, []);

  await page.locator("body").click({ position: { x: 5, y: 5 } });
  // Each of these changes is reachable by undo: walk back to the start, one visible step a key.
  const seen = [await snapshot()];
  for (let i = 0; i < 20 && (await page.getByTestId("undo").isEnabled()); i++) {
    await page.keyboard.press("Control+z");
    seen.push(await changedFrom(seen.at(-1), `undo step ${i + 1}`));
  }
  assert.deepEqual(seen.at(-1), states[0], "undo reaches the blank scorecard");
  for (const s of states) assert.ok(seen.some((x) => JSON.stringify(x) === JSON.stringify(s)), `state ${JSON.stringify(s)} passed on the way back`);
  // One undo of the typed mission: typing was one step (the mission is whole or empty).
  assert.ok(seen.every((s) => s.mission === "Grow together" || s.mission.startsWith("No mission yet")));

  // Redo everything with Ctrl+Shift+Z and Ctrl+Y and the button.
  let shown = seen.at(-1);
  for (const key of ["Control+Shift+z", "Control+Shift+z", "Control+y"]) {
    await page.keyboard.press(key);
    shown = await changedFrom(shown, `redo with ${key}`);
  }
  while (await page.getByTestId("redo").isEnabled()) {
    await page.getByTestId("redo").click();
    shown = await changedFrom(shown, "redo with the button");
  }
  assert.deepEqual(shown, states.at(-1), "redo reaches the last state");
  // And the Undo button of the delete notice undoes the delete.
  await page.getByTestId("undo").click();
  await waitForValue(snapshot, states.at(-2), "the state before the delete");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the method coach lists what is missing, clears entries, and jumps to the item", async () => {
  const { context, page, problems, ed } = await openBlank();
  await ed.expectCoach({ has: ["no-mission", "no-objectives", "empty-factor:customers", "empty-factor:medium"] });
  // Jump: the "no mission" entry opens the scorecard form on the mission.
  await page.locator("[data-testid=coach-entry][data-key=no-mission]").click();
  await page.getByTestId("mission-input").waitFor();
  await page.getByTestId("mission-input").fill("We stand for healthy living.");
  // The mission shows in the band (the edit is in), then its coach entry is gone.
  await expectText(page.getByTestId("mission"), "We stand for healthy living.");
  await ed.expectCoach({ has: ["no-objectives"], lacks: ["no-mission"] }, "the mission entry cleared");

  const withoutContributor = (k) => k.startsWith("objective-without-contributor:");
  await ed.addObjective("Loyalty");
  await ed.expectCoach({ has: [withoutContributor], lacks: ["no-objectives"] });
  const soId = await ed.addSubObjective("medium", "Active members");
  await ed.expectCoach({
    has: [`sub-objective-unlinked:${soId}`, `sub-objective-without-actions:${soId}`],
    lacks: ["empty-factor:medium"],
  });
  await ed.linkToObjective("Loyalty");
  await expectText(page.getByTestId("objective"), /1 sub-objective contributes/);
  await ed.expectCoach({
    has: [`sub-objective-without-actions:${soId}`],
    lacks: [`sub-objective-unlinked:${soId}`, withoutContributor],
  });

  // A KPI without a target: the coach entry opens the KPI form.
  await ed.addKpi({ name: "Active members", unit: "%" });
  await ed.closePanel();
  const kpiEntry = page.locator("[data-testid=coach-entry][data-key^='kpi-incomplete:']");
  await expectText(kpiEntry, /lacks: a baseline, a target, an owner, a data source/);
  await kpiEntry.click();
  await expectValue(page.getByTestId("kpi-name-input"), "Active members");

  // The crowding limit is configurable.
  await page.getByTestId("coach-limit").fill("1");
  await page.getByTestId("coach-limit").press("Tab");
  await expectValue(page.getByTestId("coach-limit"), "1");
  await ed.expectCoach(
    { has: [`sub-objective-without-actions:${soId}`], lacks: ["factor-crowded:medium"] },
    "one sub-objective is within a limit of 1",
  );
  await ed.addSubObjective("medium", "Fresh content every week");
  await ed.expectCoach({ has: ["factor-crowded:medium"] }, "two are more than a limit of 1");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("number fields read 2.5 and 2,5; bad input shows a message at the field and changes nothing", async () => {
  const { context, page, problems, ed } = await openBlank();
  await ed.addSubObjective("financial", "Lower cost per member");
  await ed.addKpi({ name: "Cost per member", unit: "EUR", direction: "lower" });
  const baseline = page.getByTestId("kpi-baseline-input");
  await baseline.fill("2,5");
  await page.getByTestId("kpi-target-input").fill("1.25");
  await page.getByTestId("kpi-target-input").blur();
  // Both were read: the target is on the card, both fields valid; then no error is shown.
  const kpiLine = page.getByTestId("quadrant-financial").getByTestId("kpi");
  await expectText(kpiLine, /Target: 1.25 EUR/);
  await expectAttribute(baseline, "aria-invalid", "false");
  await expectAttribute(page.getByTestId("kpi-target-input"), "aria-invalid", "false");
  await expectCount(page.getByTestId("field-error"), 0);
  await ed.backToParent();
  await expectText(kpiLine, /Target: 1.25 EUR/);

  // An unreadable number: a message at the field, and the model keeps 1.25.
  await page.getByTestId("sub-objective-kpis").getByTestId("open-child").click();
  await page.getByTestId("kpi-target-input").fill("two");
  const error = page.getByTestId("field-error");
  await expectText(error, /"two" is not a number/);
  await expectAttribute(page.getByTestId("kpi-target-input"), "aria-invalid", "true");
  await expectText(kpiLine, /Target: 1.25 EUR/);
  // A value the model refuses (a negative weight) is also stopped at the field.
  await page.getByTestId("kpi-weight-input").fill("-3");
  await expectCount(page.getByTestId("field-error"), 2);
  await expectAttribute(page.getByTestId("kpi-weight-input"), "aria-invalid", "true");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("sub-objectives reorder with the keyboard and by dragging, and undo puts them back", async () => {
  // Tall enough that source and target quadrant are both on screen for the mouse drag.
  const { context, page, problems, ed } = await openBlank({ width: 1400, height: 1600 });
  for (const t of ["First", "Second", "Third"]) await ed.addSubObjective("customers", t);
  await ed.closePanel();
  const order = () =>
    page
      .getByTestId("quadrant-customers")
      .locator("[data-testid=sub-objective] .sub-objective-title")
      .allTextContents();
  await waitForValue(order, ["First", "Second", "Third"], "the customers' sub-objectives");
  const first = page.getByTestId("quadrant-customers").getByTestId("open-sub-objective").first();
  await first.focus();
  // The focus comes back to the moved card (after the list re-rendered).
  const focusOnFirst = () =>
    page.waitForFunction(() => document.activeElement?.dataset?.testid === "open-sub-objective" &&
      document.activeElement.textContent.includes("First"));
  await page.keyboard.press("Alt+ArrowDown");
  await waitForValue(order, ["Second", "First", "Third"], "the order after Alt+ArrowDown");
  await focusOnFirst();
  await page.keyboard.press("Alt+ArrowDown");
  await waitForValue(order, ["Second", "Third", "First"], "the order after a second Alt+ArrowDown");
  await focusOnFirst();
  await page.keyboard.press("Control+z");
  await waitForValue(order, ["Second", "First", "Third"], "the order after undo");

  // Drag "Third" into the Medium quadrant, once autosave is done (its indicator changes width).
  await page.locator("[data-testid=saved-indicator][data-state=saved]").waitFor();
  const third = page.getByTestId("quadrant-customers").getByTestId("sub-objective").filter({ hasText: "Third" });
  await third.dragTo(page.getByTestId("quadrant-medium"));
  const medium = () =>
    page.getByTestId("quadrant-medium").locator("[data-testid=sub-objective] .sub-objective-title").allTextContents();
  await waitForValue(medium, ["Third"], "the medium's sub-objectives after the drag");
  await waitForValue(order, ["Second", "First"], "the customers' sub-objectives after the drag");
  assert.deepEqual(problems(), []);
  await context.close();
});

const PAYLOADS = [
  `<img src=x onerror="window.__pwned=1">`,
  `<script>window.__pwned=2</script>`,
  `"><svg onload="window.__pwned=3">`,
  `javascript:window.__pwned=4`,
];

test("script and HTML typed into every text field stays text and runs nothing", async () => {
  const { context, page, problems, ed } = await openBlank();
  const payload = PAYLOADS.join(" ");
  /** Fills every text field of the open form, once `field` (one of that form's) shows. */
  const fillAllTextFields = async (field, atLeast = 1) => {
    await page.getByTestId(field).waitFor();
    const fields = page
      .getByTestId("side-panel")
      .locator("input[type=text]:not([inputmode=decimal]), textarea");
    const n = await expectCountAtLeast(fields, atLeast, `text fields of the form with ${field}`);
    for (let i = 0; i < n; i++) await fields.nth(i).fill(payload);
    return n;
  };
  await page.getByTestId("mission").click();
  await fillAllTextFields("mission-input", 13);
  await ed.addObjective("x");
  await fillAllTextFields("objective-title-input");
  await ed.addSubObjective("medium", "x");
  await fillAllTextFields("sub-objective-title-input");
  await ed.addKpi({ name: "x" });
  await fillAllTextFields("kpi-name-input");
  await page.getByTestId("measurement-value").fill("3");
  await page.getByTestId("measurement-note").fill(payload);
  await page.getByTestId("measurement-record").click();
  await expectCount(page.getByTestId("measurement-row"), 1, "the recorded measurement");
  await ed.backToParent();
  await ed.addAction({ title: "x" });
  await page.getByTestId("sub-objective-actions").getByTestId("open-child").click();
  await fillAllTextFields("action-title-input");
  await ed.closePanel();
  await showView(page, "map");
  await showView(page, "scorecard");

  // The scorecard shows the typed texts (the mission, the objective's description) as text.
  await waitUntil(
    () => page.getByTestId("mission").textContent(),
    (t) => t.includes(`<img src=x onerror="window.__pwned=1">`),
    "the mission shown as typed",
  );
  await waitUntil(
    () => page.getByTestId("objective-description").textContent(),
    (t) => t.includes("javascript:window.__pwned=4"),
    "the objective's description shown as typed",
  );
  const state = await page.evaluate(() => ({
    pwned: window.__pwned,
    injected: document.querySelectorAll("img[src=x], svg[onload], script:not([type=module])").length,
  }));
  assert.equal(state.pwned, undefined, "no payload ran");
  assert.equal(state.injected, 0, "no payload became an element");
  // The javascript: "link" in a description is not a live link.
  assert.equal(await page.locator("a[href^='javascript']").count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("links in descriptions are live only for http, https and mailto", async () => {
  const { context, page, problems, ed } = await openBlank();
  await ed.addObjective("Reach", "See https://example.org/plan and mailto:team@example.org, not javascript:alert(1)");
  await ed.closePanel();
  const description = page.getByTestId("objective-description");
  await expectText(description, /not javascript:alert\(1\)/);
  await waitForValue(
    () => description.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))),
    ["https://example.org/plan", "mailto:team@example.org"],
    "the live links in the description",
  );
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the Medium quadrant takes the medium's name, e.g. Community, until it is renamed", async () => {
  const { context, page, problems } = await openBlank();
  const heading = page.getByTestId("quadrant-medium").getByRole("heading", { level: 2 });
  await expectText(heading, "Medium");
  await page.getByTestId("mission").click();
  await page.getByTestId("medium-kind-input").pressSequentially("Community");
  await expectText(heading, "Community");
  await expectValue(page.getByTestId("factor-label-medium"), "Community");
  // A label of the user's own is kept when the kind changes.
  await page.getByTestId("factor-label-medium").fill("Our forum");
  await page.getByTestId("medium-kind-input").fill("Forum");
  await expectValue(page.getByTestId("medium-kind-input"), "Forum");
  await expectText(heading, "Our forum");
  // Typing the kind was one undo step for kind and label together.
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  await expectText(heading, "Medium");
  await expectValue(page.getByTestId("medium-kind-input"), "");
  assert.deepEqual(problems(), []);
  await context.close();
});
