// Workshop groups without a server, as a facilitator runs it: the article's example handed
// out to three groups (Customers + Financial, Organisation, Medium); each group opens its
// file in its own browser, sees its assignment, adds a sub-objective with a KPI in its factor,
// and two groups rewrite the mission differently; the facilitator collects the three files
// (plus a damaged file and one file twice, each refused with its reason), sees per group what
// it did and the mission conflict side by side, picks the Medium group's mission, and merges:
// one undo step. Then "Compare with a file…" takes one chosen change from a colleague's copy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { watchedPage } from "./support/browser.mjs";
import { AppPage, Editor, showView } from "./support/app-page.mjs";
import { StoragePage } from "./support/storage-page.mjs";
import { axeProblems } from "./support/axe.mjs";
import { fixClock, takeScreenshot } from "./support/screenshots.mjs";
import { expectAttribute, expectCount, expectText, waitUntil } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const served = servedApp();

/** A fresh browser (its own storage), with the app open. */
async function fresh() {
  const context = await served.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "en-GB", timezoneId: "Europe/Amsterdam", acceptDownloads: true, bypassCSP: true });
  await fixClock(context);
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(served.server.url);
  return { context, page, problems, s: new StoragePage(page), ed: new Editor(page) };
}

async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const s = new StoragePage(page);
  return { name: download.suggestedFilename(), text: await s.downloadText(download) };
}

const MISSION_ORG = "Our community answers every member's question about our supplements within a day.";
const MISSION_MED = "Our community is where customers and resellers help each other use our supplements well.";

/** A group opens its file, checks its assignment, adds its work and sends the file back. */
async function groupWork(file, { factor, assigned, sub, kpi, mission }) {
  const g = await fresh();
  await g.s.pickFile(file.name, file.text);
  await expectText(g.page.getByTestId("group-banner"), /working on/, "the group's assignment");
  for (const f of ["customers", "financial", "organisation", "medium"]) {
    await expectAttribute(g.page.getByTestId(`quadrant-${f}`), "data-assigned", assigned.includes(f) ? "true" : null, `quadrant ${f} assigned or not`);
  }
  await g.ed.addSubObjective(factor, sub);
  await g.ed.addKpi({ name: kpi, unit: "%", target: 50 });
  await g.ed.closePanel();
  if (mission) {
    await g.s.setMission(mission);
    await g.ed.closePanel();
  }
  const back = await downloadOf(g.page, () => g.page.getByTestId("export").click());
  assert.deepEqual(g.problems(), [], "no errors in the group's browser");
  await g.context.close();
  return back;
}

test("hand out to three groups, collect, resolve the mission conflict, merge, undo", async () => {
  const f = await fresh();
  const { page, s } = f;
  await s.create("example");
  const original = (await page.getByTestId("mission").textContent()).trim();
  const subCount = await page.getByTestId("sub-objective").count();

  // Hand out: the three default groups.
  await showView(page, "workshop");
  await page.getByTestId("handout-open").click();
  await expectCount(page.getByTestId("handout-group"), 3, "three groups by default");
  await page.getByTestId("handout-name-0").fill("Customers + Financial");
  await page.getByTestId("handout-name-1").fill("Organisation");
  await page.getByTestId("handout-name-2").fill("Medium");
  await page.getByTestId("handout-make").click();
  const files = [];
  for (let i = 0; i < 3; i++) {
    files.push(await downloadOf(page, () => page.getByTestId(`handout-download-${i}`).click()));
  }
  assert.match(files[1].name, /organisation/);
  assert.equal(JSON.parse(files[2].text).scorecard.lineage.group.name, "Medium");
  await page.getByTestId("handout-close").click();

  const returned = [
    await groupWork(files[0], { factor: "customers", assigned: ["customers", "financial"], sub: "Resellers recommend our supplements", kpi: "Recommendations by resellers" }),
    await groupWork(files[1], { factor: "organisation", assigned: ["organisation"], sub: "An expert is on duty every weekday", kpi: "Weekday hours covered", mission: MISSION_ORG }),
    await groupWork(files[2], { factor: "medium", assigned: ["medium"], sub: "Members come back", kpi: "Members returning within 30 days", mission: MISSION_MED }),
  ];

  // Collect: the three files, a damaged one and one twice.
  await page.getByTestId("collect-open").click();
  const input = page.getByTestId("collect-input");
  await input.setInputFiles([
    ...returned.map((r, i) => ({ name: `group-${i + 1}.json`, mimeType: "application/json", buffer: Buffer.from(r.text) })),
    { name: "damaged.json", mimeType: "application/json", buffer: Buffer.from(returned[0].text.slice(0, 200)) },
    { name: "again.json", mimeType: "application/json", buffer: Buffer.from(returned[1].text) },
  ]);
  const file = (name) => page.locator(`[data-testid=collect-file][data-name="${name}"]`);
  await expectAttribute(file("group-1.json"), "data-outcome", "merged", "group 1 merges");
  await expectAttribute(file("group-3.json"), "data-outcome", "merged", "group 3 merges");
  await expectAttribute(file("damaged.json"), "data-outcome", "not-json", "the damaged file refused");
  await expectAttribute(file("again.json"), "data-outcome", "twice", "the same copy twice refused");
  await expectText(file("again.json"), /group-2\.json/, "names the earlier file");
  const side = (name) => page.locator(`[data-testid=collect-side][data-side="${name}"]`);
  await expectAttribute(side("Customers + Financial"), "data-added", "2", "group 1 added a sub-objective and a KPI");
  await expectAttribute(side("Medium"), "data-changed", "1", "group 3 changed the mission");
  await expectCount(page.locator("[data-testid^=merge-conflict-]"), 1, "one conflict: the mission");
  const conflict = page.getByTestId("merge-conflict-0");
  await expectText(conflict, new RegExp(MISSION_ORG.slice(0, 40)), "Organisation's mission shown");
  await expectText(conflict, new RegExp(MISSION_MED.slice(0, 40)), "Medium's mission shown");
  await takeScreenshot(page, "merge-review.png", { width: 1400, height: 1000 });
  await side("Organisation").locator("summary").click();
  await conflict.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await takeScreenshot(page, "merge-conflict.png", { width: 1400, height: 1000 });
  assert.deepEqual(await axeProblems(page), [], "the review passes axe");
  await conflict.locator("[data-side=Medium] input").check();
  await expectText(page.getByTestId("collect-status"), /1 of 1 conflict/, "the conflict decided");
  await page.getByTestId("collect-apply").click();
  await page.getByTestId("collect-dialog").waitFor({ state: "detached" });

  await showView(page, "scorecard");
  await expectText(page.getByTestId("mission"), MISSION_MED, "the chosen mission");
  await expectCount(page.getByTestId("sub-objective"), subCount + 3, "every group's sub-objective");
  for (const [factor, title] of [["customers", "Resellers recommend our supplements"], ["organisation", "An expert is on duty every weekday"], ["medium", "Members come back"]]) {
    await expectText(page.getByTestId(`quadrant-${factor}`), new RegExp(title), `${title} in ${factor}`);
  }

  // One undo step restores the scorecard as before.
  await page.getByTestId("undo").click();
  await expectText(page.getByTestId("mission"), original, "the mission as before");
  await expectCount(page.getByTestId("sub-objective"), subCount, "the sub-objectives as before");
  assert.deepEqual(f.problems(), []);
  await f.context.close();
});

test("compare with a colleague's copy and take one chosen change over", async () => {
  const f = await fresh();
  const { page, s } = f;
  await s.create("example");
  const mine = await s.exportOpen();
  const copy = JSON.parse(mine.text);
  copy.scorecard.mission = "A colleague's new mission.";
  copy.scorecard.title = "A colleague's title";
  const original = (await page.getByTestId("mission").textContent()).trim();

  await page.getByTestId("compare-open").click();
  await page.getByTestId("compare-input").setInputFiles({ name: "colleague.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(copy)) });
  await expectCount(page.getByTestId("compare-change"), 2, "title and mission differ");
  const mission = page.locator("[data-testid=compare-change][data-path=mission]");
  await expectText(mission, /A colleague's new mission/, "old and new value shown");
  assert.deepEqual(await axeProblems(page), [], "the comparison passes axe");
  await mission.locator("input").check();
  await page.getByTestId("compare-apply").click();
  await page.getByTestId("compare-dialog").waitFor({ state: "detached" });
  await expectText(page.getByTestId("mission"), "A colleague's new mission.", "the ticked change taken");
  assert.notEqual((await page.getByTestId("app-title").textContent()).trim(), "A colleague's title", "the unticked change left out");

  // A file that is not a scorecard is refused with the reason.
  await page.getByTestId("compare-open").click();
  await page.getByTestId("compare-input").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("[1, 2") });
  await expectAttribute(page.getByTestId("compare-refused"), "data-kind", "not-json", "refused as not JSON");
  await page.getByTestId("compare-cancel").click();
  await page.getByTestId("undo").click();
  await expectText(page.getByTestId("mission"), original, "undo restores the mission");
  assert.deepEqual(f.problems(), []);
  await f.context.close();
});
