// Page object for the Social Media Scorecard: every selector is a data-testid or a role,
// never a style class, so restyling never breaks a test.

export const FACTORS = ["customers", "financial", "organisation", "medium"];

export class AppPage {
  constructor(page) {
    this.page = page;
  }

  byTestId(id) {
    return this.page.getByTestId(id);
  }

  /** Loads the app at `url` and waits until the Rust app has mounted. */
  async open(url) {
    await this.page.goto(url);
    await this.byTestId("app-shell").waitFor({ state: "visible" });
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
  }

  /** Adds an objective with `title` (and description), leaving its form open. */
  async addObjective(title, description = "") {
    await this.t("add-objective").click();
    await this.t("objective-title-input").fill(title);
    if (description) await this.t("objective-description-input").fill(description);
  }

  /** Adds a sub-objective to `factor`, leaving its form open; returns its id. */
  async addSubObjective(factor, title) {
    await this.page.getByTestId(`quadrant-${factor}`).getByTestId("add-sub-objective").click();
    await this.t("sub-objective-title-input").fill(title);
    return this.panelItemId("sub-objective");
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
  }

  coachKeys() {
    return this.page
      .getByTestId("coach-entry")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-key")));
  }
}
