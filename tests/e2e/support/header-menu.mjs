// The header's menu on narrow screens (tablets and phones): the as-of date, the language, the
// file, measurement and presentation tools wait in it. On a wide screen they stand in the bar
// and the menu button is hidden. Selectors are data-testids only.
import { expectAttribute } from "./wait.mjs";

/**
 * Runs `action` with the header's controls reachable: on a narrow screen the menu is opened
 * first and closed after (unless `action` closed it, as a choice in the menu does); on a wide
 * screen `action` just runs. Resolves to what `action` resolves to.
 */
export async function inHeaderMenu(page, action) {
  const toggle = page.getByTestId("header-menu-toggle");
  const narrow = await toggle.isVisible();
  if (narrow && (await toggle.getAttribute("aria-expanded")) !== "true") {
    await toggle.click();
    await expectAttribute(toggle, "aria-expanded", "true", "the header's menu open");
  }
  try {
    return await action();
  } finally {
    if (narrow && (await toggle.getAttribute("aria-expanded")) === "true") {
      await toggle.click();
      await expectAttribute(toggle, "aria-expanded", "false", "the header's menu closed");
    }
  }
}
