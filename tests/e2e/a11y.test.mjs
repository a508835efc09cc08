// Accessibility: axe-core (from npm, run inside the page) reports no serious or critical
// violation on any view or form, and the editor works with the keyboard alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { axeProblems } from "./support/axe.mjs";
import { watchedPage } from "./support/browser.mjs";
import { AppPage, Editor, showView } from "./support/app-page.mjs";
import { expectCount, expectText, expectVisible } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const served = servedApp();

for (const scheme of ["light", "dark"]) {
  test(`no serious or critical axe violation on any view or form (${scheme})`, async () => {
    // axe is injected by evaluation; the app's own CSP stays as it is for the app.
    const context = await served.browser.newContext({ viewport: { width: 1400, height: 1000 }, colorScheme: scheme, bypassCSP: true });
    const { page, problems } = await watchedPage(context);
    await new AppPage(page).open(served.server.url);
    const ed = new Editor(page);
    const report = {};
    report["blank scorecard"] = await axeProblems(page);

    await ed.setMission("Healthy together");
    report["scorecard form"] = await axeProblems(page);
    await ed.addObjective("Loyalty", "Members stay, see https://example.org");
    report["objective form"] = await axeProblems(page);
    await ed.addSubObjective("medium", "Quick answers");
    await ed.linkToObjective("Loyalty");
    report["sub-objective form"] = await axeProblems(page);
    await ed.addKpi({ name: "Response time", unit: "hours", direction: "lower", baseline: 8, target: 2 });
    await page.getByTestId("measurement-value").fill("3,5");
    await page.getByTestId("measurement-record").click();
    await expectCount(page.getByTestId("measurement-row"), 1, "the recorded measurement");
    report["KPI form with measurements"] = await axeProblems(page);
    await ed.backToParent();
    await ed.addAction({ title: "Train product management" });
    await page.getByTestId("sub-objective-actions").getByTestId("open-child").click();
    await page.getByTestId("action-title-input").waitFor();
    report["action form"] = await axeProblems(page);
    await ed.closePanel();
    report["filled scorecard"] = await axeProblems(page);
    await showView(page, "map");
    report["strategy map"] = await axeProblems(page);
    await showView(page, "data");
    report["data view"] = await axeProblems(page);
    // The platform import with a read file (a real Meta export), a day/month question and a
    // refused file: every state the dialog can show.
    await page.getByTestId("platform-import-open").click();
    await page.getByTestId("pi-file-input").setInputFiles([
      { name: "fb_daily_reach_utf16_oigetit.csv", mimeType: "text/csv", buffer: readFileSync(new URL("../fixtures/platforms/meta/fb_daily_reach_utf16_oigetit.csv", import.meta.url)) },
      { name: "signups.csv", mimeType: "text/csv", buffer: Buffer.from("Date,Sign-ups\n01/02/2025,5\n03/02/2025,7\n05/02/2025,9\n") },
      { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello\n") },
    ]);
    await expectCount(page.getByTestId("pi-file"), 3, "three files in the import");
    await page.getByTestId("pi-date-question").waitFor();
    report["platform import dialog"] = await axeProblems(page);
    await page.getByTestId("pi-cancel").click();
    await page.getByTestId("platform-import-dialog").waitFor({ state: "detached" });

    const failing = Object.entries(report).filter(([, v]) => v.length > 0);
    assert.deepEqual(failing, [], JSON.stringify(failing, null, 2));
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

test("the editor works with the keyboard alone, with a visible focus", async () => {
  const context = await served.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(served.server.url);
  // Tab to "+ Add objective" and press Enter.
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.dataset?.testid === "add-objective");
  }
  assert.ok(reached, "Tab reaches the Add objective button");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none", "the focused control shows a focus ring");
  await page.keyboard.press("Enter");
  // The new objective's form opens with the focus in its title field.
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "objective-title-input");
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Loyalty");
  await expectText(page.getByTestId("objective-title"), "Loyalty");
  await page.keyboard.press("Escape");
  await expectVisible(page.getByTestId("side-panel"), false, "Escape closes the panel");
  assert.equal(await page.getByTestId("side-panel").count(), 0, "Escape closes the panel");
  // Every form control in the panel has a label: the scorecard's form, opened by keyboard.
  await page.getByTestId("mission").focus();
  await page.keyboard.press("Enter");
  await page.getByTestId("side-panel").getByTestId("mission-input").waitFor();
  const controls = await page.getByTestId("side-panel").evaluate((panel) =>
    [...panel.querySelectorAll("input, select, textarea")].map((el) => ({
      testid: el.dataset.testid ?? null,
      labelled: Boolean(el.labels?.length || el.getAttribute("aria-label")),
      html: el.outerHTML,
    })),
  );
  assert.ok(controls.length >= 13, `the scorecard form's controls were checked (${controls.length})`);
  assert.ok(controls.some((c) => c.testid === "mission-input"), "the mission field was among them");
  assert.deepEqual(controls.filter((c) => !c.labelled).map((c) => c.html), []);
  assert.deepEqual(problems(), []);
  await context.close();
});
