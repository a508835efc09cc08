// Page object for the guided workshop (#workshop): every selector is a data-testid (with a
// data attribute where a row or group must be picked), never a style class.

export const STEP_COUNT = 7;

export class WorkshopPage {
  constructor(page) {
    this.page = page;
  }

  t(id) {
    return this.page.getByTestId(id);
  }

  /** Opens the workshop with its header tab and waits for it. */
  async open() {
    await this.t("tab-workshop").click();
    await this.t("workshop").waitFor();
  }

  stepButton(n) {
    return this.t(`ws-step-${n}`);
  }

  /** The number of the step marked aria-current="step". */
  async currentStep() {
    const marked = await this.page
      .locator("[data-testid^=ws-step-][aria-current=step]")
      .getAttribute("data-testid");
    return Number(marked.replace("ws-step-", ""));
  }

  /** Done marks of the seven steps, as booleans. */
  async doneMarks() {
    const marks = [];
    for (let n = 1; n <= STEP_COUNT; n++) {
      marks.push((await this.stepButton(n).getAttribute("data-done")) === "true");
    }
    return marks;
  }

  async waitDone(n, done = true) {
    await this.page
      .locator(`[data-testid=ws-step-${n}][data-done=${done}]`)
      .waitFor({ state: "attached" });
  }

  async title() {
    return (await this.t("ws-step-title").textContent()).trim();
  }

  async question() {
    return (await this.t("ws-question").textContent()).trim();
  }

  async example() {
    return (await this.t("ws-example-text").textContent()).trim();
  }

  async next() {
    await this.t("ws-next").click();
  }

  async previous() {
    await this.t("ws-prev").click();
  }

  async goTo(n) {
    await this.stepButton(n).click();
    await this.page.locator(`[data-testid=workshop][data-step="${n}"]`).waitFor();
  }

  // ---- step 1
  async setMission(text) {
    await this.t("ws-mission-input").fill(text);
  }

  // ---- step 2
  async addObjective(title, description = "") {
    await this.t("ws-new-objective").fill(title);
    await this.t("ws-new-objective").press("Enter");
    if (description) {
      const row = this.t("ws-objective").last();
      await row.getByTestId("ws-objective-description").fill(description);
    }
  }

  // ---- step 3
  factor(kind) {
    return this.t(`ws-factor-${kind}`);
  }

  // ---- step 4: the quadrants' own "add sub-objective" and the side panel's form
  async addSubObjective(factor, title) {
    await this.t(`quadrant-${factor}`).getByTestId("add-sub-objective").click();
    await this.t("sub-objective-title-input").fill(title);
  }

  // ---- step 5
  kpiGroup(factor) {
    return this.page.locator(`[data-testid=ws-kpi-group][data-factor=${factor}]`);
  }

  /** Adds a KPI to the factor's (first) sub-objective and fills its row. */
  async addKpi(factor, { name, unit, direction, baseline, target, source }) {
    const group = this.kpiGroup(factor);
    await group.getByTestId("ws-add-kpi").click();
    const row = group.getByTestId("ws-kpi-row").last();
    await row.getByTestId("ws-kpi-name").fill(name);
    if (unit) await row.getByTestId("ws-kpi-unit").fill(unit);
    if (direction) await row.getByTestId("ws-kpi-direction").selectOption(direction);
    if (baseline !== undefined) await row.getByTestId("ws-kpi-baseline").fill(String(baseline));
    if (target !== undefined) await row.getByTestId("ws-kpi-target").fill(String(target));
    if (source) await row.getByTestId("ws-kpi-source").fill(source);
    return row;
  }

  // ---- step 6
  actionGroup(factor) {
    return this.page.locator(`[data-testid=ws-action-group][data-factor=${factor}]`);
  }

  async addAction(factor, { title, owner, status }) {
    const group = this.actionGroup(factor);
    await group.getByTestId("ws-add-action").click();
    const row = group.getByTestId("ws-action-row").last();
    await row.getByTestId("ws-action-title").fill(title);
    if (owner) await row.getByTestId("ws-action-owner").fill(owner);
    if (status) await row.getByTestId("ws-action-status").selectOption(status);
    return row;
  }

  // ---- step 7
  monitoringRow(kpiName) {
    return this.t("ws-monitoring-row").filter({
      has: this.page.getByTestId("ws-monitoring-kpi").getByText(kpiName, { exact: true }),
    });
  }

  async plan(kpiName, { owner, frequency, source }) {
    const row = this.monitoringRow(kpiName);
    if (owner) await row.getByTestId("ws-monitoring-owner").fill(owner);
    if (frequency) await row.getByTestId("ws-monitoring-frequency").selectOption(frequency);
    if (source) await row.getByTestId("ws-monitoring-source").fill(source);
  }

  // ---- the timer
  async setCustomMinutes(minutes) {
    await this.t("ws-timer-minutes").selectOption("custom");
    await this.t("ws-timer-custom").fill(String(minutes));
  }

  async clock() {
    return (await this.t("ws-timer-clock").textContent()).trim();
  }
}
