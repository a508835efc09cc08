// The welcome screen (src/ui/app/welcome.rs): a new browser's first screen says in one line
// what the app is and offers the article's example, the guided workshop and a file, with a
// quiet "Start with an empty scorecard". Each test starts from a fresh browser context (empty
// storage). The example is made on the real today — no fixed clock — and is dated relative to
// it (src/method/example_dates.rs), so its KPIs show colours on any day. Once a start is
// picked the welcome never comes back. The docs' screenshot welcome.png is taken on the
// screenshots' fixed clock (it shows no date).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { axeProblems } from "./support/axe.mjs";
import { fileChoosers, watchedPage } from "./support/browser.mjs";
import { AppPage, showView, waitForView } from "./support/app-page.mjs";
import { StoragePage } from "./support/storage-page.mjs";
import { SCRATCH_SCREENSHOTS, screenshotContext, takeScreenshot } from "./support/screenshots.mjs";
import { expectAttribute, expectCount, expectText, expectVisible, waitUntil } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const FROZEN = new URL("../fixtures/frozen/", import.meta.url).pathname;
/** A scorecard file written by an earlier version of the app, kept as it was. */
const EXAMPLE_FILE = readFileSync(`${FROZEN}v4-example-en.json`, "utf8");

/** Where a picture for looking at goes (never docs/screenshots/). */
function scratch(name) {
  mkdirSync(SCRATCH_SCREENSHOTS, { recursive: true });
  return join(SCRATCH_SCREENSHOTS, name);
}

const served = servedApp();

/** A fresh browser (empty storage) on the real clock, showing the welcome screen. */
async function fresh({ locale = "en-GB", viewport = { width: 1400, height: 1000 } } = {}) {
  const context = await served.browser.newContext({ viewport, locale, bypassCSP: true });
  const { page, problems } = await watchedPage(context);
  const pickers = fileChoosers(page);
  await new AppPage(page).open(served.server.url, { welcome: true });
  await page.getByTestId("welcome").waitFor();
  const sp = new StoragePage(page);
  return { context, page, problems, sp, pickers, t: (id) => page.getByTestId(id) };
}

/** Picks `file` ({ name, text }) in the welcome's "Open a file" picker, as a user does. */
async function openFile(page, pickers, { name, text }) {
  const picked = pickers.next();
  await page.getByTestId("welcome-open-file").click();
  const chooser = await picked;
  await chooser.setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text, "utf8") });
}

/** The scorecard's stored keys (`smsc.v1.card.<id>`) in this browser. */
async function storedCards(sp) {
  return Object.keys(await sp.storage()).filter((k) => k.startsWith("smsc.v1.card."));
}

test("a fresh browser's example shows coloured statuses: the one line, three choices and a quiet fourth; the example stays after a reload", async () => {
  const { context, page, problems, sp, t } = await fresh();
  try {
    await expectText(t("welcome-tagline"), /^Steer your organisation's social media from strategy to measured results with the Social Media Scorecard/);
    await expectVisible(page.getByRole("heading", { level: 1, name: "Welcome" }), "the welcome's heading");
    for (const name of ["Start from the article's example", "Start the guided workshop", "Open a file", "Start with an empty scorecard"]) {
      await expectVisible(page.getByRole("button", { name, exact: true }), `the choice "${name}"`);
    }
    // The welcome stands in for the header and the views; the language switch is on it.
    await expectCount(t("tab-scorecard"), 0, "no view tabs on the welcome");
    await expectCount(t("quadrants"), 0, "no scorecard behind the welcome");
    await expectVisible(t("lang-nl"), "the language switch");
    // Nothing is stored before the user picks a start.
    assert.deepEqual(await storedCards(sp), [], "no scorecard stored yet");
    assert.deepEqual(await axeProblems(page), [], "axe on the welcome");

    await t("welcome-example").click();
    await t("welcome").waitFor({ state: "detached" });
    await waitForView(page, "scorecard");
    await expectText(t("scorecard-title"), /\S/, "the example's title in the header");
    // The example is dated relative to today, so today its KPIs have colours: at least one
    // on target (green) and at least one behind (amber or red), none of them only grey.
    const statuses = await waitUntil(
      async () => page.locator("[data-testid=quadrants] [data-testid=kpi-status]").evaluateAll((els) => els.map((e) => e.dataset.status)),
      (s) => s.length > 0 && s.includes("green") && (s.includes("amber") || s.includes("red")),
      "a green and an amber or red KPI status in the example",
    );
    assert.ok(statuses.length >= 4, `the example's KPIs (${statuses.join(", ")})`);
    const title = (await t("scorecard-title").textContent()).trim();
    assert.equal((await storedCards(sp)).length, 1, "the example, stored");

    await page.reload();
    await t("app-shell").waitFor();
    await waitForView(page, "scorecard");
    await expectCount(t("welcome"), 0, "no welcome after a reload");
    await expectText(t("scorecard-title"), title, "the example still open after a reload");
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
  }
});

test("'Start the guided workshop' opens the workshop on a new blank scorecard, kept in the library", async () => {
  const { context, page, problems, t } = await fresh();
  try {
    await t("welcome-workshop").click();
    await t("welcome").waitFor({ state: "detached" });
    await waitForView(page, "workshop");
    await expectAttribute(t("tab-workshop"), "aria-current", "page", "the workshop tab");
    await showView(page, "library");
    await expectText(t("library-count"), "1", "one scorecard in the library");
    await page.reload();
    await t("app-shell").waitFor();
    await expectCount(t("welcome"), 0, "no welcome after a reload");
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
  }
});

test("'Open a file': a damaged file gets the clear message and the welcome stays; a real scorecard file opens", async () => {
  const { context, page, problems, sp, pickers, t } = await fresh();
  try {
    // A scorecard file cut off half-way, as a failed download leaves it.
    await openFile(page, pickers, { name: "community.json", text: EXAMPLE_FILE.slice(0, 400) });
    await expectAttribute(t("import-message"), "data-kind", "not-json", "the message about the damaged file");
    await expectText(t("import-message-title"), "Could not open community.json");
    await expectText(t("import-message-body"), /not valid JSON/);
    await expectVisible(t("welcome"), "the welcome, still there");
    assert.deepEqual(await storedCards(sp), [], "nothing stored for a damaged file");

    await openFile(page, pickers, { name: "community.json", text: EXAMPLE_FILE });
    await t("welcome").waitFor({ state: "detached" });
    await waitForView(page, "scorecard");
    await expectText(t("scorecard-title"), JSON.parse(EXAMPLE_FILE).scorecard.title, "the file's scorecard, open");
    await expectCount(t("import-message"), 0, "the earlier message gone");
    assert.equal((await storedCards(sp)).length, 1, "the file's scorecard, stored");
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
  }
});

test("a scorecard file dropped on the welcome opens", async () => {
  const { context, page, problems, sp, t } = await fresh();
  try {
    await sp.dropFile("community.json", EXAMPLE_FILE);
    await t("welcome").waitFor({ state: "detached" });
    await expectText(t("scorecard-title"), JSON.parse(EXAMPLE_FILE).scorecard.title, "the dropped scorecard, open");
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
  }
});

test("Dutch: the welcome in the browser's language, switchable to English, and axe-clean on a phone", async () => {
  const { context, page, problems, t } = await fresh({ locale: "nl-NL", viewport: { width: 390, height: 844 } });
  try {
    await expectAttribute(t("app-shell"), "lang", "nl");
    await expectText(t("welcome-tagline"), /^Stuur de sociale media van je organisatie van strategie tot gemeten resultaat/);
    for (const name of ["Begin met het voorbeeld uit het artikel", "Start de begeleide workshop", "Een bestand openen", "Begin met een lege scorecard"]) {
      await expectVisible(page.getByRole("button", { name, exact: true }), `de keuze "${name}"`);
    }
    assert.deepEqual(await axeProblems(page), [], "axe on the Dutch welcome at 390 px");
    await page.screenshot({ path: scratch("welcome-nl-390.png"), fullPage: true });
    await t("lang-en").click();
    await expectText(t("welcome-example"), "Start from the article's example");
    await t("welcome-empty").click();
    await t("welcome").waitFor({ state: "detached" });
    await waitForView(page, "scorecard");
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
  }
});

test("a link to a view or a share link skips the welcome; the docs' screenshot", async () => {
  const context = await screenshotContext(served.browser, { viewport: { width: 1400, height: 1000 }, locale: "en-GB" });
  try {
    const { page, problems } = await watchedPage(context);
    await page.goto(`${served.server.url}#library`);
    await page.getByTestId("library").waitFor();
    await expectCount(page.getByTestId("welcome"), 0, "no welcome for a link to the library");
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
  }
  const shared = await served.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "en-GB" });
  try {
    const { page } = await watchedPage(shared);
    // A share link that cannot be read: its message, over a blank scorecard, not the welcome.
    await page.goto(`${served.server.url}#share=not-a-scorecard`);
    await page.getByTestId("import-message").waitFor();
    await page.getByTestId("quadrants").waitFor();
    await expectCount(page.getByTestId("welcome"), 0, "no welcome for a share link");
  } finally {
    await context.close();
  }
  const shot = await screenshotContext(served.browser, { viewport: { width: 1400, height: 1000 }, locale: "en-GB" });
  try {
    const { page, problems } = await watchedPage(shot);
    await new AppPage(page).open(served.server.url, { welcome: true });
    await page.getByTestId("welcome").waitFor();
    // The footer's offline note settled, so the picture is the same on every update.
    await page.locator("[data-testid=offline-status][data-state=ready]").waitFor();
    await takeScreenshot(page, "welcome.png", { width: 1400, height: 1000 });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: scratch("welcome-390.png"), fullPage: true });
    assert.deepEqual(problems(), []);
  } finally {
    await shot.close();
  }
});

test("on the welcome, Ctrl+O opens its file picker and the file opens; Alt+2 and Ctrl+Z change nothing under it", async () => {
  const { context, page, problems, pickers, t } = await fresh();
  try {
    const before = page.url();
    await page.keyboard.press("Alt+2");
    await page.keyboard.press("Control+z");
    await expectVisible(t("welcome"), "the welcome, still there after Alt+2 and Ctrl+Z");
    assert.equal(page.url(), before, "the address unchanged under the welcome");

    const picked = pickers.next();
    await page.keyboard.press("Control+o");
    const chooser = await picked;
    await chooser.setFiles({ name: "community.json", mimeType: "application/json", buffer: Buffer.from(EXAMPLE_FILE, "utf8") });
    await t("welcome").waitFor({ state: "detached" });
    await waitForView(page, "scorecard");
    await expectText(t("scorecard-title"), JSON.parse(EXAMPLE_FILE).scorecard.title, "the file's scorecard, open");
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
  }
});
