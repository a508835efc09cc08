// Page object for storage and sharing: the library screen, the saved indicator, files in
// and out (picker, drag and drop, downloads), and localStorage snapshots. Selectors are
// data-testids only.
import { readFile } from "node:fs/promises";
import { passWelcome, showView, waitForView } from "./app-page.mjs";
import { parseStored } from "./packed.mjs";
import { expectAttribute, expectText } from "./wait.mjs";

/** Today's date in the browser's (= this machine's) time zone, as YYYY-MM-DD. */
export function todayIso() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export class StoragePage {
  constructor(page) {
    this.page = page;
  }

  t(id) {
    return this.page.getByTestId(id);
  }

  /** Loads the app at `url` and waits until it has mounted (past a new browser's welcome). */
  async open(url) {
    await this.page.goto(url);
    await this.t("app-shell").waitFor({ state: "visible" });
    await passWelcome(this.page);
  }

  // ---- editing and the saved indicator -------------------------------------------------

  /** Opens the scorecard's own fields (click on the mission). */
  async openScorecardFields() {
    if (!(await this.t("mission-input").isVisible())) await this.t("mission").click();
    await this.t("mission-input").waitFor();
  }

  async setMission(text) {
    await this.openScorecardFields();
    await this.t("mission-input").fill(text);
  }

  async setTitle(text) {
    await this.openScorecardFields();
    await this.t("title-input").fill(text);
  }

  async missionText() {
    return (await this.t("mission").textContent()).trim();
  }

  /** Waits until the strategy band shows the mission `text`. */
  expectMission(text, what = "the mission shown") {
    return expectText(this.t("mission"), text, what);
  }

  savedState() {
    return this.t("saved-indicator").getAttribute("data-state");
  }

  /** Waits until the saved indicator shows `state` (saved, unsaved, memory, failed, read-only…). */
  expectSavedState(state, what = "the saved indicator") {
    return expectAttribute(this.t("saved-indicator"), "data-state", state, what);
  }

  /** Waits until the header shows the open scorecard's title `title`. */
  expectTitle(title, what = "the open scorecard's title") {
    return expectText(this.t("scorecard-title"), title, what);
  }

  async waitSaved(timeout = 3000) {
    await this.page.locator("[data-testid=saved-indicator][data-state=saved]").waitFor({ timeout });
  }

  /** Starts recording every `data-state` the saved indicator shows. */
  async recordSavedStates() {
    await this.page.evaluate(() => {
      const el = document.querySelector("[data-testid=saved-indicator]");
      window.__savedStates = [el.getAttribute("data-state")];
      new MutationObserver(() => window.__savedStates.push(el.getAttribute("data-state"))).observe(el, {
        attributes: true,
        attributeFilter: ["data-state"],
      });
    });
  }

  recordedSavedStates() {
    return this.page.evaluate(() => window.__savedStates);
  }

  async undoEnabled() {
    return !(await this.t("undo").isDisabled());
  }

  // ---- localStorage --------------------------------------------------------------------

  /** Every key and value of this origin's localStorage. */
  storage() {
    return this.page.evaluate(() => {
      const all = {};
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        all[key] = localStorage.getItem(key);
      }
      return all;
    });
  }

  stored(key) {
    return this.page.evaluate((k) => localStorage.getItem(k), key);
  }

  /** The parsed index (`smsc.v1.index`). */
  async index() {
    return JSON.parse(await this.stored("smsc.v1.index"));
  }

  /** The stored scorecard file of the open scorecard (unpacked: storage layout 2 packs it). */
  async storedOpenCard() {
    const index = await this.index();
    return parseStored(await this.stored(`smsc.v1.card.${index.open}`));
  }

  // ---- library -------------------------------------------------------------------------

  async openLibrary() {
    await showView(this.page, "library");
  }

  items() {
    return this.t("library-item");
  }

  item(title) {
    return this.items().filter({
      has: this.page.getByTestId("library-item-title").getByText(title, { exact: true }),
    });
  }

  async titles() {
    return (await this.t("library-item-title").allTextContents()).map((t) => t.trim());
  }

  async create(template) {
    await this.openLibrary();
    await this.t("library-template").selectOption(template);
    await this.t("library-create").click();
    await waitForView(this.page, "scorecard");
  }

  // ---- files ---------------------------------------------------------------------------

  /** Runs `action` and returns the download it starts. */
  async download(action) {
    const [download] = await Promise.all([this.page.waitForEvent("download"), action()]);
    return download;
  }

  async downloadText(download) {
    return readFile(await download.path(), "utf8");
  }

  /** Exports the open scorecard; returns { name, text, json }. */
  async exportOpen() {
    const download = await this.download(() => this.t("export").click());
    const text = await this.downloadText(download);
    return { name: download.suggestedFilename(), text, json: JSON.parse(text) };
  }

  /** Chooses a file in the import file picker. */
  async pickFile(name, content) {
    await this.t("import-input").setInputFiles({
      name,
      mimeType: "application/json",
      buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8"),
    });
  }

  /** Drops a file on the page, as dragging it from the desktop does. */
  async dropFile(name, content) {
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, text]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], fileName, { type: "application/json" }));
        return dt;
      },
      [name, content],
    );
    await this.page.dispatchEvent("body", "dragenter", { dataTransfer });
    await this.page.dispatchEvent("body", "drop", { dataTransfer });
  }

  importMessage() {
    return this.t("import-message");
  }

  async screenshot(path) {
    await this.page.screenshot({ path, fullPage: true });
  }
}
