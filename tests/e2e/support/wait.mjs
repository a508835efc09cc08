// Waiting assertions. playwright-core has no `expect`, so these retry a read until it holds,
// or fail after a timeout with what was last seen. The app renders in Leptos effects (after a
// microtask), switches views on `hashchange` (a task later), reads files asynchronously and
// draws in animation frames: a one-shot read right after a click, a key, a navigation, a view
// switch or a reload may see the page from before. Every such read goes through these.
//
// A negative check ("no error shown", "count is 0", "not visible") holds at once on a page
// that has not caught up yet; wait for the positive state the action leads to first (the
// value accepted, the view shown, the other element there), then check the absence.
import assert from "node:assert/strict";
import { inspect } from "node:util";

/** How long a waiting assertion retries, in ms (E2E_WAIT_TIMEOUT overrides, e.g. on a slow machine). */
export const TIMEOUT = Number(process.env.E2E_WAIT_TIMEOUT) || 10_000;
const INTERVAL = 50;
/** Each read's own wait for its element, so a missing element is one failed attempt, not a hang. */
const READ_TIMEOUT = 1_000;

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const show = (value) => inspect(value, { depth: 6, breakLength: Infinity });

/**
 * Runs `check` until it returns without throwing (a failed assert inside it is retried) and
 * resolves to what it returned. After `timeout` ms it fails with the last error, named by `what`.
 */
export async function eventually(check, { timeout = TIMEOUT, what = "condition" } = {}) {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - started >= timeout) {
        throw new assert.AssertionError({
          message: `${what}: still not so after ${timeout} ms (${attempt} attempts)\n${error.message}`,
          actual: error.actual,
          expected: error.expected,
          operator: error.operator,
        });
      }
    }
    await sleep(INTERVAL);
  }
}

/** Waits until `read()` deep-equals `expected`; resolves to the value. */
export function waitForValue(read, expected, what = "value") {
  return eventually(
    async () => {
      const value = await read();
      assert.deepEqual(value, expected);
      return value;
    },
    { what },
  );
}

/** Waits until `ok(read())` is truthy; resolves to the value read. */
export function waitUntil(read, ok, what = "condition") {
  return eventually(
    async () => {
      const value = await read();
      assert.ok(ok(value), `last seen: ${show(value)}`);
      return value;
    },
    { what },
  );
}

/** `expected` a RegExp: `actual` matches it; otherwise: equal. */
function same(actual, expected, label) {
  if (expected instanceof RegExp) assert.match(actual ?? "", expected, `${label}: ${show(actual)} does not match ${expected}`);
  else assert.equal(actual, expected, `${label}: ${show(actual)}, wanted ${show(expected)}`);
}

/** Waits until the (trimmed) text of `locator` equals `expected`, or matches it (a RegExp); resolves to the text. */
export function expectText(locator, expected, what = `text of ${locator}`) {
  return eventually(
    async () => {
      const text = (await locator.textContent({ timeout: READ_TIMEOUT })).trim();
      same(text, expected, what);
      return text;
    },
    { what },
  );
}

/** Waits until `locator` matches exactly `n` elements. A count of 0: see the note at the top. */
export function expectCount(locator, n, what = `count of ${locator}`) {
  return eventually(
    async () => {
      const count = await locator.count();
      assert.equal(count, n, `${what}: ${count}, wanted ${n}`);
      return count;
    },
    { what },
  );
}

/** Waits until `locator` matches at least `n` elements; resolves to the count. */
export function expectCountAtLeast(locator, n, what = `count of ${locator}`) {
  return eventually(
    async () => {
      const count = await locator.count();
      assert.ok(count >= n, `${what}: ${count}, wanted at least ${n}`);
      return count;
    },
    { what },
  );
}

/** Waits until attribute `name` of `locator` is `expected` (a string, null for absent, or a RegExp). */
export function expectAttribute(locator, name, expected, what = `${name} of ${locator}`) {
  return eventually(
    async () => {
      const value = await locator.getAttribute(name, { timeout: READ_TIMEOUT });
      if (expected === null) assert.equal(value, null, `${what}: ${show(value)}, wanted no attribute`);
      else same(value, expected, what);
      return value;
    },
    { what },
  );
}

/** Waits until the value of the input, textarea or select `locator` is `expected` (or matches it). */
export function expectValue(locator, expected, what = `value of ${locator}`) {
  return eventually(
    async () => {
      const value = await locator.inputValue({ timeout: READ_TIMEOUT });
      same(value, expected, what);
      return value;
    },
    { what },
  );
}

/** Waits until `locator` is visible (`visible` true) or hidden/absent (false). */
export async function expectVisible(locator, visible = true, what = `${locator} ${visible ? "visible" : "hidden"}`) {
  try {
    await locator.waitFor({ state: visible ? "visible" : "hidden", timeout: TIMEOUT });
  } catch (error) {
    throw new assert.AssertionError({ message: `${what}: ${error.message}` });
  }
}

/** Waits until the control `locator` is enabled (`enabled` true) or disabled (false). */
export function expectEnabled(locator, enabled = true, what = `${locator} ${enabled ? "enabled" : "disabled"}`) {
  return eventually(
    async () => {
      const now = await locator.isEnabled({ timeout: READ_TIMEOUT });
      assert.equal(now, enabled, `${what}: it is ${now ? "enabled" : "disabled"}`);
    },
    { what },
  );
}

/** Waits until `locator` has the keyboard focus. */
export function expectFocused(locator, what = `${locator} focused`) {
  return eventually(
    async () => {
      const focused = await locator.evaluate((el) => el === document.activeElement, undefined, { timeout: READ_TIMEOUT });
      assert.ok(focused, what);
    },
    { what },
  );
}

/**
 * Checks `check` (it throws or asserts) again and again for `ms` ms, and fails the first time
 * it does not hold: for what must stay so for a while (nothing saved during the autosave's
 * pause, a paused clock standing still, a banner that lasts). Only for such checks: waiting
 * for something to happen is `eventually`.
 */
export async function holdsFor(ms, check, what = "condition") {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await check();
    } catch (error) {
      throw new assert.AssertionError({
        message: `${what}: stopped being so within ${ms} ms\n${error.message}`,
        actual: error.actual,
        expected: error.expected,
        operator: error.operator,
      });
    }
    if (Date.now() >= end) return;
    await sleep(Math.min(INTERVAL * 2, Math.max(0, end - Date.now())));
  }
}
