// Page object for the Social Media Scorecard: every selector is a data-testid or a role,
// never a style class, so restyling never breaks a test. Each editing step waits for what it
// did to show (the new card selected, the title on the card, the panel closed), so the next
// step and the next read start from the page after it, not before.
import { eventually, expectAttribute, expectText, waitUntil } from "./wait.mjs";

export const FACTORS = ["customers", "financial", "organisation", "medium"];

/** The element each view shows when it is on screen, by the view's tab (`tab-<view>`). */
export const VIEW_ROOTS = {
  scorecard: "quadrants",
  map: "strategy-map",
  dashboard: "dashboard",
  data: "view-data",
  workshop: "workshop",
  library: "library",
};

/**
 * Switches to `view` with its header tab and waits until it is shown: the tab marked current
 * and the view's root element there. (The view follows the URL's `hashchange`, a task after
 * the click; reading the page before that reads the view before.)
 */
export async function showView(page, view) {
  await page.getByTestId(`tab-${view}`).click();
  await waitForView(page, view);
}

/** Waits until `view` is the view shown (after a tab, a key, a back button or a reload). */
export async function waitForView(page, view) {
  // Attached, not visible: projector mode hides the tabs but still marks the current one.
  await page.locator(`[data-testid=tab-${view}][aria-current=page]`).waitFor({ state: "attached" });
  await page.getByTestId(VIEW_ROOTS[view]).first().waitFor();
}

/**
 * A new browser opens on the welcome screen; the tests that start from a blank scorecard (as
 * the app did before it had one) take its quiet "Start with an empty scorecard" and wait for
 * the scorecard view. Call it once the app has mounted (the welcome is there from the first
 * render, or not at all). tests/e2e/welcome.test.mjs tests the welcome itself.
 */
export async function passWelcome(page) {
  if ((await page.getByTestId("welcome").count()) === 0) return;
  await page.getByTestId("welcome-empty").click();
  await page.getByTestId("welcome").waitFor({ state: "detached" });
  await page.getByTestId("quadrants").waitFor();
}

export class AppPage {
  constructor(page) {
    this.page = page;
  }

  byTestId(id) {
    return this.page.getByTestId(id);
  }

  /**
   * Loads the app at `url` and waits until the Rust app has mounted; a new browser's welcome
   * screen is passed with "Start with an empty scorecard" unless `welcome` is true.
   */
  async open(url, { welcome = false } = {}) {
    await this.page.goto(url);
    await this.byTestId("app-shell").waitFor({ state: "visible" });
    if (!welcome) await passWelcome(this.page);
  }

  title() {
    return this.byTestId("app-title");
  }

  strategyBand() {
    return this.byTestId("strategy-band");
  }

  mission() {
    return this.byTestId("mission");
  }

  quadrant(factor) {
    return this.byTestId(`quadrant-${factor}`);
  }

  quadrantHeading(factor) {
    return this.quadrant(factor).getByRole("heading", { level: 2 });
  }

  keyQuestion(factor) {
    return this.quadrant(factor).getByTestId("key-question");
  }

  async screenshot(path) {
    await this.page.screenshot({ path, fullPage: true });
  }
}

/** Editing through the UI as a user would: click, type, pick. */
export class Editor {
  constructor(page) {
    this.page = page;
  }

  t(id) {
    return this.page.getByTestId(id);
  }

  panel() {
    return this.t("side-panel");
  }

  async setMission(text) {
    await this.t("mission").click();
    await this.t("mission-input").fill(text);
    await expectText(this.t("mission"), text, "the mission in the strategy band");
  }

  /** Adds an objective with `title` (and description), leaving its form open. */
  async addObjective(title, description = "") {
    const cards = this.t("objective");
    const before = await cards.count();
    await this.t("add-objective").click();
    const card = cards.nth(before);
    await expectAttribute(card, "data-selected", "true", "the new objective, selected");
    await this.t("objective-title-input").fill(title);
    if (description) await this.t("objective-description-input").fill(description);
    await expectText(card.getByTestId("objective-title"), title, "the new objective's title on its card");
  }

  /** Adds a sub-objective to `factor`, leaving its form open; returns its id. */
  async addSubObjective(factor, title) {
    const cards = this.page.getByTestId(`quadrant-${factor}`).getByTestId("sub-objective");
    const before = await cards.count();
    await this.page.getByTestId(`quadrant-${factor}`).getByTestId("add-sub-objective").click();
    const card = cards.nth(before);
    await expectAttribute(card, "data-selected", "true", "the new sub-objective, selected");
    await this.t("sub-objective-title-input").fill(title);
    await waitUntil(() => card.textContent(), (t) => t.includes(title), "the new sub-objective's title on its card");
    return card.getAttribute("data-id");
  }

  /** The id of the sub-objective or objective card marked selected. */
  async panelItemId(kind) {
    const card = this.page.locator(`[data-testid=${kind}][data-selected=true]`);
    return card.getAttribute("data-id");
  }

  async linkToObjective(title) {
    await this.t("contribution-links").getByLabel(title).check();
  }

  /** Adds a KPI to the open sub-objective and fills its fields. */
  async addKpi({ name, unit, direction, baseline, target, source, owner, frequency }) {
    await this.t("sub-objective-kpis-add").click();
    await this.t("kpi-name-input").fill(name);
    if (unit) await this.t("kpi-unit-input").fill(unit);
    if (direction) await this.t("kpi-direction-input").selectOption(direction);
    if (baseline !== undefined) await this.t("kpi-baseline-input").fill(String(baseline));
    if (target !== undefined) await this.t("kpi-target-input").fill(String(target));
    if (source) await this.t("kpi-source-input").fill(source);
    if (owner) await this.t("kpi-owner-input").fill(owner);
    if (frequency) await this.t("kpi-frequency-input").selectOption(frequency);
  }

  async backToParent() {
    await this.t("back-to-parent").click();
  }

  /** Adds an action to the open sub-objective, then returns to the sub-objective. */
  async addAction({ title, owner, status }) {
    await this.t("sub-objective-actions-add").click();
    await this.t("action-title-input").fill(title);
    if (owner) await this.t("action-owner-input").fill(owner);
    if (status) await this.t("action-status-input").selectOption(status);
    await this.backToParent();
  }

  async closePanel() {
    await this.t("close-panel").click();
    await this.panel().waitFor({ state: "detached" });
  }

  coachKeys() {
    return this.page
      .getByTestId("coach-entry")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-key")));
  }

  /**
   * Waits until the method coach lists every key in `has` (a string, or a test on the keys)
   * and none in `lacks`; resolves to the keys. Give a `has` with a `lacks`: the absence alone
   * holds on a coach that has not caught up yet.
   */
  expectCoach({ has = [], lacks = [] }, what = "the method coach") {
    const test = (keys, k) => (typeof k === "function" ? keys.some(k) : keys.includes(k));
    return eventually(
      async () => {
        const keys = await this.coachKeys();
        const missing = has.filter((k) => !test(keys, k));
        const extra = lacks.filter((k) => test(keys, k));
        if (missing.length || extra.length) {
          throw new Error(`keys ${JSON.stringify(keys)}; missing ${missing.map(String)}; not wanted ${extra.map(String)}`);
        }
        return keys;
      },
      { what },
    );
  }
}
