// Offline use: the web app manifest, and the service worker (static/sw.js, its precache list
// written by scripts/offline-manifest.mjs). Once opened, the app reloads and is edited with
// the network cut; a second build's worker is found while a page is open, waits without
// touching that page, and takes over on the next visit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, serveDist } from "./support/server.mjs";
import { watchedPage } from "./support/browser.mjs";
import { AppPage } from "./support/app-page.mjs";
import { expectAttribute, expectText } from "./support/wait.mjs";
import { servedApp } from "./support/suite.mjs";

const HOOK = new URL("../../scripts/offline-manifest.mjs", import.meta.url).pathname;
const VIEWPORT = { width: 1400, height: 1000 };

// Each test serves its own build folder; the browser is shared.
const served = servedApp({ server: false });

/** Polls `check` (async, truthy when done) every 50 ms until `timeout` ms have passed. */
async function until(check, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** Opens the app and waits until its service worker is active and controls the page. */
async function openControlled(page, url) {
  const app = new AppPage(page);
  await app.open(url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!(await controlled())) {
    // A first visit is not taken over (no clients.claim()); the next load is.
    await page.reload();
    await app.byTestId("app-shell").waitFor();
  }
  assert.ok(await controlled(), "the page is controlled by the service worker");
  return app;
}

const cacheNames = (page) =>
  page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("smsc-")).sort());

/** The VERSION written into a dist folder's sw.js. */
function swVersion(dir) {
  return readFileSync(join(dir, "sw.js"), "utf8").match(/^const VERSION = "([^"]+)";$/m)[1];
}

async function addObjective(page, title) {
  await page.getByTestId("add-objective").click();
  await page.getByTestId("objective-title-input").fill(title);
  await page.getByTestId("close-panel").click();
  await assert.doesNotReject(
    page.getByTestId("strategy-band").getByText(title).waitFor(),
    `"${title}" shows in the strategy band`,
  );
}

test("the manifest and the service worker's precache cover the build", async () => {
  const sw = readFileSync(join(DIST, "sw.js"), "utf8");
  const code = sw.replace(/^\s*\/\/.*$/gm, "");
  assert.doesNotMatch(code, /skipWaiting/, "no take-over mid-session");
  // Pages are taken over only by the first build ever cached (they run that very build).
  assert.equal((code.match(/clients\.claim/g) ?? []).length, 1, "one claim");
  assert.match(code, /if \(older\.length === 0\) await self\.clients\.claim\(\)/, "claimed only when no older build is cached");
  const manifest = JSON.parse(readFileSync(join(DIST, "manifest.webmanifest"), "utf8"));
  assert.equal(manifest.start_url, "./");
  assert.equal(manifest.scope, "./");
  const entries = [...sw.matchAll(/^  (\{"url":.*\}),$/gm)].map((m) => JSON.parse(m[1]));
  const listed = entries.map((e) => e.url);
  assert.ok(entries.every((e) => /^sha256-[A-Za-z0-9+/]+=*$/.test(e.integrity)), "every file with its hash");
  // The parts of a split build are stored after the first screen, the rest at install.
  const later = entries.filter((e) => e.later).map((e) => e.url);
  assert.deepEqual(later, listed.filter((f) => /^(chunk|split)_.*\.wasm$/.test(f)), "the parts, marked later");
  assert.ok(!later.some((f) => /^smsc-.*_bg\.wasm$/.test(f)), "the first screen's wasm at install");
  for (const file of ["index.html", "manifest.webmanifest", ...manifest.icons.map((i) => i.src)]) {
    assert.ok(listed.includes(file), `${file} is precached`);
  }
  assert.ok(listed.some((f) => f.endsWith(".wasm")), "the wasm is precached");
  assert.ok(!listed.includes("sw.js"), "the worker does not precache itself");
  // The CSP hash is written before the precache list is made (the hooks run in that order).
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  assert.doesNotMatch(html, /__INLINE_SCRIPT_HASHES__/);
});

test("once opened, the app reloads and is edited with the network cut", async () => {
  const server = await serveDist();
  const context = await served.browser.newContext({ viewport: VIEWPORT, locale: "en-GB" });
  try {
    const { page, problems } = await watchedPage(context);
    const app = await openControlled(page, server.url);
    const status = app.byTestId("offline-status");
    await until(async () => (await status.getAttribute("data-state")) === "ready", "ready offline");
    await expectText(status, "Ready offline");
    // The manifest and its icons are served (the page links the manifest).
    const icons = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]').href;
      const manifest = await (await fetch(href)).json();
      return Promise.all(
        manifest.icons.map(async (i) => {
          const res = await fetch(new URL(i.src, href));
          await res.arrayBuffer(); // read to the end: a reload would abort it
          return res.status;
        }),
      );
    });
    assert.deepEqual(icons, icons.map(() => 200));

    // Cut the network: the worker's own fetch of the page fails, the cached copy is used.
    const failedInWorker = [];
    context.on("requestfailed", (r) => {
      if (r.serviceWorker()) failedInWorker.push(r.failure()?.errorText);
    });
    await context.setOffline(true);
    await page.reload();
    await app.byTestId("app-shell").waitFor();
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    assert.ok(
      failedInWorker.some((e) => /INTERNET_DISCONNECTED/.test(e ?? "")),
      `the network was really cut for the worker (${failedInWorker.join(", ")})`,
    );
    await addObjective(page, "Works offline");
    await expectAttribute(status, "data-state", "ready");
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
    await server.close();
  }
});

test("a new build waits for the next visit and never swaps a running page", async () => {
  // A copy of dist/ stands for the host; it is updated to a second build halfway.
  const root = mkdtempSync(join(tmpdir(), "smsc-offline-"));
  cpSync(DIST, root, { recursive: true });
  const server = await serveDist({ root });
  const context = await served.browser.newContext({ viewport: VIEWPORT, locale: "en-GB" });
  try {
    const first = await watchedPage(context);
    const app = await openControlled(first.page, server.url);
    const v1 = swVersion(root);
    assert.deepEqual(await cacheNames(first.page), [`smsc-${v1}`]);
    await addObjective(first.page, "Before the update");

    // The second build: another page, and the precache list made again by the build's hook.
    const index = join(root, "index.html");
    writeFileSync(
      index,
      readFileSync(index, "utf8").replace("</head>", '<meta name="smsc-build" content="2" />\n</head>'),
    );
    execFileSync(process.execPath, [HOOK], { env: { ...process.env, TRUNK_STAGING_DIR: root } });
    const v2 = swVersion(root);
    assert.notEqual(v2, v1, "a changed file gives a new cache version");

    // The open page checks for an update (as a browser does on a navigation): the new worker
    // installs, caches the second build next to the first, and waits.
    await first.page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const status = app.byTestId("offline-status");
    await until(
      async () => (await status.getAttribute("data-state")) === "update-waiting",
      "the update notice",
    );
    await expectText(status, "An update will be used on your next visit");
    const registration = await first.page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: r.waiting?.state ?? null, active: r.active?.state ?? null };
    });
    assert.deepEqual(registration, { waiting: "installed", active: "activated" });
    assert.deepEqual(await cacheNames(first.page), [`smsc-${v1}`, `smsc-${v2}`].sort());

    // The running page is untouched and goes on working.
    assert.equal(await first.page.locator('meta[name="smsc-build"]').count(), 0);
    await addObjective(first.page, "During the update");
    assert.deepEqual(first.problems(), []);

    // The next visit: every tab of the app closed, then opened again. Once the last tab has
    // gone, the waiting worker takes over and deletes the first build's cache; seen from the
    // workers themselves, as no page is open.
    await first.page.close();
    await until(async () => {
      for (const worker of context.serviceWorkers()) {
        const done = await worker
          .evaluate(
            async (v) =>
              self.registration.waiting === null &&
              self.registration.active?.state === "activated" &&
              (await caches.keys()).join() === `smsc-${v}`,
            v2,
          )
          .catch(() => false); // a worker that has just been retired
        if (done) return true;
      }
      return false;
    }, "the second build to take over");
    const next = await watchedPage(context);
    await openControlled(next.page, server.url);
    assert.deepEqual(await cacheNames(next.page), [`smsc-${v2}`]);
    assert.equal(await next.page.locator('meta[name="smsc-build"]').count(), 1);
    const nextStatus = next.page.getByTestId("offline-status");
    await until(async () => (await nextStatus.getAttribute("data-state")) === "ready", "ready offline");

    // And the second build works offline too.
    await context.setOffline(true);
    await next.page.reload();
    await next.page.getByTestId("app-shell").waitFor();
    assert.equal(await next.page.locator('meta[name="smsc-build"]').count(), 1);
    await addObjective(next.page, "After the update");
    assert.deepEqual(next.problems(), []);
  } finally {
    await context.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
