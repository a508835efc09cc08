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
