// Storage and sharing as a user meets them, in real Chromium: autosave and reload, the
// saved indicator, the library, export and import (picker and drag and drop) with every
// refusal leaving storage byte for byte as it was, same-id conflicts, blocked and full
// storage, corrupt data at start, two tabs, and share links.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parseStored } from "./support/packed.mjs";
import { watchedPage } from "./support/browser.mjs";
import { StoragePage, todayIso } from "./support/storage-page.mjs";
import { waitForView } from "./support/app-page.mjs";
import { screenshotContext, takeScreenshot } from "./support/screenshots.mjs";
import {
  expectAttribute,
  expectCount,
  expectEnabled,
  expectText,
  holdsFor,
  waitForValue,
  waitUntil,
} from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const FIXTURES = new URL("../fixtures/", import.meta.url).pathname;
/** The example's library entry on the screenshots' clock (10 April 2026, 10:00 in Amsterdam). */
const LIBRARY_EXAMPLE = {
  status: "amber", // the overall score, as its dashboard shows it on that day
  changedAt: "2026-04-10T08:00:00Z",
  changedText: "10 Apr 2026, 10:00",
};
const EXPORT_NAME = new RegExp(`^[a-z0-9]+(-[a-z0-9]+)*-${todayIso()}\\.scorecard\\.json$`);

const served = servedApp();

async function newContext(options = {}) {
  return served.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "en-GB", ...options });
}

/** A fresh context (empty storage) with one watched page showing the app; `screenshots`: on their fixed clock. */
async function openApp({ screenshots = false, ...options } = {}) {
  const context = screenshots
    ? await screenshotContext(served.browser, { viewport: { width: 1400, height: 1000 }, locale: "en-GB", ...options })
    : await newContext(options);
  const { page, problems } = await watchedPage(context);
  const sp = new StoragePage(page);
  await sp.open(served.server.url);
  return { context, page, problems, sp };
}

test("an edit survives a reload made right after it", async () => {
  const { context, page, problems, sp } = await openApp();
  await sp.waitSaved();
  await sp.setMission("Kept even when the page is reloaded at once");
  // No waiting for the autosave: the page-hide flush must keep it.
  await page.reload();
  await sp.t("app-shell").waitFor();
  await sp.expectMission("Kept even when the page is reloaded at once");
  await sp.expectSavedState("saved");
  assert.equal((await sp.storedOpenCard()).scorecard.mission, "Kept even when the page is reloaded at once");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the saved indicator goes from unsaved to saved within half a second of a pause", async () => {
  const { context, problems, sp } = await openApp();
  await sp.waitSaved();
  await sp.recordSavedStates();
  await sp.setMission("Autosaved");
  const edited = Date.now();
  await sp.waitSaved();
  const took = Date.now() - edited;
  const states = await sp.recordedSavedStates();
  assert.deepEqual(states.slice(0, 3), ["saved", "unsaved", "saved"], `states seen: ${states}`);
  assert.ok(took < 1500, `saved after ${took} ms`);
  assert.equal((await sp.storedOpenCard()).scorecard.mission, "Autosaved");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("typing without a pause waits for the pause, but is stored at least every 5 seconds", async () => {
  const { context, page, problems, sp } = await openApp();
  await sp.waitSaved();
  await sp.openScorecardFields();
  const input = sp.t("mission-input");
  await input.fill("");
  await sp.waitSaved();
  // A key every 100 ms: never a 500 ms pause, so only the longest wait (5 s) saves.
  const started = Date.now();
  let storedWhileTyping = "";
  while (Date.now() - started < 7000) {
    await input.press("x");
    await page.waitForTimeout(100);
    if (Date.now() - started < 4000) {
      assert.equal((await sp.storedOpenCard()).scorecard.mission, "", "no save during the first seconds of typing");
    }
    storedWhileTyping = (await sp.storedOpenCard()).scorecard.mission;
  }
  assert.match(storedWhileTyping, /^x{20,}$/, "a save happened while typing went on");
  await sp.waitSaved();
  assert.equal((await sp.storedOpenCard()).scorecard.mission, await input.inputValue());
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the library: create from a template, open, rename, duplicate, delete and undo", async () => {
  // On the screenshots' fixed clock: the library shows when each scorecard last changed.
  const { context, page, problems, sp } = await openApp({ screenshots: true });
  await sp.waitSaved();
  await sp.openLibrary();
  await expectCount(sp.items(), 1, "a first visit starts with one blank scorecard");

  // Create from the article's example: it opens.
  await sp.create("example");
  await sp.expectTitle("Community scorecard 2026");
  await sp.openLibrary();
  await expectCount(sp.items(), 2);
  const example = sp.item("Community scorecard 2026");
  await expectAttribute(example, "aria-current", "true");
  await expectText(example.getByTestId("library-item-organisation"), "Food-supplements company (example)");
  await expectAttribute(example.getByTestId("library-item-status"), "data-status", LIBRARY_EXAMPLE.status);
  await expectAttribute(example.getByTestId("library-item-changed"), "datetime", LIBRARY_EXAMPLE.changedAt);
  await expectText(example.getByTestId("library-item-changed"), LIBRARY_EXAMPLE.changedText);

  // Rename it: the list, the header and storage follow.
  await example.getByTestId("library-rename").click();
  await page.getByTestId("library-rename-input").fill("Vitality community 2026");
  await page.getByTestId("library-rename-save").click();
  await sp.item("Vitality community 2026").waitFor();
  await sp.expectTitle("Vitality community 2026");
  await waitForValue(async () => (await sp.storedOpenCard()).scorecard.title, "Vitality community 2026", "the stored title");

  // Duplicate it.
  await sp.item("Vitality community 2026").getByTestId("library-duplicate").click();
  await sp.item("Vitality community 2026 (copy)").waitFor();
  await expectCount(sp.items(), 3);

  // Open the blank one, then the copy.
  await sp.item("New social media scorecard").getByTestId("library-open").click();
  await waitForView(page, "scorecard");
  await sp.expectTitle("New social media scorecard");
  await sp.openLibrary();
  await sp.item("Vitality community 2026 (copy)").getByTestId("library-open").click();
  await waitForView(page, "scorecard");
  await sp.expectTitle("Vitality community 2026 (copy)");

  // Screenshots of the library, light and dark (written to docs/ with UPDATE_SCREENSHOTS=1).
  await sp.openLibrary();
  await expectAttribute(sp.item("Vitality community 2026 (copy)"), "aria-current", "true");
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await waitForValue(
      () => page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches),
      scheme === "dark",
      `the ${scheme} colour scheme`,
    );
    await takeScreenshot(page, `library-${scheme}.png`, { fullPage: true, width: 1400, minHeight: 1000 });
  }
  await page.emulateMedia({ colorScheme: "light" });

  // Delete the copy (it is open): gone from the list and from storage; Undo puts it back
  // exactly, open again; the undo history of the editor is not involved.
  const copyId = await sp.item("Vitality community 2026 (copy)").getAttribute("data-id");
  const before = await sp.storage();
  await sp.item("Vitality community 2026 (copy)").getByTestId("library-delete").click();
  await sp.t("library-notice").waitFor();
  await expectText(sp.t("library-notice"), /Deleted “Vitality community 2026 \(copy\)”/);
  await expectCount(sp.items(), 2);
  await waitForValue(() => sp.stored(`smsc.v1.card.${copyId}`), null, "the deleted card's storage");
  await expectEnabled(sp.t("undo"), false);
  await sp.t("library-undo").click();
  await sp.item("Vitality community 2026 (copy)").waitFor();
  await expectCount(sp.items(), 3);
  await waitForValue(() => sp.storage(), before, "storage back byte for byte");
  await expectAttribute(sp.item("Vitality community 2026 (copy)"), "aria-current", "true");
  await waitForValue(
    () => sp.titles(),
    ["New social media scorecard", "Vitality community 2026", "Vitality community 2026 (copy)"],
    "the library's titles",
  );
  assert.deepEqual(problems(), []);
  await context.close();
});

test("export and import round trip: the re-exported scorecard is identical", async () => {
  const a = await openApp();
  await a.sp.create("example");
  await a.sp.setMission("We help our customers live healthier — “together”, ñ, 𝄞.");
  await a.sp.waitSaved();
  const first = await a.sp.exportOpen();
  assert.match(first.name, EXPORT_NAME);
  assert.ok(first.name.startsWith("community-scorecard-2026-"), first.name);
  assert.equal(first.json.format, "social-media-scorecard");
  assert.equal(first.json.version, 4);
  // Made in this browser: the original of its lineage, no copy tag.
  assert.equal(first.json.scorecard.lineage.copy, "");

  // Export all: one library file holding both scorecards.
  await a.sp.openLibrary();
  const all = await a.sp.download(() => a.sp.t("export-all").click());
  assert.equal(all.suggestedFilename(), `scorecards-${todayIso()}.library.json`);
  const library = JSON.parse(await a.sp.downloadText(all));
  assert.equal(library.format, "social-media-scorecard-library");
  assert.equal(library.scorecards.length, 2);
  assert.deepEqual(problemsOf(a), []);
  await a.context.close();

  // Another browser: import through the file picker; it is added and opened.
  const b = await openApp();
  await b.sp.waitSaved();
  await b.sp.pickFile(first.name, first.text);
  await b.page.waitForFunction(() =>
    document.querySelector("[data-testid=scorecard-title]")?.textContent.includes("Community scorecard 2026"),
  );
  await b.sp.expectMission("We help our customers live healthier — “together”, ñ, 𝄞.");
  await expectText(b.sp.t("notice").locator("span").first(), /Added to your library and opened: “Community scorecard 2026”\./);
  await expectEnabled(b.sp.t("undo"), false);
  const again = await b.sp.exportOpen();
  // The same scorecard, except that this browser's copy has its own copy tag (so the ids it
  // makes never equal the original's): the lineage is the same.
  assert.match(again.json.scorecard.lineage.copy, /^[a-z0-9]{5}$/, "a copy tag of its own");
  assert.equal(again.json.scorecard.lineage.id, first.json.scorecard.lineage.id);
  assert.deepEqual(
    { ...again.json.scorecard, lineage: { ...again.json.scorecard.lineage, copy: "" } },
    first.json.scorecard,
  );
  await b.sp.openLibrary();
  await expectCount(b.sp.items(), 2);
  assert.deepEqual(b.problems(), []);
  await b.context.close();

  // A third browser imports the library file: both are added, neither is said to be opened.
  const c = await openApp();
  await c.sp.waitSaved();
  await c.sp.pickFile(all.suggestedFilename(), JSON.stringify(library));
  await c.sp.openLibrary();
  await expectCount(c.sp.items(), 3);
  await expectText(c.sp.t("notice").locator("span").first(), /^Added to your library: “.+”\.$/);
  assert.deepEqual(c.problems(), []);
  await c.context.close();
});

function problemsOf(app) {
  return app.problems();
}

const example = JSON.parse(await readFile(`${FIXTURES}/example-en.scorecard.json`, "utf8"));
const invalid = structuredClone(example);
invalid.scorecard.amber_threshold = 7;
invalid.scorecard.objectives[0].title = "x".repeat(300);
const tooLarge = `{"format":"social-media-scorecard","version":1,"scorecard":{"id":"big","title":"${"a".repeat(
  16 * 1024 * 1024 + 10,
)}"}}`;

const BAD_FILES = [
  { what: "not JSON", name: "notes.json", text: "{ this is not json", kind: "not-json", says: /not valid JSON.*line 1, column \d+/s, drop: true },
  { what: "an empty file", name: "empty.json", text: "", kind: "empty", says: /The file is empty\./ },
  { what: "not a scorecard file", name: "other.json", text: '{"hello": "world"}', kind: "not-scorecard", says: /not a Social Media Scorecard file/, drop: true },
  {
    what: "a newer version",
    name: "future.scorecard.json",
    text: JSON.stringify({ format: "social-media-scorecard", version: 99, scorecard: {} }),
    kind: "newer-version",
    says: /format version 99.*newer version of the app.*up to 4/s,
  },
  {
    what: "invalid content",
    name: "invalid.scorecard.json",
    text: JSON.stringify(invalid),
    kind: "invalid",
    says: /The scorecard in this file has \d+ problems?:/,
    also: [/amber_threshold/, /objectives\[0\]\.title/],
  },
  { what: "a file too large", name: "huge.scorecard.json", text: tooLarge, kind: "too-large", says: /too large.*at most 16777216 bytes/s },
];

for (const bad of BAD_FILES) {
  test(`importing ${bad.what} says so and changes nothing`, async () => {
    const { context, page, problems, sp } = await openApp();
    await sp.create("example");
    await sp.setMission("Edited before the import");
    await sp.waitSaved();
    const storageBefore = await sp.storage();
    const undoBefore = await sp.undoEnabled();
    assert.equal(undoBefore, true);
    const titleBefore = await sp.t("scorecard-title").textContent();

    if (bad.drop) await sp.dropFile(bad.name, bad.text);
    else await sp.pickFile(bad.name, bad.text);
    const message = sp.importMessage();
    await message.waitFor();
    await expectAttribute(message, "data-kind", bad.kind);
    await expectAttribute(message, "role", "alert");
    await expectText(sp.t("import-message-title"), new RegExp(`Could not open ${bad.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    const body = await expectText(sp.t("import-message-body"), bad.says);
    for (const more of bad.also ?? []) assert.match(body, more);

    // Nothing changed, and nothing changes during the autosave's pause (500 ms) and more:
    // storage byte for byte, the open scorecard, the undo history, the saved state.
    await holdsFor(
      700,
      async () => {
        assert.deepEqual(await sp.storage(), storageBefore);
        assert.equal(await sp.t("scorecard-title").textContent(), titleBefore);
        assert.equal(await sp.missionText(), "Edited before the import");
        assert.equal(await sp.undoEnabled(), undoBefore);
        assert.equal(await sp.savedState(), "saved");
      },
      "nothing changed by the refused import",
    );
    await sp.t("import-message-close").click();
    await sp.openLibrary();
    await expectCount(sp.items(), 2);
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

/** A library holding the example (edited after export), and the exported file. */
async function sameIdSetup() {
  const app = await openApp();
  await app.sp.create("example");
  await app.sp.waitSaved();
  const file = await app.sp.exportOpen();
  await app.sp.setMission("Changed in the library after the export");
  await app.sp.waitSaved();
  return { ...app, file, id: file.json.scorecard.id };
}

test("importing a scorecard whose id is taken asks; cancel (and Escape) change nothing", async () => {
  const { context, page, problems, sp, file } = await sameIdSetup();
  const before = await sp.storage();
  await sp.t("import-button").focus();
  await sp.pickFile(file.name, file.text);
  const dialog = sp.t("import-conflict-dialog");
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute("role"), "dialog");
  assert.equal(await dialog.getAttribute("aria-modal"), "true");
  await waitForValue(
    () => page.evaluate(() => document.activeElement?.closest("[role=dialog]") !== null),
    true,
    "focus is in the dialog",
  );
  // Escape cancels.
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.deepEqual(await sp.storage(), before);
  // And the Cancel button.
  await sp.pickFile(file.name, file.text);
  await dialog.waitFor();
  await sp.t("conflict-cancel").click();
  await dialog.waitFor({ state: "detached" });
  assert.deepEqual(await sp.storage(), before);
  await sp.expectMission("Changed in the library after the export");
  await expectEnabled(sp.t("undo"), true);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("importing a scorecard whose id is taken: keep both adds a copy with a new id", async () => {
  const { context, problems, sp, file, id } = await sameIdSetup();
  await sp.dropFile(file.name, file.text);
  await sp.t("import-conflict-dialog").waitFor();
  await sp.t("conflict-keep-both").click();
  await sp.t("import-conflict-dialog").waitFor({ state: "detached" });
  await sp.expectMission(file.json.scorecard.mission);
  const index = await waitUntil(() => sp.index(), (i) => i.scorecards.length === 3, "three scorecards in the index");
  assert.notEqual(index.open, id);
  assert.equal(parseStored(await sp.stored(`smsc.v1.card.${id}`)).scorecard.mission, "Changed in the library after the export");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("importing a scorecard whose id is taken: replace, then undo puts the old one back exactly", async () => {
  const { context, problems, sp, file, id } = await sameIdSetup();
  const before = await sp.storage();
  await sp.pickFile(file.name, file.text);
  await sp.t("import-conflict-dialog").waitFor();
  await sp.t("conflict-replace").click();
  await sp.t("library-notice").waitFor();
  await sp.expectMission(file.json.scorecard.mission);
  await waitForValue(
    async () => parseStored(await sp.stored(`smsc.v1.card.${id}`)).scorecard.mission,
    file.json.scorecard.mission,
    "the replaced card's stored mission",
  );
  assert.equal((await sp.index()).scorecards.length, 2);
  await sp.t("library-undo").click();
  await sp.t("library-notice").waitFor({ state: "detached" });
  await sp.expectMission("Changed in the library after the export");
  await waitForValue(() => sp.storage(), before, "storage back byte for byte");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("storage blocked (SecurityError): a lasting banner, and editing still works", async () => {
  const context = await newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const { page, problems } = await watchedPage(context);
  const sp = new StoragePage(page);
  await sp.open(served.server.url);
  await sp.t("banner-storage-unavailable").waitFor();
  await expectText(sp.t("banner-storage-unavailable"), /not kept in this browser.*export/s);
  await sp.expectSavedState("memory");
  await sp.setMission("Works in memory");
  await sp.expectMission("Works in memory");
  // Past the autosave's pause (500 ms), the banner is still there.
  await holdsFor(
    700,
    async () => assert.equal(await sp.t("banner-storage-unavailable").isVisible(), true),
    "the banner lasts",
  );
  // The library works in memory too, and export still downloads the work.
  await sp.create("example");
  await sp.openLibrary();
  await expectCount(sp.items(), 2);
  const download = await sp.download(() => sp.t("banner-unavailable-export").click());
  assert.equal(download.suggestedFilename(), `scorecards-${todayIso()}.library.json`);
  const exported = JSON.parse(await sp.downloadText(download));
  assert.ok(exported.scorecards.some((c) => c.scorecard.mission === "Works in memory"));
  assert.deepEqual(problems(), []);
  await context.close();
});

test("storage full: a banner within a second, the last good copy untouched, export offered", async () => {
  const { context, page, problems, sp } = await openApp();
  await sp.setMission("The last good copy");
  await sp.waitSaved();
  const good = await sp.storage();
  // Fill the rest of this origin's storage.
  await page.evaluate(() => {
    let size = 1 << 20;
    let i = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler-${i}`, "x".repeat(size));
        i += 1;
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
  await sp.setMission("The last good copy, and more that does not fit");
  const edited = Date.now();
  await sp.t("banner-save-failed").waitFor({ timeout: 1000 });
  assert.ok(Date.now() - edited < 1000);
  await expectAttribute(sp.t("banner-save-failed"), "data-kind", "quota");
  await expectText(sp.t("banner-save-failed"), /full.*last saved copy is untouched/s);
  await sp.expectSavedState("failed");
  const now = await sp.storage();
  for (const [key, value] of Object.entries(good)) assert.equal(now[key], value, `${key} untouched`);
  // Export is offered and gives the latest work.
  const download = await sp.download(() => sp.t("banner-quota-export").click());
  assert.match(download.suggestedFilename(), EXPORT_NAME);
  assert.equal(JSON.parse(await sp.downloadText(download)).scorecard.mission, "The last good copy, and more that does not fit");
  // Room again: the next save succeeds and the banner goes.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("filler-")) localStorage.removeItem(key);
  });
  await sp.setMission("Saved again");
  await sp.waitSaved();
  await sp.t("banner-save-failed").waitFor({ state: "detached" });
  assert.deepEqual(problems(), []);
  await context.close();
});

test("corrupt stored data at start is kept aside, reported, downloadable and never overwritten", async () => {
  const BROKEN_A = '{"format":"social-media-scorecard","version":1,"scorecard":{"id":"sc-broken","title":"Cut';
  const BROKEN_B = "not a scorecard at all";
  const context = await newContext();
  // Plant a damaged scorecard before the first start, nothing before the second, and a
  // second damaged text under the same key before the third.
  await context.addInitScript(
    ([a, b]) => {
      const n = Number(sessionStorage.getItem("starts") || "0") + 1;
      sessionStorage.setItem("starts", String(n));
      const plant = (text) => {
        localStorage.setItem("smsc.v1.card.sc-broken", text);
        localStorage.setItem(
          "smsc.v1.index",
          JSON.stringify({ layout: 1, scorecards: [{ id: "sc-broken", title: "Broken" }], open: "sc-broken" }),
        );
      };
      if (n === 1) plant(a);
      if (n === 3) plant(b);
    },
    [BROKEN_A, BROKEN_B],
  );
  const { page, problems } = await watchedPage(context);
  const sp = new StoragePage(page);
  await sp.open(served.server.url);
  await sp.t("banner-corrupt").waitFor();
  const entry = sp.t("corrupt-entry");
  await expectAttribute(entry, "data-key", "smsc.v1.card.sc-broken");
  await expectAttribute(entry, "data-backup", "smsc.backup.smsc.v1.card.sc-broken.1");
  await expectText(entry, /not valid JSON/);
  assert.equal(await sp.stored("smsc.backup.smsc.v1.card.sc-broken.1"), BROKEN_A);
  assert.equal(await sp.stored("smsc.v1.card.sc-broken"), null);
  const download = await sp.download(() => sp.t("banner-corrupt-download").click());
  assert.equal(await sp.downloadText(download), BROKEN_A);
  // The app works on: a new blank scorecard, saved.
  await sp.setMission("Working on");
  await sp.waitSaved();

  // Second start: nothing new to report; the backup is as it was.
  await page.reload();
  await sp.t("app-shell").waitFor();
  // Started (the mission is back), and with nothing to report.
  await sp.expectMission("Working on");
  assert.equal(await sp.t("banner-corrupt").count(), 0, "no corrupt-data banner on the second start");
  assert.equal(await sp.stored("smsc.backup.smsc.v1.card.sc-broken.1"), BROKEN_A);

  // Third start: a new damaged text goes to the next backup key; the first is not touched.
  await page.reload();
  await sp.t("banner-corrupt").waitFor();
  await expectAttribute(sp.t("corrupt-entry"), "data-backup", "smsc.backup.smsc.v1.card.sc-broken.2");
  assert.equal(await sp.stored("smsc.backup.smsc.v1.card.sc-broken.1"), BROKEN_A);
  assert.equal(await sp.stored("smsc.backup.smsc.v1.card.sc-broken.2"), BROKEN_B);
  // The library lists both copies kept aside.
  await sp.openLibrary();
  await expectCount(sp.t("library-backup"), 2);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("two tabs: an edit in one shows in the other; both unsaved asks, never overwrites", async () => {
  const context = await newContext();
  const a = await watchedPage(context);
  const A = new StoragePage(a.page);
  await A.open(served.server.url);
  await A.waitSaved();
  const b = await watchedPage(context);
  const B = new StoragePage(b.page);
  await B.open(served.server.url);
  await B.waitSaved();

  // An edit in A appears in B.
  await A.setMission("Written in tab A");
  await A.waitSaved();
  await b.page.waitForFunction(() =>
    document.querySelector("[data-testid=mission]")?.textContent.includes("Written in tab A"),
  );

  // Both edit before either saves: B saves first; A must ask, not overwrite.
  await B.setMission("Tab B's version");
  await A.setMission("Tab A's version");
  await A.t("tab-conflict-dialog").waitFor({ timeout: 3000 });
  await A.expectSavedState("paused");
  // A asks and waits: during (more than) the autosave's pause it writes nothing over B.
  await holdsFor(
    800,
    async () => {
      assert.equal((await B.storedOpenCard()).scorecard.mission, "Tab B's version", "A did not overwrite B");
      assert.equal(await A.savedState(), "paused");
    },
    "A leaves B's save alone",
  );
  await A.expectMission("Tab A's version", "A keeps its own work on screen");

  // Download both versions.
  const downloads = [];
  a.page.on("download", (d) => downloads.push(d));
  await A.t("tab-download-both").click();
  await waitUntil(() => downloads.length, (n) => n >= 2, "the two downloads");
  const names = downloads.map((d) => d.suggestedFilename()).sort();
  assert.equal(names.length, 2);
  assert.match(names[0], /-other-tab\.scorecard\.json$/);
  assert.match(names[1], /-this-tab\.scorecard\.json$/);
  const texts = await Promise.all(downloads.map((d) => A.downloadText(d)));
  const missions = texts.map((t) => JSON.parse(t).scorecard.mission).sort();
  assert.deepEqual(missions, ["Tab A's version", "Tab B's version"]);

  // Keep mine: A's version is saved, and B (no unsaved changes) shows it.
  await A.t("tab-keep-mine").click();
  await A.t("tab-conflict-dialog").waitFor({ state: "detached" });
  await A.waitSaved();
  await b.page.waitForFunction(() =>
    document.querySelector("[data-testid=mission]")?.textContent.includes("Tab A's version"),
  );
  assert.equal((await B.storedOpenCard()).scorecard.mission, "Tab A's version");

  // The other way round, choosing "load theirs".
  await A.setMission("A again");
  await B.setMission("B again");
  await B.t("tab-conflict-dialog").waitFor({ timeout: 3000 });
  await B.t("tab-load-theirs").click();
  await B.t("tab-conflict-dialog").waitFor({ state: "detached" });
  await B.expectMission("A again");
  await waitForValue(async () => (await A.storedOpenCard()).scorecard.mission, "A again", "the stored mission");

  assert.deepEqual(a.problems(), []);
  assert.deepEqual(b.problems(), []);
  await context.close();
});

test("a share link opens the scorecard read-only elsewhere; save a copy adds it to the library", async () => {
  const a = await openApp();
  await a.sp.create("example");
  await a.sp.setMission("Shared by link");
  await a.sp.waitSaved();
  await a.sp.t("share-button").click();
  await a.sp.t("share-dialog").waitFor();
  const url = await a.sp.t("share-url").inputValue();
  assert.ok(url.startsWith(served.server.url), url);
  assert.match(url, /#share=[A-Za-z0-9_-]+$/);
  assert.ok(url.length < 8000 + served.server.url.length);
  await a.sp.t("share-dialog-close").click();
  await a.sp.t("share-dialog").waitFor({ state: "detached" });

  // A colleague opens the link in another browser.
  const requests = [];
  const bContext = await newContext();
  const bPage = await watchedPage(bContext);
  const b = { context: bContext, page: bPage.page, problems: bPage.problems, sp: new StoragePage(bPage.page) };
  b.page.on("request", (r) => requests.push(r.url()));
  await b.sp.open(url);
  await b.sp.t("banner-shared").waitFor();
  await b.sp.expectTitle("Community scorecard 2026");
  await b.sp.expectMission("Shared by link");
  await b.sp.expectSavedState("read-only");
  await waitUntil(() => b.sp.t("views").getAttribute("inert"), (inert) => inert !== null, "the views are inert");
  assert.ok(requests.every((r) => !r.includes("share=")), "the fragment is never sent");
  // Nothing can be changed; the library is as it was.
  await b.page.keyboard.press("Control+z");
  assert.equal(await b.sp.missionText(), "Shared by link");
  assert.equal(await b.sp.stored("smsc.v1.index"), null, "nothing stored before the user asks");

  await b.sp.t("share-save-copy").click();
  await b.sp.t("banner-shared").waitFor({ state: "detached" });
  // Ctrl+Z (handled before the click) undid nothing: the copy has the shared mission.
  assert.equal(await b.sp.missionText(), "Shared by link");
  await b.sp.expectSavedState("saved");
  const index = await b.sp.index();
  assert.equal(index.scorecards.length, 1);
  assert.equal(parseStored(await b.sp.stored(`smsc.v1.card.${index.open}`)).scorecard.mission, "Shared by link");
  // Now it can be edited.
  await b.sp.setMission("My own copy");
  await b.sp.waitSaved();
  assert.deepEqual(a.problems(), []);
  assert.deepEqual(b.problems(), []);
  await a.context.close();
  await b.context.close();
});

test("a scorecard too large for a link says so and suggests the file", async () => {
  const { context, problems, sp } = await openApp();
  const big = structuredClone(example);
  const noise = () => randomBytes(1500).toString("base64").slice(0, 2000);
  big.scorecard.id = "big-one";
  big.scorecard.mission = noise();
  for (const o of big.scorecard.objectives) o.description = noise();
  for (const f of Object.values(big.scorecard.factors)) f.key_question = noise();
  await sp.pickFile("big.scorecard.json", JSON.stringify(big));
  await sp.page.waitForFunction(() =>
    document.querySelector("[data-testid=scorecard-title]")?.textContent.includes("Community scorecard 2026"),
  );
  await sp.t("share-button").click();
  const message = sp.t("share-too-large");
  await message.waitFor();
  await expectText(message, /too large for a link.*at most 8000.*Export it as a file/s);
  const download = await sp.download(() => sp.t("share-export").click());
  assert.match(download.suggestedFilename(), EXPORT_NAME);
  assert.deepEqual(problems(), []);
  await context.close();
});
