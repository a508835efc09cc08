// Workshop tools: Dutch and English (default from the browser, switchable, remembered),
// the keyboard-shortcut help, switching views by keyboard, and projector mode.
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

async function open(locale) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale });
  const { page, problems } = await watchedPage(context);
  await new AppPage(page).open(server.url);
  return { context, page, problems };
}

const heading = (page, factor) => page.getByTestId(`quadrant-${factor}`).getByRole("heading", { level: 2 });

test("a Dutch browser gets Dutch; the choice is switchable and remembered", async () => {
  const { context, page, problems } = await open("nl-NL");
  assert.equal((await heading(page, "customers").textContent()).trim(), "Klanten");
  assert.equal(await page.getByTestId("lang-nl").getAttribute("aria-pressed"), "true");
  assert.match(await page.getByTestId("strategy-band").textContent(), /Social media missie/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "nl");
  // Numbers follow the language: 2.5 is written 2,5.
  const ed = new Editor(page);
  await page.getByTestId("quadrant-financial").getByTestId("add-sub-objective").click();
  await ed.addKpi({ name: "Kosten per lid", unit: "EUR", target: "2.5" });
  await ed.closePanel();
  assert.match(await page.getByTestId("quadrant-financial").getByTestId("kpi").textContent(), /Doel: 2,5 EUR/);

  await page.getByTestId("lang-en").click();
  assert.match(await page.getByTestId("quadrant-financial").getByTestId("kpi").textContent(), /Target: 2.5 EUR/);
  assert.match(await page.getByTestId("strategy-band").textContent(), /Social media mission/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  // The scorecard's own texts (its factor labels) stay as the scorecard has them.
  assert.equal((await heading(page, "customers").textContent()).trim(), "Klanten");
  await page.reload();
  await page.getByTestId("app-shell").waitFor();
  assert.equal(await page.getByTestId("lang-en").getAttribute("aria-pressed"), "true", "remembered after reload");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("? opens the shortcut help, Escape closes it; Alt+digit switches view", async () => {
  const { context, page, problems } = await open("en-GB");
  await page.locator("body").press("?");
  const help = page.getByTestId("help-overlay");
  await help.waitFor();
  assert.equal(await help.getAttribute("role"), "dialog");
  assert.ok((await help.getByTestId("shortcut").count()) >= 8);
  assert.match(await help.textContent(), /Projector mode on or off/);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "help-close");
  await page.keyboard.press("Escape");
  assert.equal(await help.count(), 0);
  // "?" typed into a field is just a character.
  await page.getByTestId("mission").click();
  await page.getByTestId("mission-input").pressSequentially("Why?");
  assert.equal(await page.getByTestId("help-overlay").count(), 0);
  assert.equal(await page.getByTestId("mission-input").inputValue(), "Why?");
  await page.getByTestId("close-panel").click();

  await page.keyboard.press("Alt+2");
  await page.getByTestId("strategy-map").waitFor();
  assert.match(page.url(), /#map$/);
  await page.keyboard.press("Alt+1");
  await page.getByTestId("quadrants").waitFor();
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
  assert.equal(await page.getByTestId("app-shell").getAttribute("data-projector"), "true");
  const big = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.ok(big >= base * 1.25, `type grows (${base}px → ${big}px)`);
  assert.equal(await page.getByTestId("add-objective").isVisible(), false, "no add buttons");
  assert.equal(await page.getByTestId("coach").isVisible(), false, "no coach");

  // Nothing changes by accident: a click on a card opens nothing, undo does nothing.
  await page.getByTestId("objective").first().click({ force: true });
  assert.equal(await page.getByTestId("side-panel").isVisible().catch(() => false), false);
  await page.keyboard.press("Control+z");
  assert.equal((await page.getByTestId("objective-title").textContent()).trim(), "Loyalty");

  // Arrow keys move between the map and the quadrants.
  await page.keyboard.press("ArrowLeft");
  await page.getByTestId("strategy-map").waitFor();
  await page.keyboard.press("ArrowRight");
  await page.getByTestId("quadrants").waitFor();

  await page.keyboard.press("Escape");
  assert.equal(await page.getByTestId("app-shell").getAttribute("data-projector"), "false");
  assert.equal(await page.getByTestId("add-objective").isVisible(), true);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("Ctrl+S exports the scorecard and Ctrl+O opens the import picker", async () => {
  const { context, page, problems } = await open("en-GB");
  await new Editor(page).setMission("Shortcuts work");
  await page.getByTestId("close-panel").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Control+s")]);
  assert.match(download.suggestedFilename(), /^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.scorecard\.json$/);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Control+o")]);
  assert.equal(chooser.isMultiple(), false);
  assert.deepEqual(problems(), []);
  await context.close();
});
