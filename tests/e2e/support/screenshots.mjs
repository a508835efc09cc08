// The README's screenshots. The tests that take them always take them and check them, but
// write docs/screenshots/ only when asked (UPDATE_SCREENSHOTS=1), and then only the pictures
// that README.md or a page under docs/ shows (tests/docs_screenshots.rs checks that every
// picture there is shown): everything else goes to the git-ignored
// tests/e2e/artifacts/screenshots/, so a test run leaves the working tree as it was. Their
// pages run on a fixed clock (10 April 2026, 10:00 in Amsterdam), so the dates and times they
// show (the "as of" date, "last changed") are the same on every update.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export const UPDATE = process.env.UPDATE_SCREENSHOTS === "1";
export const DOCS_SCREENSHOTS = new URL("../../../docs/screenshots/", import.meta.url).pathname;
export const SCRATCH_SCREENSHOTS = new URL("../artifacts/screenshots/", import.meta.url).pathname;

/** The screenshots' "now": the day the example's measurements are recent. */
export const SCREENSHOT_DAY = "2026-04-10";
export const SCREENSHOT_TIME = new Date(`${SCREENSHOT_DAY}T10:00:00+02:00`);
export const SCREENSHOT_TIMEZONE = "Europe/Amsterdam";

const ROOT = new URL("../../../", import.meta.url).pathname;

/** The picture names that README.md and the pages under docs/ show (`screenshots/<name>.png`). */
function shownPictures() {
  const docs = readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => join("docs", f));
  const names = new Set();
  for (const file of ["README.md", ...docs]) {
    for (const match of readFileSync(join(ROOT, file), "utf8").matchAll(/screenshots\/([A-Za-z0-9_.-]+\.png)/g)) {
      names.add(match[1]);
    }
  }
  return names;
}

const SHOWN = UPDATE ? shownPictures() : new Set();

/**
 * Where to write screenshot `name` (e.g. `map-light.png`): docs/screenshots/ on an update
 * when a document shows it, the scratch folder otherwise.
 */
export function screenshotPath(name) {
  const dir = UPDATE && SHOWN.has(name) ? DOCS_SCREENSHOTS : SCRATCH_SCREENSHOTS;
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/**
 * Fixes the date the pages of `context` read: `new Date()` and `Date.now()` give `time`,
 * from the first script on (call it before opening pages). Only `Date` is replaced: timers,
 * animation frames and `performance.now()` are the browser's own. (Playwright's
 * `clock.setFixedTime` also routes every timer through its fake clock, which runs callbacks
 * the app has already cancelled: "closure invoked … after being dropped" in the console.)
 */
export async function fixClock(context, time = SCREENSHOT_TIME) {
  await context.addInitScript((fixed) => {
    const RealDate = Date;
    class FixedDate extends RealDate {
      constructor(...args) {
        if (args.length === 0) super(fixed);
        else super(...args);
      }
      static now() {
        return fixed;
      }
    }
    // `Date()` called without `new` gives the current time as a string.
    globalThis.Date = new Proxy(FixedDate, { apply: () => new RealDate(fixed).toString() });
  }, time.getTime());
}

/**
 * A browser context for screenshot pages: the screenshots' time zone (unless `options`
 * says otherwise) and the date fixed at SCREENSHOT_TIME (see `fixClock`).
 */
export async function screenshotContext(browser, options = {}) {
  const context = await browser.newContext({ timezoneId: SCREENSHOT_TIMEZONE, ...options });
  await fixClock(context);
  return context;
}

/**
 * Checks that `path` holds a PNG image `width` pixels wide and `height` high (or at least
 * `minHeight` high, for a full-page shot); returns its size.
 */
export function checkScreenshot(path, { width, height, minHeight } = {}) {
  const png = readFileSync(path);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${path} is a PNG`);
  assert.equal(png.toString("latin1", 12, 16), "IHDR", `${path} starts with its header`);
  const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  if (width !== undefined) assert.equal(size.width, width, `${path} width`);
  if (height !== undefined) assert.equal(size.height, height, `${path} height`);
  if (minHeight !== undefined) assert.ok(size.height >= minHeight, `${path} is ${size.height} px high, wanted at least ${minHeight}`);
  assert.ok(size.width > 0 && size.height > 0, `${path} is not empty`);
  return size;
}

/**
 * Takes screenshot `name` of `page` once it is settled: the autosave done (no "Saving…" in a
 * picture), the fonts loaded, CSS transitions and animations run to their end (Playwright's
 * `animations: "disabled"`), no text caret. Checks the PNG (`expect`: see `checkScreenshot`)
 * and returns its path.
 */
export async function takeScreenshot(page, name, { fullPage = false, ...expect } = {}) {
  if (await page.getByTestId("saved-indicator").count()) {
    await page.locator("[data-testid=saved-indicator][data-state=saved]").waitFor();
  }
  await page.evaluate(() => document.fonts.ready);
  const path = screenshotPath(name);
  await page.screenshot({ path, fullPage, animations: "disabled", caret: "hide" });
  checkScreenshot(path, expect);
  return path;
}
