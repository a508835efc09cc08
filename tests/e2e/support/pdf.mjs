// The page as Chromium prints it (the engine behind the print dialog's "Save as PDF"), read
// back with poppler's pdftotext and pdfinfo (scripts/setup.sh installs poppler-utils).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SCRATCH_SCREENSHOTS } from "./screenshots.mjs";

/** The page printed as Chromium prints it, its text (pdftotext -layout and in reading order) and pdfinfo. */
export async function printed(page, name) {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const dir = join(SCRATCH_SCREENSHOTS, "..", "pdf");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  // In reading order (no -layout), for text that runs over lines of a two-column page.
  const flow = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return { text, flow, info };
}

/** pdfinfo's "Page size: 595.28 x 841.89 pts (A4)" as [width, height] in points. */
export function pageSize(info) {
  const m = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
  assert.ok(m, `a page size in ${info}`);
  return [Math.round(Number(m[1])), Math.round(Number(m[2]))];
}

/** pdftotext breaks lines and spaces words out, and the headings are in capitals on the
 * page (CSS): compare the words only, in lower case. */
export function words(text) {
  return text.replace(/\s+/g, " ").toLowerCase();
}

