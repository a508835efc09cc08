// Workshop tools: Dutch and English (default from the browser, switchable, remembered),
// the keyboard-shortcut help, switching views by keyboard, and projector mode.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileChoosers, watchedPage } from "./support/browser.mjs";
import { AppPage, Editor, waitForView } from "./support/app-page.mjs";
import {
  expectAttribute,
  expectCountAtLeast,
  expectFocused,
  expectText,
  expectValue,
  expectVisible,
  waitForValue,
  waitUntil,
} from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const served = servedApp();

async function open(locale) {
  const context = await served.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale });
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(served.server.url);
  return { context, page, problems };
}

const heading = (page, factor) => page.getByTestId(`quadrant-${factor}`).getByRole("heading", { level: 2 });

test("a Dutch browser gets Dutch; the choice is switchable and remembered", async () => {
  const { context, page, problems } = await open("nl-NL");
  const documentLang = () => page.evaluate(() => document.documentElement.lang);
  await expectText(heading(page, "customers"), "Klanten");
  await expectAttribute(page.getByTestId("lang-nl"), "aria-pressed", "true");
  await expectText(page.getByTestId("strategy-band"), /Social media missie/);
  await waitForValue(documentLang, "nl", "the document's language");
  // Numbers follow the language: 2.5 is written 2,5.
  const ed = new Editor(page);
  await page.getByTestId("quadrant-financial").getByTestId("add-sub-objective").click();
  await ed.addKpi({ name: "Kosten per lid", unit: "EUR", target: "2.5" });
  await ed.closePanel();
  await expectText(page.getByTestId("quadrant-financial").getByTestId("kpi"), /Doel: 2,5 EUR/);

  await page.getByTestId("lang-en").click();
  await expectAttribute(page.getByTestId("lang-en"), "aria-pressed", "true");
  await expectText(page.getByTestId("quadrant-financial").getByTestId("kpi"), /Target: 2.5 EUR/);
  await expectText(page.getByTestId("strategy-band"), /Social media mission/);
  await waitForValue(documentLang, "en", "the document's language");
  // The scorecard's own texts (its factor labels) stay as the scorecard has them.
  await expectText(heading(page, "customers"), "Klanten");
  await page.reload();
  await page.getByTestId("app-shell").waitFor();
  await expectAttribute(page.getByTestId("lang-en"), "aria-pressed", "true", "English remembered after reload");
  await expectText(page.getByTestId("strategy-band"), /Social media mission/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("? opens the shortcut help, Escape closes it; Alt+digit switches view", async () => {
  const { context, page, problems } = await open("en-GB");
  await page.locator("body").press("?");
  const help = page.getByTestId("help-overlay");
  await help.waitFor();
  await expectAttribute(help, "role", "dialog");
  await expectCountAtLeast(help.getByTestId("shortcut"), 8);
  await expectText(help, /Projector mode on or off/);
  // The focus moves into the dialog (in the next frame).
  await expectFocused(page.getByTestId("help-close"));
  await page.keyboard.press("Escape");
  await help.waitFor({ state: "detached" });
  // "?" typed into a field is just a character: once the field shows it, still no help.
  await page.getByTestId("mission").click();
  await page.getByTestId("mission-input").pressSequentially("Why?");
  await expectValue(page.getByTestId("mission-input"), "Why?");
  await expectText(page.getByTestId("mission"), "Why?");
  assert.equal(await page.getByTestId("help-overlay").count(), 0, "no help for a ? typed into a field");
  await page.getByTestId("close-panel").click();
  await page.getByTestId("side-panel").waitFor({ state: "detached" });

  await page.keyboard.press("Alt+2");
  await waitForView(page, "map");
  assert.match(page.url(), /#map$/);
  await page.keyboard.press("Alt+1");
  await waitForView(page, "scorecard");
  assert.match(page.url(), /#scorecard$/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("projector mode: large type, arrows move between views, nothing editable, Esc leaves", async () => {
  const { context, page, problems } = await open("en-GB");
  const ed = new Editor(page);
  await ed.setMission("Healthy together");
  await ed.addObjective("Loyalty");
  await ed.closePanel();
  const base = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

  await page.getByTestId("projector-toggle").click();
  await expectAttribute(page.getByTestId("app-shell"), "data-projector", "true");
  const big = await waitUntil(
    () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize)),
    (size) => size >= base * 1.25,
    `type grows from ${base}px`,
  );
  assert.ok(big >= base * 1.25, `type grows (${base}px → ${big}px)`);
  // In projector mode now (the type grew): the editing controls are gone.
  await expectVisible(page.getByTestId("add-objective"), false, "no add buttons");
  await expectVisible(page.getByTestId("coach"), false, "no coach");

  // Nothing changes by accident: a click on a card opens nothing, undo does nothing.
  await page.getByTestId("objective").first().click({ force: true });
  await page.keyboard.press("Control+z");
  // Arrow keys move between the views: the map follows the quadrants. Once the map shows,
  // the click and Ctrl+Z before the arrow key have been handled too: what they did would
  // show by now.
  await page.keyboard.press("ArrowRight");
  await waitForView(page, "map");
  assert.equal(await page.getByTestId("side-panel").count(), 0, "a click on a card opens nothing");
  await page.keyboard.press("ArrowLeft");
  await waitForView(page, "scorecard");
  assert.equal(await page.getByTestId("side-panel").count(), 0, "a click on a card opens nothing");
  assert.equal((await page.getByTestId("objective-title").textContent()).trim(), "Loyalty", "undo did nothing");

  await page.keyboard.press("Escape");
  await expectAttribute(page.getByTestId("app-shell"), "data-projector", "false");
  await expectVisible(page.getByTestId("add-objective"), true);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("Ctrl+S exports the scorecard and Ctrl+O opens the import picker", async () => {
  const { context, page, problems } = await open("en-GB");
  const pickers = fileChoosers(page);
  await new Editor(page).setMission("Shortcuts work");
  await page.getByTestId("close-panel").click();
  await page.getByTestId("side-panel").waitFor({ state: "detached" });
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+s")]);
  assert.match(download.suggestedFilename(), /^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.scorecard\.json$/);
  const picked = pickers.next();
  await page.keyboard.press("Control+o");
  const chooser = await picked;
  assert.equal(chooser.isMultiple(), false);
  assert.deepEqual(problems(), []);
  await context.close();
});
