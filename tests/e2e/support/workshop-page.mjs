// Page object for the guided workshop (#workshop): every selector is a data-testid (with a
// data attribute where a row or group must be picked), never a style class. Moving between
// steps and adding rows wait until the page shows the move or the new row.
import { showView } from "./app-page.mjs";
import { expectAttribute, expectCount, expectText, waitForValue, waitUntil } from "./wait.mjs";

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
    await showView(this.page, "workshop");
  }

  stepButton(n) {
    return this.t(`ws-step-${n}`);
  }

  /** Waits until step `n` is shown and marked current in the stepper. */
  async expectStep(n) {
    await this.page.locator(`[data-testid=workshop][data-step="${n}"]`).waitFor();
    await expectAttribute(this.stepButton(n), "aria-current", "step", `step ${n} marked current`);
  }

  /** The number of the step shown. */
  async shownStep() {
    return Number(await this.t("workshop").getAttribute("data-step"));
  }

  /** Waits until the done marks of the seven steps are `marks` (booleans). */
  expectDoneMarks(marks) {
    return waitForValue(() => this.doneMarks(), marks, "the steps' done marks");
  }

  expectTitle(expected) {
    return expectText(this.t("ws-step-title"), expected, "the step's title");
  }

  expectQuestion(expected) {
    return expectText(this.t("ws-question"), expected, "the step's question");
  }

  expectExample(expected) {
    return expectText(this.t("ws-example-text"), expected, "the step's example");
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

  /** Goes to the next step and waits until it is shown. */
  async next() {
    const from = await this.shownStep();
    await this.t("ws-next").click();
    await this.expectStep(from + 1);
  }

  /** Goes to the previous step and waits until it is shown. */
  async previous() {
    const from = await this.shownStep();
    await this.t("ws-prev").click();
    await this.expectStep(from - 1);
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
    const rows = this.t("ws-objective");
    const before = await rows.count();
    await this.t("ws-new-objective").fill(title);
    await this.t("ws-new-objective").press("Enter");
    await expectCount(rows, before + 1, `the objective row of "${title}"`);
    if (description) {
      await rows.nth(before).getByTestId("ws-objective-description").fill(description);
    }
  }

  // ---- step 3
  factor(kind) {
    return this.t(`ws-factor-${kind}`);
  }

  // ---- step 4: the quadrants' own "add sub-objective" and the side panel's form
  async addSubObjective(factor, title) {
    const cards = this.t(`quadrant-${factor}`).getByTestId("sub-objective");
    const before = await cards.count();
    await this.t(`quadrant-${factor}`).getByTestId("add-sub-objective").click();
    const card = cards.nth(before);
    await expectAttribute(card, "data-selected", "true", `the new sub-objective of ${factor}, selected`);
    await this.t("sub-objective-title-input").fill(title);
    await waitUntil(() => card.textContent(), (t) => t.includes(title), "the new sub-objective's title on its card");
  }

  // ---- step 5
  kpiGroup(factor) {
    return this.page.locator(`[data-testid=ws-kpi-group][data-factor=${factor}]`);
  }

  /** Adds a KPI to the factor's (first) sub-objective and fills its row. */
  async addKpi(factor, { name, unit, direction, baseline, target, source }) {
    const group = this.kpiGroup(factor);
    const rows = group.getByTestId("ws-kpi-row");
    const before = await rows.count();
    await group.getByTestId("ws-add-kpi").click();
    await expectCount(rows, before + 1, `a new KPI row for ${factor}`);
    const row = rows.nth(before);
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
    const rows = group.getByTestId("ws-action-row");
    const before = await rows.count();
    await group.getByTestId("ws-add-action").click();
    await expectCount(rows, before + 1, `a new action row for ${factor}`);
    const row = rows.nth(before);
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
