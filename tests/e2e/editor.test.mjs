// The editor, used as a user would: build the article's example from a blank scorecard
// through the UI alone, undo and redo across kinds of change, the method coach, number
// fields in both notations, keyboard reordering, and hostile text that must stay text.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { serveDist } from "./support/server.mjs";
import { launch, watchedPage } from "./support/browser.mjs";
import { AppPage, Editor } from "./support/app-page.mjs";

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

async function openBlank(viewport = { width: 1400, height: 1000 }) {
  const context = await browser.newContext({ viewport, locale: "en-GB" });
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(server.url);
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
  assert.equal(
    (await page.getByTestId("mission").textContent()).trim(),
    "We help our customers live healthier, together with them, in our community.",
  );
  const titles = await page.getByTestId("objective-title").allTextContents();
  assert.deepEqual(titles.map((t) => t.trim()), OBJECTIVES.map(([t]) => t));
  const satisfaction = page.getByTestId("objective").filter({ hasText: "Satisfaction" });
  assert.match(await satisfaction.textContent(), /1 sub-objective contributes/);

  // The Organisation quadrant shows the sub-objective with its KPI, target, owner and actions.
  const card = page.getByTestId("quadrant-organisation").getByTestId("sub-objective");
  assert.equal(await card.count(), 1);
  const kpi = card.getByTestId("kpi");
  assert.match(await kpi.textContent(), /Response time of product management/);
  assert.match(await kpi.textContent(), /Target: 2 hours/);
  assert.match(await card.getByTestId("sub-objective-meta").textContent(), /Open actions: 2/);
  assert.equal(await card.getByTestId("status").getAttribute("data-status"), "grey");

  // The strategy map draws the contribution link as a connector.
  await page.getByTestId("tab-map").click();
  await page.getByTestId("strategy-map").waitFor();
  assert.match(page.url(), /#map$/);
  assert.equal(await page.getByTestId("map-objective").count(), 4);
  const objId = await page.getByTestId("map-objective").filter({ hasText: "Satisfaction" }).getAttribute("data-id");
  const connector = page.locator(
    `[data-testid=map-connector][data-kind=contribution][data-from="${soId}"][data-to="${objId}"]`,
  );
  await connector.waitFor({ state: "attached" });
  assert.equal(await page.getByTestId("map-connector").count(), 1);

  // Back to the scorecard with the browser's back button: in-page navigation.
  await page.goBack();
  await page.getByTestId("quadrants").waitFor();
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
  const states = [await snapshot()];
  // 1. typing the mission character by character is one step
  await page.getByTestId("mission").click();
  await page.getByTestId("mission-input").pressSequentially("Grow together");
  states.push(await snapshot());
  // 2. add an objective (and title it: a second step)
  await ed.addObjective("Loyalty");
  states.push(await snapshot());
  // 3. add a sub-objective, title it, link it
  await ed.addSubObjective("customers", "Faster answers");
  states.push(await snapshot());
  await ed.linkToObjective("Loyalty");
  states.push(await snapshot());
  // 4. delete the objective (the link goes with it)
  await page.getByTestId("objective").first().getByRole("button").first().click();
  await page.getByTestId("delete-item").click();
  await page.getByTestId("notice").waitFor();
  states.push(await snapshot());
  assert.deepEqual(states.at(-1).objectives, []);

  await page.locator("body").click({ position: { x: 5, y: 5 } });
  const undoCount = async (n, key) => {
    for (let i = 0; i < n; i++) await page.keyboard.press(key);
  };
  // Each of these changes is reachable by undo: walk back to the start.
  const seen = [await snapshot()];
  for (let i = 0; i < 20 && (await page.getByTestId("undo").isEnabled()); i++) {
    await page.keyboard.press("Control+z");
    seen.push(await snapshot());
  }
  assert.deepEqual(seen.at(-1), states[0], "undo reaches the blank scorecard");
  for (const s of states) assert.ok(seen.some((x) => JSON.stringify(x) === JSON.stringify(s)), `state ${JSON.stringify(s)} passed on the way back`);
  // One undo of the typed mission: typing was one step (the mission is whole or empty).
  assert.ok(seen.every((s) => s.mission === "Grow together" || s.mission.startsWith("No mission yet")));

  // Redo everything with Ctrl+Shift+Z and Ctrl+Y and the button.
  await undoCount(2, "Control+Shift+z");
  await page.keyboard.press("Control+y");
  while (await page.getByTestId("redo").isEnabled()) await page.getByTestId("redo").click();
  assert.deepEqual(await snapshot(), states.at(-1), "redo reaches the last state");
  // And the Undo button of the delete notice undoes the delete.
  await page.getByTestId("undo").click();
  assert.deepEqual(await snapshot(), states.at(-2));
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the method coach lists what is missing, clears entries, and jumps to the item", async () => {
  const { context, page, problems, ed } = await openBlank();
  let keys = await ed.coachKeys();
  for (const k of ["no-mission", "no-objectives", "empty-factor:customers", "empty-factor:medium"]) {
    assert.ok(keys.includes(k), `${k} listed`);
  }
  // Jump: the "no mission" entry opens the scorecard form on the mission.
  await page.locator("[data-testid=coach-entry][data-key=no-mission]").click();
  await page.getByTestId("mission-input").waitFor();
  await page.getByTestId("mission-input").fill("We stand for healthy living.");
  keys = await ed.coachKeys();
  assert.ok(!keys.includes("no-mission"), "the mission entry cleared");

  await ed.addObjective("Loyalty");
  keys = await ed.coachKeys();
  assert.ok(keys.some((k) => k.startsWith("objective-without-contributor:")));
  const soId = await ed.addSubObjective("medium", "Active members");
  keys = await ed.coachKeys();
  assert.ok(keys.includes(`sub-objective-unlinked:${soId}`));
  assert.ok(keys.includes(`sub-objective-without-actions:${soId}`));
  assert.ok(!keys.includes("empty-factor:medium"));
  await ed.linkToObjective("Loyalty");
  keys = await ed.coachKeys();
  assert.ok(!keys.includes(`sub-objective-unlinked:${soId}`));
  assert.ok(!keys.some((k) => k.startsWith("objective-without-contributor:")));

  // A KPI without a target: the coach entry opens the KPI form.
  await ed.addKpi({ name: "Active members", unit: "%" });
  await ed.closePanel();
  const kpiEntry = page.locator("[data-testid=coach-entry][data-key^='kpi-incomplete:']");
  assert.match(await kpiEntry.textContent(), /lacks: a baseline, a target, an owner, a data source/);
  await kpiEntry.click();
  assert.equal(await page.getByTestId("kpi-name-input").inputValue(), "Active members");

  // The crowding limit is configurable.
  await page.getByTestId("coach-limit").fill("1");
  await page.getByTestId("coach-limit").press("Tab");
  assert.ok(!(await ed.coachKeys()).includes("factor-crowded:medium"), "one sub-objective is within a limit of 1");
  await ed.addSubObjective("medium", "Fresh content every week");
  assert.ok((await ed.coachKeys()).includes("factor-crowded:medium"), "two are more than a limit of 1");
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
  assert.equal(await page.getByTestId("field-error").count(), 0);
  await ed.backToParent();
  const kpiLine = page.getByTestId("quadrant-financial").getByTestId("kpi");
  assert.match(await kpiLine.textContent(), /Target: 1.25 EUR/);

  // An unreadable number: a message at the field, and the model keeps 1.25.
  await page.getByTestId("sub-objective-kpis").getByTestId("open-child").click();
  await page.getByTestId("kpi-target-input").fill("two");
  const error = page.getByTestId("field-error");
  assert.match(await error.textContent(), /"two" is not a number/);
  assert.equal(await page.getByTestId("kpi-target-input").getAttribute("aria-invalid"), "true");
  assert.match(await kpiLine.textContent(), /Target: 1.25 EUR/);
  // A value the model refuses (a negative weight) is also stopped at the field.
  await page.getByTestId("kpi-weight-input").fill("-3");
  assert.equal(await page.getByTestId("field-error").count(), 2);
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
  assert.deepEqual(await order(), ["First", "Second", "Third"]);
  const first = page.getByTestId("quadrant-customers").getByTestId("open-sub-objective").first();
  await first.focus();
  // The focus comes back to the moved card (after the list re-rendered).
  const focusOnFirst = () =>
    page.waitForFunction(() => document.activeElement?.dataset?.testid === "open-sub-objective" &&
      document.activeElement.textContent.includes("First"));
  await page.keyboard.press("Alt+ArrowDown");
  assert.deepEqual(await order(), ["Second", "First", "Third"]);
  await focusOnFirst();
  await page.keyboard.press("Alt+ArrowDown");
  assert.deepEqual(await order(), ["Second", "Third", "First"]);
  await focusOnFirst();
  await page.keyboard.press("Control+z");
  assert.deepEqual(await order(), ["Second", "First", "Third"]);

  // Drag "Third" into the Medium quadrant, once autosave is done (its indicator changes width).
  await page.locator("[data-testid=saved-indicator][data-state=saved]").waitFor();
  const third = page.getByTestId("quadrant-customers").getByTestId("sub-objective").filter({ hasText: "Third" });
  await third.dragTo(page.getByTestId("quadrant-medium"));
  assert.deepEqual(await order(), ["Second", "First"]);
  const medium = await page
    .getByTestId("quadrant-medium")
    .locator("[data-testid=sub-objective] .sub-objective-title")
    .allTextContents();
  assert.deepEqual(medium, ["Third"]);
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
  const fillAllTextFields = async () => {
    const fields = page.locator(".side-panel input[type=text]:not([inputmode=decimal]), .side-panel textarea");
    const n = await fields.count();
    for (let i = 0; i < n; i++) await fields.nth(i).fill(payload);
    return n;
  };
  await page.getByTestId("mission").click();
  assert.ok((await fillAllTextFields()) >= 13, "the scorecard form's text fields");
  await ed.addObjective("x");
  await fillAllTextFields();
  await ed.addSubObjective("medium", "x");
  await fillAllTextFields();
  await ed.addKpi({ name: "x" });
  await fillAllTextFields();
  await page.getByTestId("measurement-value").fill("3");
  await page.getByTestId("measurement-note").fill(payload);
  await page.getByTestId("measurement-record").click();
  await ed.backToParent();
  await ed.addAction({ title: "x" });
  await page.getByTestId("sub-objective-actions").getByTestId("open-child").click();
  await fillAllTextFields();
  await ed.closePanel();
  await page.getByTestId("tab-map").click();
  await page.getByTestId("strategy-map").waitFor();
  await page.getByTestId("tab-scorecard").click();

  const state = await page.evaluate(() => ({
    pwned: window.__pwned,
    injected: document.querySelectorAll("img[src=x], svg[onload], script:not([type=module])").length,
    missionText: document.querySelector("[data-testid=mission]").textContent,
  }));
  assert.equal(state.pwned, undefined, "no payload ran");
  assert.equal(state.injected, 0, "no payload became an element");
  assert.ok(state.missionText.includes(`<img src=x onerror="window.__pwned=1">`), "the text is shown as typed");
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
  const hrefs = await description.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(hrefs, ["https://example.org/plan", "mailto:team@example.org"]);
  assert.match(await description.textContent(), /not javascript:alert\(1\)/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the Medium quadrant takes the medium's name, e.g. Community, until it is renamed", async () => {
  const { context, page, problems } = await openBlank();
  const heading = page.getByTestId("quadrant-medium").getByRole("heading", { level: 2 });
  assert.equal((await heading.textContent()).trim(), "Medium");
  await page.getByTestId("mission").click();
  await page.getByTestId("medium-kind-input").pressSequentially("Community");
  assert.equal((await heading.textContent()).trim(), "Community");
  assert.equal(await page.getByTestId("factor-label-medium").inputValue(), "Community");
  // A label of the user's own is kept when the kind changes.
  await page.getByTestId("factor-label-medium").fill("Our forum");
  await page.getByTestId("medium-kind-input").fill("Forum");
  assert.equal((await heading.textContent()).trim(), "Our forum");
  // Typing the kind was one undo step for kind and label together.
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  assert.equal((await heading.textContent()).trim(), "Medium");
  assert.equal(await page.getByTestId("medium-kind-input").inputValue(), "");
  assert.deepEqual(problems(), []);
  await context.close();
});
