// Behaviour no other e2e file covers, used as a user would: the KPI form's band, amber
// threshold and weight moving statuses and scores (worked out by hand from docs/scoring.md),
// cause → effect links on the map, deleting a measurement and its Undo, the ↑/↓ move buttons,
// copying a share link and opening a pasted one, the scorecard's language, "Belongs to" for
// KPIs and actions, the coach's remembered limit, projector mode (nothing reachable, nothing
// typed, arrows through four views), other tabs deleting, clearing or damaging storage, a
// newer app's storage left alone, and a stale KPI reading "Out of date". The clock is fixed
// on 10 April 2026 where dates matter.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseStored } from "./support/packed.mjs";
import { watchedPage } from "./support/browser.mjs";
import { AppPage, Editor, showView, waitForView } from "./support/app-page.mjs";
import { StoragePage } from "./support/storage-page.mjs";
import { MonitoringPage, RESPONSE_TIME, TODAY } from "./support/monitoring-page.mjs";
import { WorkshopPage } from "./support/workshop-page.mjs";
import { fixClock } from "./support/screenshots.mjs";
import {
  expectAttribute,
  expectCount,
  expectEnabled,
  expectText,
  expectValue,
  expectVisible,
  holdsFor,
  waitForValue,
  waitUntil,
} from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const served = servedApp();

const VIEWPORT = { width: 1400, height: 1000 };

/** A fresh context (empty storage) on the fixed clock, with one watched page showing the app. */
async function open({ clock = true, ...options } = {}) {
  const context = await served.browser.newContext({
    viewport: VIEWPORT,
    locale: "en-GB",
    timezoneId: "Europe/Amsterdam",
    ...options,
  });
  if (clock) await fixClock(context, new Date(`${TODAY}T10:00:00+02:00`));
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(served.server.url);
  return { context, page, problems, ...helpers(page) };
}

/** A second watched page in `context` (another tab of the same browser profile). */
async function openTab(context) {
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(served.server.url);
  return { page, problems, ...helpers(page) };
}

function helpers(page) {
  return {
    ed: new Editor(page),
    m: new MonitoringPage(page),
    sp: new StoragePage(page),
    t: (id) => page.getByTestId(id),
  };
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A status badge's text ends with the score: "✕Off target50 %". */
const endsWithPercent = (percent) => new RegExp(`(?<![\\d.])${escape(percent)} %$`);

/** The card of sub-objective `id` in its quadrant. */
const soCard = (page, id) => page.locator(`[data-testid=sub-objective][data-id="${id}"]`);
/** Opens sub-objective `id` in the side panel by its card, and waits for its form. */
async function openSubObjective(page, id, title) {
  await page.locator(`[data-testid=open-sub-objective][data-card-id="${id}"]`).click();
  await expectAttribute(soCard(page, id), "data-selected", "true", `sub-objective "${title}" selected`);
  await expectValue(page.getByTestId("sub-objective-title-input"), title, `the form of "${title}"`);
}
/** Opens a child (KPI or action) of the open sub-objective's form by its id. */
async function openChild(page, list, id) {
  await page.getByTestId(list).locator(`[data-testid=open-child][data-id="${id}"]`).click();
}
/** The ids of the sub-objectives in a quadrant, in order. */
const soOrder = (page, factor) =>
  page
    .getByTestId(`quadrant-${factor}`)
    .getByTestId("sub-objective")
    .evaluateAll((cards) => cards.map((c) => c.dataset.id));
/** The ids of the KPIs on sub-objective `soId`'s card, in order. */
const kpiOrder = (page, soId) =>
  soCard(page, soId)
    .getByTestId("kpi")
    .evaluateAll((lines) => lines.map((l) => l.dataset.id));

/** The KPI with `name` on the quadrant cards; resolves to its id. */
async function kpiIdByName(page, name) {
  const line = page.getByTestId("kpi").filter({ hasText: name });
  await expectCount(line, 1, `the KPI "${name}" on its card`);
  return line.getAttribute("data-id");
}

async function reload(page) {
  await page.reload();
  await page.getByTestId("app-shell").waitFor({ state: "visible" });
}

// ---- 1. the KPI form: band, amber threshold, weight ---------------------------------------

test("KPI form: band limits, the KPI's amber threshold and its weight set status and score, and survive a reload", async () => {
  const { context, page, problems, ed, m, sp, t } = await open();
  const soId = await ed.addSubObjective("financial", "Spend as planned");
  await ed.addKpi({ name: "Budget spent vs plan", unit: "%", direction: "band", frequency: "monthly" });
  const budget = await kpiIdByName(page, "Budget spent vs plan");
  const kpiStatus = (id) => m.quadrantKpiBadge(id);
  const so = m.quadrantSubObjectiveStatus(soId);
  const expectSo = async (status, percent, why) => {
    await expectAttribute(so, "data-status", status, `the sub-objective's status ${why}`);
    await expectText(so, endsWithPercent(percent), `the sub-objective's score ${why}`);
  };

  // Band 95–105, measured 110: 1 − 5/10 = 50 %, below the KPI's amber 70 %: red.
  await t("kpi-band-low-input").fill("95");
  await t("kpi-band-high-input").fill("105");
  await expectText(page.locator(`[data-testid=kpi][data-id="${budget}"]`), /Target: 95–105 %/);
  await m.record("2026-04-01", "110");
  await expectAttribute(kpiStatus(budget), "data-status", "red", "110 in 95–105, amber from 70 %");
  await expectSo("red", "50", "(one KPI at 50 %)");

  // The KPI's amber threshold 40 %: 50 % is amber for the KPI; the sub-objective keeps the
  // scorecard's own threshold (70 %), so it stays red at 50 %.
  await t("kpi-amber-input").fill("40");
  await expectAttribute(kpiStatus(budget), "data-status", "amber", "50 % with the KPI amber from 40 %");
  await expectSo("red", "50", "(the scorecard's threshold still 70 %)");

  // Band from 100: 100–105 (width 5), 110 is 5 outside: 1 − 5/5 = 0 %, red.
  await t("kpi-band-low-input").fill("100");
  await expectAttribute(kpiStatus(budget), "data-status", "red", "110 in 100–105");
  await expectSo("red", "0", "(110 in 100–105)");

  // Band to 112: 110 is inside, 100 %, green.
  await t("kpi-band-high-input").fill("112");
  await expectAttribute(kpiStatus(budget), "data-status", "green", "110 in 100–112");
  await expectSo("green", "100", "(110 in 100–112)");

  // A second KPI at 50 %: (1 × 100 % + 1 × 50 %) / 2 = 75 %, amber.
  await ed.backToParent();
  await ed.addKpi({ name: "Invoices paid on time", unit: "%", direction: "higher", baseline: 0, target: 100, frequency: "monthly" });
  const invoices = await kpiIdByName(page, "Invoices paid on time");
  await m.record("2026-04-01", "50");
  await expectAttribute(kpiStatus(invoices), "data-status", "red", "50 % of the way, amber from 70 %");
  await expectSo("amber", "75", "(100 % and 50 %, weights 1 and 1)");

  // Weight 0 on the band KPI: shown, not counted: 50 %, red.
  await ed.backToParent();
  await openChild(page, "sub-objective-kpis", budget);
  await expectValue(t("kpi-name-input"), "Budget spent vs plan");
  await t("kpi-weight-input").fill("0");
  await expectSo("red", "50", "(the band KPI weighs 0)");
  // Weight 3: (3 × 100 % + 1 × 50 %) / 4 = 87.5 %, amber.
  await t("kpi-weight-input").fill("3");
  await expectSo("amber", "87.5", "(weights 3 and 1)");

  await sp.expectSavedState("saved");
  const kpi = (await sp.storedOpenCard()).scorecard.factors.financial.sub_objectives[0].kpis[0];
  assert.deepEqual(
    [kpi.direction, kpi.band_low, kpi.band_high, kpi.amber_threshold, kpi.weight],
    ["within_band", 100, 112, 0.4, 3],
    "the stored band KPI",
  );

  await reload(page);
  await expectSo("amber", "87.5", "after the reload");
  await expectAttribute(kpiStatus(budget), "data-status", "green", "the band KPI after the reload");
  await expectAttribute(kpiStatus(invoices), "data-status", "red", "the second KPI after the reload");
  await openSubObjective(page, soId, "Spend as planned");
  await openChild(page, "sub-objective-kpis", budget);
  await expectValue(t("kpi-direction-input"), "band");
  await expectValue(t("kpi-band-low-input"), "100");
  await expectValue(t("kpi-band-high-input"), "112");
  await expectValue(t("kpi-amber-input"), "40");
  await expectValue(t("kpi-weight-input"), "3");
  assert.deepEqual(problems(), []);
  await context.close();
});

// ---- 2. cause → effect -------------------------------------------------------------------

test("a cause → effect link made in the sub-objective form shows as a dashed connector on the map, and goes when removed", async () => {
  const { context, page, problems, ed, sp, t } = await open();
  const cause = await ed.addSubObjective("organisation", "Answer within the hour");
  const effect = await ed.addSubObjective("customers", "Members are satisfied");
  await openSubObjective(page, cause, "Answer within the hour");
  const links = t("cause-links");
  // Only the other sub-objective is offered, named by its factor.
  await waitForValue(
    async () => (await links.locator("label").allTextContents()).map((s) => s.trim()),
    ["Customers — Members are satisfied"],
    "the sub-objectives this one can lead to",
  );
  await links.getByLabel("Customers — Members are satisfied").check();

  await showView(page, "map");
  const connector = page.locator(
    `[data-testid=map-connector][data-kind=cause][data-from="${cause}"][data-to="${effect}"]`,
  );
  await connector.waitFor({ state: "attached" });
  await expectCount(page.getByTestId("map-connector"), 1, "connectors on the map");
  const look = await connector.evaluate((path) => ({
    dashes: getComputedStyle(path).strokeDasharray,
    d: path.getAttribute("d"),
  }));
  assert.notEqual(look.dashes, "none", "a cause → effect connector is dashed");
  assert.match(look.d, /^M\s*-?[\d.]+/, "the connector has a drawn path");
  await sp.expectSavedState("saved");
  const stored = (await sp.storedOpenCard()).scorecard.factors;
  assert.deepEqual(stored.organisation.sub_objectives[0].leads_to, [effect]);
  assert.deepEqual(stored.customers.sub_objectives[0].leads_to, []);

  // Remove it (the form is still open beside the map): the connector goes.
  await expectVisible(links, true, "the sub-objective's form beside the map");
  await links.getByLabel("Customers — Members are satisfied").uncheck();
  await connector.waitFor({ state: "detached" });
  await expectCount(page.getByTestId("map-sub-objective"), 2, "both sub-objectives still on the map");
  await expectCount(page.getByTestId("map-connector"), 0, "connectors after removing the link");
  await sp.expectSavedState("saved");
  assert.deepEqual((await sp.storedOpenCard()).scorecard.factors.organisation.sub_objectives[0].leads_to, []);
  assert.deepEqual(problems(), []);
  await context.close();
});

// ---- 3. measurements: delete and Undo ------------------------------------------------------

test("deleting a measurement changes the latest value and status; the notice's Undo brings it back", async () => {
  const { context, page, problems, ed, m, sp, t } = await open();
  const soId = await ed.addSubObjective("organisation", "Members get answers quickly");
  await ed.addKpi(RESPONSE_TIME);
  const kpiId = await kpiIdByName(page, RESPONSE_TIME.name);
  for (const [date, value] of [["2026-01-31", "6"], ["2026-02-28", "3.5"], ["2026-03-31", "2"]]) await m.record(date, value);
  const line = page.locator(`[data-testid=kpi][data-id="${kpiId}"]`);
  await expectText(line, /Latest: 2 hours/);
  await expectAttribute(m.quadrantKpiBadge(kpiId), "data-status", "green");
  const rowIds = () =>
    t("measurement-row").evaluateAll((rows) => rows.map((r) => [r.dataset.id, r.querySelector("input[type=date]").value]));
  const before = await waitUntil(rowIds, (rows) => rows.length === 3, "three measurement rows");
  assert.deepEqual(before.map((r) => r[1]), ["2026-03-31", "2026-02-28", "2026-01-31"]);

  // Delete the latest (31 March, 2 hours): 3.5 hours is the latest now, 75 %, amber.
  const latestId = before[0][0];
  await page.locator(`[data-testid=measurement-row][data-id="${latestId}"] [data-testid=measurement-delete]`).click();
  await waitForValue(() => m.measurementRows(), [["2026-02-28", "3.5"], ["2026-01-31", "6"]], "the rows after the delete");
  await expectText(t("notice"), /Measurement deleted\./);
  await expectText(line, /Latest: 3\.5 hours/);
  await expectAttribute(m.quadrantKpiBadge(kpiId), "data-status", "amber", "3.5 hours: (3.5 − 8) / (2 − 8) = 75 %");
  await expectText(m.quadrantSubObjectiveStatus(soId), endsWithPercent("75"));
  await sp.expectSavedState("saved");
  const storedDates = async () =>
    (await sp.storedOpenCard()).scorecard.factors.organisation.sub_objectives[0].kpis[0].measurements.map((x) => x.date).sort();
  assert.deepEqual(await storedDates(), ["2026-01-31", "2026-02-28"]);

  // The notice's Undo puts the same measurement back (same id), and the latest is 2 again.
  await t("notice").getByTestId("notice-undo").click();
  await waitForValue(rowIds, before, "the rows after Undo, ids and all");
  await t("notice").waitFor({ state: "detached" });
  await expectText(line, /Latest: 2 hours/);
  await expectAttribute(m.quadrantKpiBadge(kpiId), "data-status", "green");
  await expectText(m.quadrantSubObjectiveStatus(soId), endsWithPercent("100"));
  await sp.expectSavedState("saved");
  assert.deepEqual(await storedDates(), ["2026-01-31", "2026-02-28", "2026-03-31"]);

  // Deleting an older one leaves the latest value as it is.
  await page.locator(`[data-testid=measurement-row][data-id="${before[2][0]}"] [data-testid=measurement-delete]`).click();
  await waitForValue(() => m.measurementRows(), [["2026-03-31", "2"], ["2026-02-28", "3.5"]], "the rows after deleting the oldest");
  await expectText(line, /Latest: 2 hours/);
  await expectAttribute(m.quadrantKpiBadge(kpiId), "data-status", "green");
  assert.deepEqual(problems(), []);
  await context.close();
});

// ---- 4. move buttons -----------------------------------------------------------------------

test("the ↑/↓ buttons reorder sub-objectives and KPIs, and the order survives a reload", async () => {
  const { context, page, problems, ed, sp, t } = await open();
  const first = await ed.addSubObjective("customers", "First");
  const second = await ed.addSubObjective("customers", "Second");
  const third = await ed.addSubObjective("customers", "Third");
  await waitForValue(() => soOrder(page, "customers"), [first, second, third], "the order as added");
  // "Third" is open: last of three, it can go up, not down.
  await expectEnabled(t("move-down"), false, "↓ on the last sub-objective");
  await expectEnabled(t("move-up"), true, "↑ on the last sub-objective");
  await t("move-up").click();
  await waitForValue(() => soOrder(page, "customers"), [first, third, second], "after ↑ once");
  await t("move-up").click();
  await waitForValue(() => soOrder(page, "customers"), [third, first, second], "after ↑ twice");
  await expectEnabled(t("move-up"), false, "↑ on the first sub-objective");
  await t("move-down").click();
  await waitForValue(() => soOrder(page, "customers"), [first, third, second], "after ↓");

  // Three KPIs in "Second": K3 up, then K1 down.
  await openSubObjective(page, second, "Second");
  for (const name of ["K1", "K2", "K3"]) {
    await ed.addKpi({ name });
    await expectValue(t("kpi-name-input"), name);
    if (name !== "K3") await ed.backToParent();
  }
  const [k1, k2, k3] = await waitUntil(() => kpiOrder(page, second), (ids) => ids.length === 3, "three KPIs on the card");
  await expectEnabled(t("move-down"), false, "↓ on the last KPI");
  await t("move-up").click();
  await waitForValue(() => kpiOrder(page, second), [k1, k3, k2], "the KPIs after ↑ on K3");
  await ed.backToParent();
  await openChild(page, "sub-objective-kpis", k1);
  await expectValue(t("kpi-name-input"), "K1");
  await t("move-down").click();
  await waitForValue(() => kpiOrder(page, second), [k3, k1, k2], "the KPIs after ↓ on K1");
  // The side panel's list follows too.
  await ed.backToParent();
  await waitForValue(
    () => t("sub-objective-kpis").getByTestId("open-child").evaluateAll((b) => b.map((x) => x.dataset.id)),
    [k3, k1, k2],
    "the sub-objective's list of KPIs",
  );

  await sp.expectSavedState("saved");
  await reload(page);
  await waitForValue(() => soOrder(page, "customers"), [first, third, second], "the sub-objectives after the reload");
  await waitForValue(() => kpiOrder(page, second), [k3, k1, k2], "the KPIs after the reload");
  assert.deepEqual(problems(), []);
  await context.close();
});

// ---- 5. share links: copy, paste, damaged --------------------------------------------------

test("the share dialog's Copy puts the link on the clipboard; a pasted link opens read-only; a damaged one changes nothing", async () => {
  const a = await open({ clock: false, permissions: ["clipboard-read", "clipboard-write"] });
  await a.sp.create("example");
  await a.sp.setMission("Shared by pasting the link");
  await a.sp.expectMission("Shared by pasting the link");
  await a.sp.expectSavedState("saved");
  await a.t("share-button").click();
  const dialog = a.t("share-dialog");
  await dialog.waitFor();
  const shown = await a.t("share-url").inputValue();
  assert.match(shown, /#share=[A-Za-z0-9_-]+$/);
  await a.t("share-copy").click();
  await expectText(dialog.getByRole("status"), "Copied.", "the dialog says the link was copied");
  const url = await a.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(url, shown, "the clipboard holds the link shown");
  await a.t("share-dialog-close").click();
  await dialog.waitFor({ state: "detached" });

  // A colleague with a scorecard of their own pastes the link into the library's box.
  const b = await open({ clock: false });
  await b.sp.setMission("My own work");
  await b.sp.expectMission("My own work");
  await b.sp.expectSavedState("saved");
  const own = await b.sp.storage();
  await b.sp.openLibrary();
  await expectEnabled(b.t("share-link-open"), false, "Open needs a link");
  await b.t("share-link-input").fill(url);
  await b.t("share-link-open").click();
  await waitForView(b.page, "scorecard");
  await b.t("banner-shared").waitFor();
  await b.sp.expectTitle("Community scorecard 2026");
  await b.sp.expectMission("Shared by pasting the link");
  await b.sp.expectSavedState("read-only");
  await waitUntil(() => b.t("views").getAttribute("inert"), (inert) => inert !== null, "the views are inert");
  // Edits are refused: a click on the mission opens no form, undo does nothing, and nothing
  // is stored (the library is as it was).
  await b.t("mission").click({ force: true });
  await b.page.keyboard.press("Control+z");
  await b.page.keyboard.type("typed");
  await holdsFor(
    700,
    async () => {
      assert.equal(await b.t("side-panel").count(), 0, "no form opens");
      assert.equal(await b.sp.missionText(), "Shared by pasting the link");
      assert.deepEqual(await b.sp.storage(), own, "storage untouched");
    },
    "the shared scorecard stays as it came",
  );
  // Closing it brings back their own scorecard.
  await b.t("share-close").click();
  await b.t("banner-shared").waitFor({ state: "detached" });
  await b.sp.expectMission("My own work");
  await b.sp.expectSavedState("saved");
  assert.deepEqual(await b.sp.storage(), own);

  // Damaged links (cut off, one character changed) and a link that is no share link at all.
  const at = url.indexOf("#share=") + 7 + 100;
  const swapped = url.slice(0, at) + (url[at] === "A" ? "B" : "A") + url.slice(at + 1);
  const bad = [
    { link: url.slice(0, url.length - 401), says: /^This share link is damaged \(.+\)\. Ask the sender for the link again, or for the file\.$/ },
    { link: swapped, says: /^This share link is damaged \(.+\)\./ },
    { link: "https://example.org/scorecard", says: /^This is not a scorecard share link: it has no "#share=" part\.$/ },
  ];
  await b.sp.openLibrary();
  for (const { link, says } of bad) {
    await b.t("share-link-input").fill(link);
    await b.t("share-link-open").click();
    const message = b.sp.importMessage();
    await expectAttribute(message, "data-kind", "share");
    await expectAttribute(message, "role", "alert");
    await expectText(b.t("import-message-title"), "Could not open the share link");
    await expectText(b.t("import-message-body"), says);
    await expectValue(b.t("share-link-input"), link, "the pasted text stays to be corrected");
    await holdsFor(
      300,
      async () => {
        assert.equal(await b.page.locator("[data-testid=tab-library][aria-current=page]").count(), 1, "still in the library");
        assert.equal(await b.t("banner-shared").count(), 0, "nothing opened read-only");
        assert.equal((await b.t("scorecard-title").textContent()).trim(), "New social media scorecard");
        assert.notEqual(await b.sp.savedState(), "read-only");
        assert.deepEqual(await b.sp.storage(), own, "storage untouched");
      },
      "a bad link changes nothing",
    );
    await b.t("import-message-close").click();
    await message.waitFor({ state: "detached" });
  }
  await showView(b.page, "scorecard");
  await b.sp.expectMission("My own work");
  assert.deepEqual(a.problems(), []);
  assert.deepEqual(b.problems(), []);
  await a.context.close();
  await b.context.close();
});

// ---- 6. new controls -----------------------------------------------------------------------

test("the scorecard's language select changes the scorecard's language, not the interface's, and is kept", async () => {
  const { context, page, problems, sp, t } = await open();
  await sp.openScorecardFields();
  const select = t("scorecard-lang-input");
  await expectValue(select, "en", "a scorecard made in an English browser");
  await select.selectOption("nl");
  await expectValue(select, "nl");
  // The interface stays English.
  await expectAttribute(t("lang-en"), "aria-pressed", "true");
  await expectText(page.getByTestId("quadrant-customers").getByRole("heading", { level: 2 }), "Customers");
  // One undo step each way.
  await page.keyboard.press("Control+z");
  await expectValue(select, "en", "after undo");
  await page.keyboard.press("Control+Shift+z");
  await expectValue(select, "nl", "after redo");
  await sp.expectSavedState("saved");
  assert.equal((await sp.storedOpenCard()).scorecard.lang, "nl");

  await reload(page);
  await sp.openScorecardFields();
  await expectValue(t("scorecard-lang-input"), "nl", "after the reload");
  await expectAttribute(t("lang-en"), "aria-pressed", "true", "the interface still English after the reload");
  const exported = await sp.exportOpen();
  assert.equal(exported.json.scorecard.lang, "nl", "the export says nl");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("\"Belongs to\" moves a KPI and an action to another sub-objective; Ctrl+Z moves them back", async () => {
  const { context, page, problems, ed, m, t } = await open();
  const home = await ed.addSubObjective("organisation", "Quick answers");
  await ed.addKpi({ ...RESPONSE_TIME, frequency: "monthly" });
  const kpiId = await kpiIdByName(page, RESPONSE_TIME.name);
  await m.record("2026-04-01", "3");
  await ed.backToParent();
  await ed.addAction({ title: "Train product management" });
  const other = await ed.addSubObjective("customers", "Satisfied members");
  const kpiIn = (so) => soCard(page, so).locator(`[data-testid=kpi][data-id="${kpiId}"]`);
  const meta = (so) => soCard(page, so).getByTestId("sub-objective-meta");
  await kpiIn(home).waitFor();
  await expectText(meta(home), "Open actions: 1");

  // The KPI: from "Quick answers" (Organisation) to "Satisfied members" (Customers).
  await openSubObjective(page, home, "Quick answers");
  await openChild(page, "sub-objective-kpis", kpiId);
  const parent = t("kpi-parent-input");
  await expectValue(parent, `so:${home}`);
  await parent.selectOption(`so:${other}`);
  await page.getByTestId("quadrant-customers").locator(`[data-testid=kpi][data-id="${kpiId}"]`).waitFor();
  await expectText(kpiIn(other), /Latest: 3 hours/, "the KPI keeps its measurements");
  await expectCount(page.getByTestId("quadrant-organisation").getByTestId("kpi"), 0, "no KPI left in Organisation");
  await expectValue(parent, `so:${other}`);
  await expectText(t("back-to-parent"), "← Back to Satisfied members");
  await page.keyboard.press("Control+z");
  await page.getByTestId("quadrant-organisation").locator(`[data-testid=kpi][data-id="${kpiId}"]`).waitFor();
  await expectCount(page.getByTestId("quadrant-customers").getByTestId("kpi"), 0, "no KPI left in Customers after undo");
  await expectValue(parent, `so:${home}`, "the select after undo");

  // The action: likewise.
  await ed.backToParent();
  await t("sub-objective-actions").getByTestId("open-child").click();
  const actionParent = t("action-parent-input");
  await expectValue(actionParent, `so:${home}`);
  await actionParent.selectOption(`so:${other}`);
  await expectText(meta(other), "Open actions: 1", "the action now under Satisfied members");
  await expectText(meta(home), "", "no action left under Quick answers");
  await page.keyboard.press("Control+z");
  await expectText(meta(home), "Open actions: 1", "the action back after undo");
  await expectText(meta(other), "", "none under Satisfied members after undo");
  await expectValue(actionParent, `so:${home}`);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the coach's limit is remembered across a reload", async () => {
  const { context, page, problems, ed, sp, t } = await open();
  const a = await ed.addSubObjective("medium", "Fresh content every week");
  await ed.addSubObjective("medium", "Members answer each other");
  await ed.closePanel();
  await expectValue(t("coach-limit"), "6", "the default limit");
  await ed.expectCoach({ has: [`sub-objective-unlinked:${a}`], lacks: ["factor-crowded:medium"] }, "two are within 6");
  await t("coach-limit").fill("1");
  await t("coach-limit").press("Tab");
  await ed.expectCoach({ has: ["factor-crowded:medium"] }, "two are more than 1");
  await waitForValue(() => sp.stored("smsc.coach.limit"), "1", "the stored limit");
  await sp.expectSavedState("saved");
  await reload(page);
  await expectValue(t("coach-limit"), "1", "the limit after the reload");
  await ed.expectCoach({ has: ["factor-crowded:medium"] }, "the coach checks against 1 after the reload");
  assert.deepEqual(problems(), []);
  await context.close();
});

// ---- 7. projector mode ---------------------------------------------------------------------

/** Presses Tab `n` times; returns where the focus went each time. */
async function tabWalk(page, n) {
  const seen = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press("Tab");
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        return {
          testid: el?.dataset?.testid ?? el?.tagName ?? null,
          viewField: Boolean(el?.matches("[data-testid=views] input, [data-testid=views] textarea, [data-testid=views] select")),
          inViews: Boolean(el?.closest("[data-testid=views]")),
        };
      }),
    );
  }
  return seen;
}

/** True when the focus is anywhere in the views. */
const focusInViews = (page) => page.evaluate(() => Boolean(document.activeElement?.closest("[data-testid=views]")));

/**
 * Moves the focus out of any control (a click on the app's name), so keys go to the page.
 * (`blur()` does not take the focus out of a date field.)
 */
async function releaseFocus(page) {
  await page.getByTestId("app-title").click();
  await waitForValue(() => page.evaluate(() => document.activeElement === document.body), true, "the focus on the page itself");
}

test("projector mode: Tab reaches no field in the views, typing changes nothing, → and ← step through four views", async () => {
  const { context, page, problems, ed, sp, t } = await open({ clock: false });
  await sp.create("example");
  await ed.setMission("Shown on the projector");
  await ed.closePanel();
  await sp.expectSavedState("saved");
  const storedBefore = await sp.stored(`smsc.v1.card.${(await sp.index()).open}`);
  const exportedBefore = (await sp.exportOpen()).json.scorecard;
  await expectEnabled(t("undo"), true, "there is something to undo");

  await page.locator("body").press("Alt+p");
  await expectAttribute(t("app-shell"), "data-projector", "true");
  await waitUntil(() => t("mission").getAttribute("inert"), (inert) => inert !== null, "the mission is inert");

  // Tab, twice round the page: never into a field of the views; on the scorecard only its
  // "Why this score?" buttons take the focus (showing is allowed on a projector).
  const onScorecard = await tabWalk(page, 40);
  const notWhy = (f) => !String(f.testid).startsWith("why-");
  assert.deepEqual(onScorecard.filter((f) => f.viewField || (f.inViews && notWhy(f))), [], "focus in the views on the scorecard");
  assert.ok(new Set(onScorecard.map((f) => f.testid)).size >= 3, `Tab moves the focus (${JSON.stringify(onScorecard)})`);

  // A click on the mission (which opens its field when not projecting), then typing,
  // deleting, undo and redo: nothing changes.
  await releaseFocus(page);
  await t("mission").click({ force: true });
  assert.equal(await focusInViews(page), false, "a click puts no focus in the views");
  await page.keyboard.type("Typed on the projector");
  for (const key of ["Backspace", "Delete", "Control+z", "Control+z", "Control+Shift+z", "Control+y", "Alt+ArrowUp"]) {
    await page.keyboard.press(key);
  }

  // → steps scorecard → map → dashboard → workshop → scorecard; ← goes back.
  const step = async (key, view) => {
    await page.keyboard.press(key);
    await waitForView(page, view);
    await waitUntil(() => page.url(), (u) => u.endsWith(`#${view}`), `the address follows to #${view}`);
  };
  await step("ArrowRight", "map");
  await step("ArrowRight", "dashboard");
  await step("ArrowRight", "workshop");
  await expectAttribute(t("app-shell"), "data-projector", "true", "still in projector mode");
  // The workshop is full of fields; none is reachable.
  const fields = await t("views").locator("input, textarea, select").count();
  assert.ok(fields > 0, "the workshop view has fields to keep out of reach");
  const onWorkshop = await tabWalk(page, 40);
  assert.deepEqual(onWorkshop.filter((f) => f.viewField || f.inViews), [], "focus in the views on the workshop");
  // A click into the workshop's mission field, then typing.
  await t("ws-mission-input").click({ force: true });
  assert.equal(await focusInViews(page), false, "a click puts no focus in the workshop's fields");
  await page.keyboard.type("more typing");
  await releaseFocus(page);
  await step("ArrowRight", "scorecard");
  await step("ArrowLeft", "workshop");
  await step("ArrowLeft", "dashboard");
  await step("ArrowRight", "workshop");
  await step("ArrowLeft", "dashboard");
  await step("ArrowLeft", "map");
  await step("ArrowLeft", "scorecard");

  await page.keyboard.press("Escape");
  await expectAttribute(t("app-shell"), "data-projector", "false");
  await expectAttribute(t("views"), "inert", null, "the views are live again");
  await sp.expectMission("Shown on the projector");
  await holdsFor(
    700,
    async () => {
      assert.equal(await sp.stored(`smsc.v1.card.${(await sp.index()).open}`), storedBefore, "the stored scorecard");
      assert.equal(await sp.savedState(), "saved");
    },
    "nothing typed in projector mode is stored",
  );
  assert.deepEqual((await sp.exportOpen()).json.scorecard, exportedBefore, "the exported scorecard is unchanged");
  // Undo still has the mission edit to undo: the Ctrl+Z presses were refused.
  await expectEnabled(t("undo"), true);
  assert.deepEqual(problems(), []);
  await context.close();
});

// ---- 8. other tabs, and a newer app's storage --------------------------------------------

/** Two tabs of one browser on the example (open in both, saved). */
async function twoTabs() {
  const a = await open({ clock: false });
  await a.sp.create("example");
  await a.sp.setMission("Worked on in tab A");
  await a.sp.expectMission("Worked on in tab A");
  await a.sp.expectSavedState("saved");
  const id = (await a.sp.index()).open;
  const b = await openTab(a.context);
  await b.sp.expectTitle("Community scorecard 2026");
  await b.sp.expectMission("Worked on in tab A");
  return { a, b, id, context: a.context };
}

test("another tab deletes the open scorecard: this tab offers to keep it or let it go", async () => {
  const { a, b, id, context } = await twoTabs();
  const key = `smsc.v1.card.${id}`;

  // B deletes it from its library; A keeps it open and asks.
  await b.sp.openLibrary();
  await b.sp.item("Community scorecard 2026").getByTestId("library-delete").click();
  await b.t("library-notice").waitFor();
  await a.t("banner-deleted-elsewhere").waitFor();
  await expectText(a.t("banner-deleted-elsewhere"), /deleted in another tab.*stays open here/s);
  await a.sp.expectSavedState("paused");
  await a.sp.expectTitle("Community scorecard 2026");
  await a.sp.expectMission("Worked on in tab A");
  assert.equal(await a.sp.stored(key), null, "B's delete stands until A chooses");

  // Keep it: saved again, listed again (also in B's library).
  await a.t("deleted-keep").click();
  await a.t("banner-deleted-elsewhere").waitFor({ state: "detached" });
  await a.sp.expectSavedState("saved");
  await waitUntil(() => a.sp.stored(key), (text) => text !== null && parseStored(text).scorecard.mission === "Worked on in tab A", "the kept scorecard stored again");
  await waitUntil(() => a.sp.index(), (index) => index.scorecards.some((e) => e.id === id), "the kept scorecard in the index");
  await b.sp.item("Community scorecard 2026").waitFor();

  // B deletes it again; this time A lets it go: A opens the other scorecard, nothing is stored back.
  await b.sp.item("Community scorecard 2026").getByTestId("library-delete").click();
  await a.t("banner-deleted-elsewhere").waitFor();
  await a.t("deleted-let-go").click();
  await a.t("banner-deleted-elsewhere").waitFor({ state: "detached" });
  await a.sp.expectTitle("New social media scorecard");
  await a.sp.expectSavedState("saved");
  await holdsFor(
    700,
    async () => {
      assert.equal(await a.sp.stored(key), null, "the let-go scorecard is not stored back");
      assert.ok(!(await a.sp.index()).scorecards.some((e) => e.id === id), "nor listed");
    },
    "the scorecard stays deleted",
  );
  await a.sp.openLibrary();
  await waitForValue(() => a.sp.titles(), ["New social media scorecard"], "A's library");
  assert.deepEqual(a.problems(), []);
  assert.deepEqual(b.problems(), []);
  await context.close();
});

test("another tab clears storage: this tab says so, keeps its scorecard open and saves it again", async () => {
  const { a, b, id, context } = await twoTabs();
  await b.page.evaluate(() => localStorage.clear());
  await a.t("library-notice").waitFor();
  await expectText(a.t("library-notice"), /Another tab cleared this browser's storage\. Your open scorecard is still here/);
  await a.sp.expectTitle("Community scorecard 2026");
  await a.sp.expectMission("Worked on in tab A");
  // The next change is stored, under the same id.
  await a.sp.setMission("Saved again after the clear");
  await a.sp.expectSavedState("saved");
  await waitUntil(
    () => a.sp.stored(`smsc.v1.card.${id}`),
    (text) => text !== null && parseStored(text).scorecard.mission === "Saved again after the clear",
    "the open scorecard stored again",
  );
  await waitUntil(() => a.sp.index(), (index) => index.open === id && index.scorecards.some((e) => e.id === id), "the index again");
  assert.deepEqual(a.problems(), []);
  assert.deepEqual(b.problems(), []);
  await context.close();
});

test("another tab stores an unreadable version of the open scorecard: it is kept aside, this tab's version stays open", async () => {
  const { a, b, id, context } = await twoTabs();
  const key = `smsc.v1.card.${id}`;
  // What a newer app in the other tab would write: a format version this app cannot read.
  const theirs = JSON.stringify({ format: "social-media-scorecard", version: 99, scorecard: { id, title: "From a newer app" } });
  await b.page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, theirs]);
  const notice = a.t("notice");
  await notice.waitFor();
  await expectAttribute(notice, "role", "alert");
  await expectText(notice, /Another tab stored a version of this scorecard that this app cannot read; it is kept aside and your version stays open: .*version 99/s);
  await waitForValue(() => a.sp.stored(`smsc.backup.${key}.1`), theirs, "their text kept aside");
  await a.sp.expectTitle("Community scorecard 2026");
  await a.sp.expectMission("Worked on in tab A");
  await expectCount(a.t("tab-conflict-dialog"), 0, "no question: theirs cannot be loaded");
  // This tab's next change is stored as usual; the copy kept aside stays.
  await a.sp.setMission("Tab A goes on");
  await a.sp.expectSavedState("saved");
  await waitUntil(
    () => a.sp.stored(key),
    (text) => parseStored(text).scorecard?.mission === "Tab A goes on",
    "this tab's version stored",
  );
  assert.equal(await a.sp.stored(`smsc.backup.${key}.1`), theirs);
  assert.deepEqual(a.problems(), []);
  assert.deepEqual(b.problems(), []);
  await context.close();
});

test("storage written by a newer app: the app works in memory and writes nothing, not even preferences", async () => {
  const context = await served.browser.newContext({ viewport: VIEWPORT, locale: "en-GB" });
  await context.addInitScript(() => {
    if (localStorage.getItem("smsc.v1.index") === null) {
      localStorage.setItem(
        "smsc.v1.index",
        JSON.stringify({ layout: 3, scorecards: [{ id: "sc-future", title: "Future" }], open: "sc-future", shelves: [] }),
      );
      localStorage.setItem("smsc.v1.card.sc-future", '{"format":"social-media-scorecard","version":1,"scorecard":{"id":"sc-future"}}');
      localStorage.setItem("smsc.v2.shelf", "kept by the newer app");
    }
  });
  const { page, problems } = await watchedPage(context);
  const { ed, sp, t } = helpers(page);
  await sp.open(served.server.url);
  await t("banner-newer-layout").waitFor();
  await expectText(t("banner-newer-layout"), /saved by a newer version of this app.*nothing you do here is kept/s);
  await sp.expectSavedState("memory");
  const before = await sp.storage();
  assert.equal(JSON.parse(before["smsc.v1.index"]).layout, 3, "the planted index");

  // Edit, switch the language, move the workshop on, change the coach's limit.
  await ed.setMission("Only in memory");
  await ed.closePanel();
  await t("coach-limit").fill("2");
  await t("coach-limit").press("Tab");
  await expectValue(t("coach-limit"), "2");
  const ws = new WorkshopPage(page);
  await ws.open();
  await ws.next();
  await ws.next();
  await ws.expectStep(3);
  await t("lang-nl").click();
  await expectAttribute(t("lang-nl"), "aria-pressed", "true");
  await expectAttribute(t("app-shell"), "lang", "nl");
  await holdsFor(
    800,
    async () => assert.deepEqual(await sp.storage(), before),
    "localStorage byte for byte as the newer app left it",
  );
  for (const key of ["smsc.ui.lang", "smsc.workshop.step", "smsc.coach.limit"]) {
    assert.equal(await sp.stored(key), null, `${key} not written`);
  }
  // Leaving the page (the page-hide save) writes nothing either.
  await reload(page);
  await t("banner-newer-layout").waitFor();
  await expectAttribute(t("lang-en"), "aria-pressed", "true", "the language was not remembered");
  await showView(page, "scorecard");
  assert.notEqual(await sp.missionText(), "Only in memory");
  assert.deepEqual(await sp.storage(), before);
  assert.deepEqual(problems(), []);
  await context.close();
});

// ---- 9. a stale KPI ------------------------------------------------------------------------

test("a KPI whose latest measurement is too old reads \"Out of date\" with its score, not \"No data\"", async () => {
  const { context, page, problems, ed, m } = await open();
  // Monthly: a measurement may be 45 days old. 1 February 2026, 3.5 hours: 75 %.
  const soId = await ed.addSubObjective("organisation", "Members get answers quickly");
  await ed.addKpi({ ...RESPONSE_TIME, frequency: "monthly" });
  const kpiId = await kpiIdByName(page, RESPONSE_TIME.name);
  await m.record("2026-02-01", "3.5");
  await ed.closePanel();
  const quadrantBadge = m.quadrantKpiBadge(kpiId);
  const dashboardBadge = m.dashboardKpi(kpiId).getByTestId("status");
  const expectBoth = async (status, word, why) => {
    await m.goTo("scorecard");
    await expectAttribute(quadrantBadge, "data-status", status, `the KPI on its quadrant card ${why}`);
    await expectText(quadrantBadge, new RegExp(`${word}$`), `the KPI's word on its quadrant card ${why}`);
    await m.goTo("dashboard");
    await expectAttribute(dashboardBadge, "data-status", status, `the dashboard card ${why}`);
    await expectText(dashboardBadge, new RegExp(`${word}75 %$`), `the dashboard card's badge ${why}`);
  };

  // Today (10 April) it is 68 days old: out of date, still showing 75 %.
  await expectBoth("grey", "Out of date", "on 10 April (68 days)");
  assert.doesNotMatch(await dashboardBadge.textContent(), /No data/);
  // Not counted: the sub-objective has no score.
  await m.goTo("scorecard");
  await expectText(m.quadrantSubObjectiveStatus(soId), /No data$/);

  // As of 18 March it is 45 days old, just allowed: amber at 75 %.
  await m.setAsOf("2026-03-18");
  await expectBoth("amber", "At risk", "as of 18 March (45 days)");
  // As of 19 March, 46 days: out of date again.
  await m.setAsOf("2026-03-19");
  await expectBoth("grey", "Out of date", "as of 19 March (46 days)");
  assert.deepEqual(problems(), []);
  await context.close();
});
