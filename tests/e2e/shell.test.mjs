// The app shell: it loads from a sub-path of a plain static server, renders the product's
// name, the strategy band and the four factor quadrants with the method's key questions, and
// does so with no console error, no failed request and no CSP violation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { watchedPage } from "./support/browser.mjs";
import { AppPage, FACTORS } from "./support/app-page.mjs";
import { expectText, expectVisible, waitForValue, waitUntil } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const served = servedApp();

const KEY_QUESTIONS = {
  customers: "What are we going to do with customers?",
  financial: "What are the financial aspects of our social media activities?",
  organisation: "What must we do organisationally?",
  medium: "What must happen to the medium itself to reach the objectives?",
};

test("the app shell renders the strategy band and the four quadrants, cleanly", async () => {
  const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
  const { page, problems } = await watchedPage(context);
  const app = new AppPage(page);
  await app.open(served.server.url);

  await assert.doesNotReject(app.title().waitFor());
  assert.equal(await app.title().textContent(), "Social Media Scorecard");
  await expectVisible(app.strategyBand(), true, "the strategy band is visible");
  await expectVisible(app.mission(), true, "the mission is shown in the band");
  for (const factor of FACTORS) {
    await expectVisible(app.quadrant(factor), true, `the ${factor} quadrant is visible`);
    await expectText(app.keyQuestion(factor), KEY_QUESTIONS[factor]);
  }
  await waitForValue(
    async () => (await Promise.all(FACTORS.map((f) => app.quadrantHeading(f).textContent()))).map((h) => h.trim()),
    ["Customers", "Financial", "Organisation", "Medium"],
    "the quadrants' headings",
  );

  // Give late requests (icons, fonts) a moment, then require a clean console and network.
  await page.waitForLoadState("networkidle");
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the quadrants lay out as 2×2 without horizontal scrolling on a 1024×768 projector", async () => {
  const context = await served.browser.newContext({ viewport: { width: 1024, height: 768 } });
  const { page, problems } = await watchedPage(context);
  const app = new AppPage(page);
  await app.open(served.server.url);
  for (const factor of FACTORS) await app.quadrant(factor).waitFor({ state: "visible" });
  const boxes = await Promise.all(FACTORS.map((f) => app.quadrant(f).boundingBox()));
  const [customers, financial, organisation, medium] = boxes;
  assert.ok(Math.abs(customers.y - financial.y) < 2, "customers and financial share the top row");
  assert.ok(Math.abs(organisation.y - medium.y) < 2, "organisation and medium share the bottom row");
  assert.ok(organisation.y > customers.y + customers.height - 1, "drivers sit under results");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
  assert.deepEqual(problems(), []);
  await context.close();
});

for (const scheme of ["light", "dark"]) {
  test(`the ${scheme} theme follows the system setting`, async () => {
    const context = await served.browser.newContext({
      viewport: { width: 1280, height: 900 },
      colorScheme: scheme,
    });
    const { page, problems } = await watchedPage(context);
    const app = new AppPage(page);
    await app.open(served.server.url);
    const luminance = (background) => {
      const [r, g, b] = background.match(/\d+/g).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    // Once the style sheet applies (the body's background is set by it).
    await waitUntil(
      () => page.evaluate(() => getComputedStyle(document.body).backgroundColor),
      (background) => (scheme === "dark" ? luminance(background) < 0.3 : luminance(background) > 0.7),
      `a ${scheme} background`,
    );
    assert.deepEqual(problems(), []);
    await context.close();
  });
}
