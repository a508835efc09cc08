// Statistics and the printed table of the browser benchmark (tests/perf/bench.mjs).

/** The p-th percentile (nearest rank) of `values`; null when there are none. */
export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The median of `values`; null when there are none. */
export function median(values) {
  return percentile(values, 50);
}

/** a / b, or null when either is missing or b is not positive. */
export function ratio(a, b) {
  return a == null || b == null || b <= 0 ? null : a / b;
}

const ms = (v) => (v == null ? "–" : `${v.toFixed(v < 1 ? 2 : 1)} ms`);
const kb = (v) => (v == null ? "–" : `${(v / 1024).toFixed(0)} KB`);
const times = (v) => (v == null ? "–" : `${v.toFixed(2)}×`);
const verdict = (ok) => (ok == null ? "–" : ok ? "met" : "MISSED");

/** The results as a Markdown table: figure, value, budget, met or missed. */
export function formatTable({ figures: f, smoke }) {
  const rows = [];
  const row = (what, value, budget = "", ok = null) => rows.push([what, value, budget, budget ? verdict(ok) : ""]);
  if (f.transfer) {
    const t = f.transfer;
    const kinds = Object.entries(t.by_kind)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${kb(v)}`)
      .join(", ");
    row(`1a. First visit, gzip on the wire before the first screen is interactive, ${t.before_interactive_files} files (${kinds})`, kb(t.before_interactive_bytes), "≤ 250 KB", t.before_interactive_bytes <= t.budget_bytes);
    row(`1b. First visit in all, until every file is kept offline (the service worker's install and the parts stored after the first screen): ${t.total_files} files, ${t.total_responses} responses (${t.not_modified} answered "not modified")`, kb(t.total_bytes), "≤ 669 KB", t.total_bytes <= t.budget_total_bytes);
  }
  for (const l of f.lighthouse ?? []) {
    const s = (v) => (v == null ? "–" : `${(v / 1000).toFixed(2)} s`);
    row(`8. Lighthouse ${l.version}, ${l.preset} preset (simulated throttling), first visit: LCP ${s(l.lcp_ms)}, TBT ${ms(l.tbt_ms)}, TTI ${s(l.tti_ms)}, FCP ${s(l.fcp_ms)}`, `${l.score}`, l.preset === "mobile" ? "≥ 95, LCP ≤ 2.5 s" : "100", l.preset === "mobile" ? l.score >= 95 && l.lcp_ms <= 2500 : l.score >= 100);
  }
  if (f.cold_start) {
    const c = f.cold_start;
    row(`2. Cold start, example scorecard: app ${ms(c.app_ms)} (in the page at ${ms(c.app_rendered_ms)}) / static snapshot ${ms(c.snapshot_ms)} (at ${ms(c.snapshot_rendered_ms)}), median of ${c.runs}`, times(c.ratio), "≤ 2×", c.ratio != null && c.ratio <= c.budget_ratio);
  }
  if (f.stress) {
    const s = f.stress;
    const calc = s.size.calculated ? ` (${s.size.calculated} calculated from ${s.size.series} series, ${s.size.points} points)` : "";
    const size = `${s.size.sub_objectives} sub-objectives, ${s.size.kpis} KPIs${calc}, ${s.size.measurements} measurements, ${kb(s.file_bytes)} file`;
    row(`3a. Stress scorecard (${size}): open (new visit, stored)`, ms(s.open_ms));
    row("3b. Stress scorecard: import through the file picker until shown", ms(s.import_to_shown_ms));
  }
  for (const [id, t] of [["3d", f.typing], ["3g", f.typing_dashboard]]) {
    if (!t) continue;
    row(`${id}. Keystroke → next paint, ${t.field}, ${t.edits} edits: p50 ${ms(t.p50_ms)} (handler ${ms(t.handler_p50_ms)}, to frame ${ms(t.to_frame_p50_ms)}, style/layout/paint ${ms(t.render_p50_ms)}), max ${ms(t.max_ms)}; autosaves meanwhile: ${t.autosaves_during}; this browser's floor (empty page) p50 ${ms(t.floor_p50_ms)}, p95 ${ms(t.floor_p95_ms)}${t.floor_p50_ms > 10 ? " — frames paced at 60 Hz in this run" : ""}`, `p95 ${ms(t.p95_ms)}`, "p95 ≤ 16 ms", t.p95_ms <= t.budget_p95_ms);
  }
  if (f.typing) {
    row("3e. Autosave after the typing pause: plan (serialize) + write (localStorage)", `${ms(f.typing.autosave_plan_ms)} + ${ms(f.typing.autosave_write_ms)}`);
  }
  if (f.capacity) {
    const c = f.capacity;
    const mchars = (n) => `${(n / 1e6).toFixed(2)} M characters`;
    row(`3f. Stress scorecards that fit in localStorage (quota ${mchars(c.quota_chars)}): one stored packed takes ${mchars(c.stored_chars)} (plain compact JSON ${mchars(c.plain_chars)})`, String(c.fit), `≥ ${c.budget_fit}`, c.fit >= c.budget_fit);
  }
  if (f.import) {
    const i = f.import;
    row(`4. Import of the stress file: ${ms(i.import_ms)} / JSON.parse ${ms(i.json_parse_ms)} (median of ${i.runs})`, times(i.ratio), "≤ 2×", i.ratio != null && i.ratio <= i.budget_ratio);
  }
  if (f.charts) {
    const c = f.charts;
    row(`5. Dashboard chart redraw, ${c.charts} charts × ${c.rounds}: p50 ${ms(c.p50_ms)}, max ${ms(c.max_ms)}; all charts ${ms(c.all_charts_ms)}; open → all drawn ${ms(c.open_to_drawn_ms)}`, `p95 ${ms(c.p95_ms)}`, "p95 ≤ 16 ms", c.p95_ms <= c.budget_p95_ms);
  }
  for (const [name, value] of Object.entries(f.native ?? {}).sort()) {
    const budget = f.native_budgets_ms?.[name];
    const shown = value < 1 ? `${(value * 1000).toFixed(1)} µs` : ms(value);
    if (budget == null) row(`6. cargo bench: ${name}`, shown);
    else row(`6. cargo bench: ${name}, median`, shown, `≤ ${budget} ms`, value <= budget);
  }
  if (f.platform_import) {
    const p = f.platform_import;
    const file = `${p.file.days.toLocaleString("en")} days × ${p.file.metrics} metrics, stress scorecard`;
    const r = p.reimport;
    row(`7a. Platform import preview (${file}): file chosen → preview painted, median of ${p.runs}: reading the file ${ms(p.read_ms)}, propose + plan ${ms(p.preview_ms)}; the first in the page ${ms(p.first?.chosen_to_painted_ms)} (reading ${ms(p.first?.read_ms)}); the same file again (all unchanged) ${ms(r.chosen_to_painted_ms)}, propose + plan ${ms(r.preview_ms)}`, ms(p.chosen_to_painted_ms), "≤ 100 ms", p.chosen_to_painted_ms != null && p.chosen_to_painted_ms <= p.budget_preview_ms);
    row(`7b. Platform import apply (${file}, ${p.file.points} new points): Apply clicked → dialog closed and painted, median of ${p.runs}: the command ${ms(p.apply_ms)}; the first in the page ${ms(p.first?.apply_to_painted_ms)}; autosave after it ${ms(p.autosave_plan_ms)} + ${ms(p.autosave_write_ms)}`, ms(p.apply_to_painted_ms), "≤ 200 ms", p.apply_to_painted_ms != null && p.apply_to_painted_ms <= p.budget_apply_ms);
  }
  const header = ["Figure", "Value", "Budget", ""];
  const lines = [header, ["---", "---:", "---", "---"], ...rows].map((r) => `| ${r.join(" | ")} |`);
  if (smoke) lines.unshift("(smoke run: small scorecard, few repetitions — not for comparison)\n");
  return lines.join("\n");
}

/** `text` with what lies between `<!-- name:start -->` and `<!-- name:end -->` replaced. */
export function replaceBetweenMarkers(text, name, content) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`markers ${start} … ${end} not found`);
  return `${text.slice(0, a + start.length)}\n${content}\n${text.slice(b)}`;
}
