// Printing: the print view puts the strategy map (with its connectors), the four quadrants
// and the action list on one A4 landscape page each. Printed to PDF by Chromium, the PDF is
// checked for its page count and texts (pdftotext, from poppler-utils), and its pages are
// rendered to print-*.png (pdftoppm): written to docs/screenshots/ with UPDATE_SCREENSHOTS=1.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { watchedPage } from "./support/browser.mjs";
import { AppPage, Editor, FACTORS } from "./support/app-page.mjs";
import { checkScreenshot, screenshotContext, screenshotPath } from "./support/screenshots.mjs";
import { expectAttribute, expectCount, expectText, waitForValue, waitUntil } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const served = servedApp();
/** A folder for this file's printed PDFs, removed after its tests. */
let work;

before(() => {
  work = mkdtempSync(join(tmpdir(), "smsc-print-"));
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const MISSION = "We help our members live healthier, together, in our community.";
const OBJECTIVE = "Loyal members";
const SUB_OBJECTIVE = "Members answer each other";
// Cards wrap long titles; the layout text interleaves columns, so look for its start.
const SUB_START = "Members answer";
const KPI = "Answers by members";
const ACTION = { title: "Invite ten ambassadors", owner: "Community manager", due: "2026-12-31" };

/** The text of page `n` of a PDF, as laid out. */
function pageText(pdf, n) {
  return execFileSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"], {
    encoding: "utf8",
  });
}

/** Words of `text` (whitespace collapsed), for checks that survive line wrapping. */
const flat = (text) => text.replace(/\s+/g, " ");

test("the print view prints the map, the scorecard and the action list on three A4 landscape pages", async () => {
  // The pages become screenshots: on their fixed clock.
  const context = await screenshotContext(served.browser, { viewport: { width: 1400, height: 1000 }, locale: "en-GB" });
  try {
    const { page, problems } = await watchedPage(context);
    // The browser's print dialog is not driven here: count the calls, print to PDF below.
    await page.addInitScript(() => {
      window.__printCalls = 0;
      window.print = () => {
        window.__printCalls += 1;
      };
    });
    const app = new AppPage(page);
    const ed = new Editor(page);
    await app.open(served.server.url);

    // Content through the UI: mission, an objective, a linked sub-objective with a KPI and
    // an action with owner, due date and status.
    await ed.setMission(MISSION);
    await ed.addObjective(OBJECTIVE, "80 % of members active after one year.");
    await ed.addSubObjective("customers", SUB_OBJECTIVE);
    await ed.linkToObjective(OBJECTIVE);
    await ed.addKpi({ name: KPI, unit: "%", direction: "higher", baseline: 20, target: 40 });
    await ed.backToParent();
    await ed.t("sub-objective-actions-add").click();
    await ed.t("action-title-input").fill(ACTION.title);
    await ed.t("action-owner-input").fill(ACTION.owner);
    await ed.t("action-due-input").fill(ACTION.due);
    await ed.t("action-status-input").selectOption("in_progress");
    await ed.backToParent();
    await ed.closePanel();

    const labels = [];
    const questions = [];
    for (const f of FACTORS) {
      labels.push((await app.quadrantHeading(f).textContent()).trim());
      questions.push((await app.keyQuestion(f).textContent()).trim());
    }

    // The header's Print button opens the print view, then the browser's print dialog.
    await page.getByTestId("print-open").click();
    await page.getByTestId("print-view").waitFor();
    assert.match(page.url(), /#print$/);
    await page.waitForFunction(() => window.__printCalls === 1);
    for (const id of ["print-page-map", "print-page-scorecard", "print-page-actions"]) {
      await page.getByTestId(id).waitFor();
    }
    const row = page.getByTestId("print-action");
    await expectCount(row, 1);
    await waitUntil(
      () => row.textContent(),
      (text) => /Invite ten ambassadors.*Community manager.*2026-12-31.*In progress/.test(flat(text)),
      "the action's row",
    );

    await page.emulateMedia({ media: "print" });
    await waitForValue(() => page.evaluate(() => matchMedia("print").matches), true, "print media");
    // The toolbar and the app around the view are not printed.
    assert.equal(await page.getByTestId("print-toolbar").isVisible(), false);
    assert.equal(await page.getByTestId("app-title").isVisible(), false);
    const pdf = join(work, "print.pdf");
    await page.pdf({ path: pdf, format: "A4", landscape: true, printBackground: true });
    // The connector, drawn for the printed layout (page.pdf fires beforeprint).
    const connectors = await page
      .getByTestId("print-page-map")
      .getByTestId("map-connector")
      .evaluateAll((paths) => paths.map((p) => p.getAttribute("d")));
    assert.equal(connectors.length, 1, "one contribution connector");
    assert.match(connectors[0], /^M\s*[\d.]+/);
    await page.emulateMedia({ media: "screen" });
    assert.deepEqual(problems(), []);

    // Exactly three pages, A4 landscape.
    const bytes = readFileSync(pdf, "latin1");
    assert.equal(bytes.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length, 3, "three /Type /Page objects");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    assert.match(info, /^Pages:\s+3$/m);
    const [, width, height] = info.match(/^Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/m) ?? [];
    assert.ok(Number(width) > Number(height), `A4 landscape (${width} × ${height} pt)`);

    const [map, scorecard, actions] = [1, 2, 3].map((n) => pageText(pdf, n));
    assert.match(flat(map), /Social Media Strategy Map/i);
    assert.ok(flat(map).includes(flat(MISSION)) || map.includes("We help our members"), "mission on page 1");
    assert.ok(map.includes(OBJECTIVE), "objective on page 1");
    assert.ok(map.includes(SUB_START), "sub-objective on page 1");
    for (const label of labels) assert.ok(scorecard.includes(label), `factor ${label} on page 2`);
    for (const q of questions) {
      const start = q.split(/\s+/).slice(0, 3).join(" ");
      assert.ok(flat(scorecard).includes(start), `key question "${q}" on page 2`);
    }
    assert.ok(scorecard.includes(SUB_START) && scorecard.includes(KPI), "sub-objective and KPI on page 2");
    assert.match(actions, /action list/i);
    for (const text of [ACTION.title, ACTION.owner, ACTION.due, "In progress", SUB_START]) {
      assert.ok(actions.includes(text), `"${text}" on page 3`);
    }
    assert.ok(!map.includes(ACTION.title) && !/action list/i.test(scorecard), "one section a page");

    // The pages as images, for the docs and for a look at the connectors.
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(work, "page")]);
    ["print-map", "print-scorecard", "print-actions"].forEach((name, i) => {
      const png = join(work, `page-${i + 1}.png`);
      // A4 landscape at 60 dpi: 702 × 496 pixels.
      const size = checkScreenshot(png);
      assert.ok(size.width > size.height, `${name}: landscape (${size.width} × ${size.height})`);
      copyFileSync(png, screenshotPath(`${name}.png`));
    });
  } finally {
    await context.close();
  }
});

test("the print view is in the interface's language", async () => {
  const context = await served.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "nl-NL" });
  try {
    const { page, problems } = await watchedPage(context);
    await page.goto(`${served.server.url}#print`);
    await page.getByTestId("print-view").waitFor();
    await expectAttribute(page.getByTestId("app-shell"), "lang", "nl");
    await expectText(page.getByTestId("print-now"), "Afdrukken");
    await expectText(page.getByTestId("print-open"), "Afdrukken");
    await expectText(page.getByTestId("print-page-actions"), /Actielijst/);
    await expectText(page.getByTestId("print-no-actions"), /Nog geen acties/);
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
  }
});
