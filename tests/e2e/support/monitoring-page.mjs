// Page object for monitoring: measurements (record, paste, CSV), the "as of" date, the KPI
// chart and the dashboard. Selectors are data-testids only.
import assert from "node:assert/strict";
import { showView } from "./app-page.mjs";
import { eventually, waitUntil } from "./wait.mjs";

export const TODAY = "2026-04-10";

/** The article's response-time KPI: lower is better, baseline 8, target 2, hours. */
export const RESPONSE_TIME = {
  name: "Response time of product management",
  unit: "hours",
  direction: "lower",
  baseline: 8,
  target: 2,
  source: "Reporting tool",
  owner: "Community manager",
  frequency: "quarterly",
};

export class MonitoringPage {
  constructor(page) {
    this.page = page;
  }

  t(id) {
    return this.page.getByTestId(id);
  }

  /** Goes to a view by its tab (`scorecard`, `map`, `dashboard`, `library`). */
  async goTo(view) {
    await showView(this.page, view);
  }

  // ---- measurements of the open KPI ----

  async record(date, value, note = "") {
    await this.t("measurement-date").fill(date);
    await this.t("measurement-value").fill(String(value));
    if (note) await this.t("measurement-note").fill(note);
    await this.t("measurement-record").click();
    // Recorded: the form is emptied for the next one (a refusal keeps it and says why).
    await eventually(
      async () => {
        if ((await this.t("measurement-value").inputValue()) === "") return;
        const error = this.t("measurement-error");
        const why = (await error.count()) ? (await error.textContent()).trim() : "";
        assert.fail(why ? `refused: ${why}` : "the value is still in the form");
      },
      { what: `recording ${date}: ${value}` },
    );
  }

  /** The measurements of the open KPI as [date, value-as-shown] pairs, newest first. */
  measurementRows() {
    return this.t("measurement-table")
      .getByTestId("measurement-row")
      .evaluateAll((rows) =>
        rows.map((r) => [r.querySelector("input[type=date]").value, r.querySelector("[data-testid=measurement-row-value]").value]),
      );
  }

  async measurementCount() {
    return this.t("measurement-row").count();
  }

  // ---- the KPI chart ----

  kpiCanvas() {
    return this.t("kpi-chart").locator("canvas");
  }

  /**
   * Waits until every chart canvas in `scope` is drawn at its size on the page: a canvas is
   * sized (device pixels for its CSS pixels) by the drawing itself, in the same task.
   */
  async chartsDrawn(scope, what = "charts drawn") {
    await waitUntil(
      () =>
        scope.locator("canvas").evaluateAll((canvases) =>
          canvases.map((c) => ({
            width: c.width,
            height: c.height,
            wants: [Math.round(c.clientWidth * devicePixelRatio), Math.round(c.clientHeight * devicePixelRatio)],
          })),
        ),
      (all) => all.length > 0 && all.every((c) => c.wants[0] > 0 && c.width === c.wants[0] && c.height === c.wants[1]),
      what,
    );
  }

  /** Waits until the KPI chart is drawn; resolves to its pixels. */
  async kpiChartDrawn() {
    await this.chartsDrawn(this.t("kpi-chart"), "the KPI chart drawn");
    return this.kpiChartPixels();
  }

  /** The KPI chart's pixels, as a data URL. */
  kpiChartPixels() {
    return this.kpiCanvas().evaluate((c) => c.toDataURL());
  }

  /** Waits until the KPI chart's pixels differ from `before`; returns the new ones. */
  async kpiChartChangedFrom(before, timeout = 5000) {
    const end = Date.now() + timeout;
    for (;;) {
      const now = await this.kpiChartPixels();
      if (now !== before) return now;
      if (Date.now() > end) throw new Error("the KPI chart did not change");
      await this.page.waitForTimeout(50);
    }
  }

  // ---- statuses, everywhere ----

  /** The status of KPI `kpiId` in its quadrant (the scorecard view must be shown). */
  quadrantKpiStatus(kpiId) {
    return this.quadrantKpiBadge(kpiId).getAttribute("data-status");
  }

  /** The status badge of KPI `kpiId` in its quadrant (the scorecard view must be shown). */
  quadrantKpiBadge(kpiId) {
    return this.page.locator(`[data-testid=kpi][data-id="${kpiId}"] [data-testid=kpi-status]`);
  }

  /** The status badge of the sub-objective card `soId` in its quadrant. */
  quadrantSubObjectiveStatus(soId) {
    return this.page
      .locator(`[data-testid=sub-objective][data-id="${soId}"] [data-testid=status]`)
      .first();
  }

  /** The status badge of sub-objective `soId` on the strategy map. */
  mapSubObjectiveStatus(soId) {
    return this.page.locator(`[data-testid=map-sub-objective][data-id="${soId}"] [data-testid=status]`);
  }

  /** The KPI card of `kpiId` on the dashboard. */
  dashboardKpi(kpiId) {
    return this.page.locator(`[data-testid=dashboard-kpi][data-id="${kpiId}"]`);
  }

  /** Counts per status on the dashboard, e.g. { green: 1, amber: 0, red: 0, grey: 0 }. */
  dashboardCounts() {
    return this.t("dashboard-count").evaluateAll((els) =>
      Object.fromEntries(
        els.map((e) => [e.dataset.status, Number(e.querySelector("[data-testid=dashboard-count-number]").textContent)]),
      ),
    );
  }

  // ---- as of ----

  async setAsOf(date) {
    await this.t("as-of").fill(date);
  }

  // ---- paste ----

  async openPaste() {
    await this.t("paste-open").click();
    await this.t("paste-dialog").waitFor();
  }

  async pasteText(text) {
    await this.t("paste-text").fill(text);
  }

  /** The measurements of the open KPI as [date, value-as-shown, note] rows, newest first. */
  measurementTable() {
    return this.t("measurement-table")
      .getByTestId("measurement-row")
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.querySelector("input[type=date]").value,
          r.querySelector("[data-testid=measurement-row-value]").value,
          r.querySelectorAll("input[type=text]")[1].value,
        ]),
      );
  }

  /** The preview rows: { ok, text } each. */
  previewRows(testid) {
    return this.t(testid)
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => ({ ok: r.dataset.ok === "true", change: r.dataset.change ?? null, text: r.textContent })));
  }

  // ---- CSV ----

  async openMeasurementsMenu() {
    const menu = this.t("measurements-menu");
    if (!(await menu.evaluate((d) => d.open))) await this.t("measurements-menu-toggle").click();
  }

  async exportCsv() {
    await this.openMeasurementsMenu();
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.t("measurements-export").click()]);
    return download;
  }

  async openCsvImport() {
    await this.openMeasurementsMenu();
    await this.t("measurements-import").click();
    await this.t("csv-import-dialog").waitFor();
  }

  async chooseCsv(name, text) {
    await this.t("csv-file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
    await this.t("csv-preview").waitFor();
  }
}
