// What a phone or tablet screen shows: whether the page scrolls sideways, and every piece of
// visible text that starts left of the screen or runs past its right edge. Text is measured
// per text node (a Range), clipped by every scrolling or clipping box around it, so the part
// of a sideways-scrolling tab bar or table that is scrolled out of its box does not count
// (the box itself does). Visually hidden text (1 px boxes for screen readers) is left out.

/**
 * Measures the page in `page`: `{ viewport, scrollWidth, left, right }`, where `left` and
 * `right` list up to 10 visible texts (with their x) starting left of 0 or ending past the
 * viewport's width.
 */
export function measureFit(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el, rect) => {
      let r = { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
      for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.display === "none" || s.visibility === "hidden" || Number(s.opacity) === 0) return null;
        if (s.overflowX !== "visible" || s.overflowY !== "visible" || s.clipPath !== "none") {
          const b = a.getBoundingClientRect();
          if (b.width <= 2 || b.height <= 2) return null; // visually hidden
          r = {
            left: Math.max(r.left, b.left),
            right: Math.min(r.right, b.right),
            top: Math.max(r.top, b.top),
            bottom: Math.min(r.bottom, b.bottom),
          };
        }
        if (s.position === "fixed") break;
      }
      return r.right - r.left > 0.5 && r.bottom - r.top > 0.5 ? r : null;
    };
    const left = [];
    const right = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!text || !node.parentElement) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width < 1 || rect.height < 1) continue;
        const r = clipped(node.parentElement, rect);
        if (!r) continue;
        const what = `${node.parentElement.tagName.toLowerCase()}${node.parentElement.className ? "." + String(node.parentElement.className).split(" ").join(".") : ""} "${text.slice(0, 40)}"`;
        if (r.left < -0.5 && left.length < 10) left.push(`${what} at x ${Math.round(r.left)}`);
        if (r.right > width + 0.5 && right.length < 10) right.push(`${what} ends at x ${Math.round(r.right)}`);
      }
    }
    return { viewport: width, innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, left, right };
  });
}

/**
 * Controls smaller than `min` × `min` CSS pixels among the visible buttons, links, selects
 * and text inputs inside `scope` (a locator), counting the touch area an absolutely placed
 * `::after` adds around a small one: up to 10, described.
 */
export function smallTargets(scope, min = 44) {
  return scope.evaluate((root, min) => {
    const small = [];
    for (const el of root.querySelectorAll("button, a[href], select, input:not([type=hidden]):not([type=file]):not([type=checkbox]):not([type=radio]), summary")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (el.closest(".visually-hidden") || getComputedStyle(el).visibility === "hidden") continue;
      // A small control may take a larger touch around it: an absolutely placed ::after.
      let [width, height] = [r.width, r.height];
      const after = getComputedStyle(el, "::after");
      if (after.content !== "none" && after.position === "absolute") {
        width -= parseFloat(after.left) + parseFloat(after.right);
        height -= parseFloat(after.top) + parseFloat(after.bottom);
      }
      if (width + 0.5 < min || height + 0.5 < min) {
        const id = el.getAttribute("data-testid") ?? el.textContent.trim().slice(0, 30);
        if (small.length < 10) small.push(`${el.tagName.toLowerCase()} ${id}: ${Math.round(width)} × ${Math.round(height)}`);
      }
    }
    return small;
  }, min);
}
