//! One file in the import dialog: its name, what made it and which export it is, the rows and
//! dates read, or why it could not be read; the day/month question; notes; every row left
//! out with its reason; and a row per metric with the series it goes into.

use leptos::prelude::*;

use super::date_question::DateQuestionBox;
use super::metric_row::MetricRow;
use super::preview::Preview;
use crate::exchange::platform_import::messages::wrong_metric_text;
use crate::exchange::platforms::Platform;
use crate::i18n::dates::short_date;
use crate::i18n::tr;
use crate::model::{Date, Lang};
use crate::ui::session::platform_import::LoadedExport;
use crate::ui::session::state::AppState;

/// At most this many problem rows are listed (the count says how many there are).
const MAX_PROBLEMS_SHOWN: usize = 50;

/// What the card shows of a file (no points: cheap to compare).
#[derive(Clone, PartialEq, Debug)]
struct FileView {
    name: String,
    platform: Option<Platform>,
    kind: String,
    rows: usize,
    metrics: usize,
    range: Option<(Date, Date)>,
    error: Option<String>,
    notes: Vec<String>,
    problems: Vec<(usize, String)>,
    problem_count: usize,
}

impl FileView {
    fn of(f: &LoadedExport, l: Lang) -> FileView {
        match &f.result {
            Ok(file) => {
                let first = file
                    .metrics
                    .iter()
                    .filter_map(|m| m.points.first())
                    .map(|p| p.0)
                    .min();
                let last = file
                    .metrics
                    .iter()
                    .filter_map(|m| m.points.last())
                    .map(|p| p.0)
                    .max();
                FileView {
                    name: f.name.clone(),
                    platform: Some(file.platform),
                    kind: kind_text(&file.kind, l),
                    rows: file.rows,
                    metrics: file.metrics.len(),
                    range: first.zip(last),
                    error: None,
                    notes: file.notes.iter().map(|n| n.text(l)).collect(),
                    problems: file
                        .problems
                        .iter()
                        .take(MAX_PROBLEMS_SHOWN)
                        .map(|p| (p.line, p.message.text(l)))
                        .collect(),
                    problem_count: file.problems.len(),
                }
            }
            Err(e) => FileView {
                name: f.name.clone(),
                platform: None,
                kind: String::new(),
                rows: 0,
                metrics: 0,
                range: None,
                error: Some(e.text(l)),
                notes: Vec::new(),
                problems: Vec::new(),
                problem_count: 0,
            },
        }
    }
}

/// `1 row`, `3 rows` and the like.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The kind of export in the interface's language (the reader names it in English).
fn kind_text(kind: &str, l: Lang) -> String {
    if l == Lang::En {
        return kind.to_string();
    }
    match kind {
        "daily metric" => "dagcijfers",
        "posts" => "berichten",
        "videos" => "video's",
        "content" => "content",
        "followers" => "volgers",
        "visitors" => "bezoekers",
        "overview" => "overzicht",
        "table with dates" => "tabel met datums",
        "performance by date" => "prestaties per datum",
        "profile performance" => "profielprestaties",
        "legacy insights (page level)" => "oude Insights (pagina)",
        "legacy insights (post level)" => "oude Insights (berichten)",
        other => other,
    }
    .to_string()
}

/// The card of file `id`.
#[component]
pub(super) fn FileCard(id: u64, preview: Memo<Preview>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let pi = state.platform_import;
    let view_of = Memo::new(move |_| {
        let l = lang.get();
        pi.files
            .with(|fs| fs.iter().find(|f| f.id == id).map(|f| FileView::of(f, l)))
    });
    let has_question = Memo::new(move |_| {
        pi.files
            .with(|fs| fs.iter().any(|f| f.id == id && f.question.is_some()))
    });
    let warning = move || {
        let l = lang.get();
        preview.with(|p| p.warnings.get(&id).map(|w| wrong_metric_text(w, l)))
    };
    let metric_count = move || view_of.with(|v| v.as_ref().map_or(0, |v| v.metrics));
    move || {
        let l = lang.get();
        let Some(v) = view_of.get() else {
            return ().into_any();
        };
        let state_attr = if v.error.is_some() { "error" } else { "read" };
        let platform_attr = v
            .platform
            .map(|p| crate::exchange::platform_import::platform_key(p).to_string())
            .unwrap_or_default();
        let heading = match v.platform {
            Some(p) => format!("{} · {}", p.name_in(l), v.kind),
            None => tr(l, "Not read", "Niet gelezen").to_string(),
        };
        let facts = v
            .range
            .map(|(a, b)| {
                let rows = count(v.rows, tr(l, "row", "rij"), tr(l, "rows", "rijen"));
                let metrics = count(
                    v.metrics,
                    tr(l, "metric", "maatstaf"),
                    tr(l, "metrics", "maatstaven"),
                );
                format!(
                    "{rows} · {metrics} · {} – {}",
                    short_date(a, l),
                    short_date(b, l)
                )
            })
            .unwrap_or_default();
        let problems_title = format!(
            "{} {}",
            count(v.problem_count, tr(l, "row", "rij"), tr(l, "rows", "rijen")),
            tr(l, "left out", "overgeslagen")
        );
        let more = v.problem_count.saturating_sub(v.problems.len());
        view! {
            <article class="pi-file" data-testid="pi-file" data-state=state_attr
                data-platform=platform_attr data-name=v.name.clone()>
                <header class="pi-file-head">
                    <h3>
                        <span class="pi-file-name">{v.name.clone()}</span>
                        <span class="pi-file-kind" data-testid="pi-file-kind">{heading}</span>
                    </h3>
                    <button type="button" class="link-button" data-testid="pi-file-remove"
                        on:click=move |_| pi.remove(id)>
                        {tr(l, "Leave out", "Weglaten")}
                    </button>
                </header>
                {v.error.clone().map(|e| view! {
                    <p class="field-error" role="alert" data-testid="pi-file-error">{e}</p>
                })}
                {(!facts.is_empty()).then(|| view! {
                    <p class="pi-file-facts" data-testid="pi-file-facts"
                        data-first=v.range.map(|r| r.0.to_string()).unwrap_or_default()
                        data-last=v.range.map(|r| r.1.to_string()).unwrap_or_default()>{facts}</p>
                })}
                {move || warning().map(|w| view! { <p class="pi-warning" role="note" data-testid="pi-wrong-metric">{w}</p> })}
                <Show when=move || has_question.get()>
                    <DateQuestionBox id=id />
                </Show>
                {(!v.notes.is_empty()).then(|| view! {
                    <ul class="pi-notes">
                        {v.notes.iter().map(|n| view! { <li data-testid="pi-note">{n.clone()}</li> }).collect_view()}
                    </ul>
                })}
                {(v.problem_count > 0).then(|| view! {
                    <details class="pi-problems" data-testid="pi-problems" data-count=v.problem_count>
                        <summary>{problems_title.clone()}</summary>
                        <ul>
                            {v.problems.iter().map(|(line, m)| view! {
                                <li data-testid="pi-problem">
                                    <span class="pi-line">{format!("{} {line}", tr(l, "Line", "Regel"))}</span>
                                    " " {m.clone()}
                                </li>
                            }).collect_view()}
                            {(more > 0).then(|| view! {
                                <li>{match l { Lang::En => format!("… and {more} more"), Lang::Nl => format!("… en nog {more}") }}</li>
                            })}
                        </ul>
                    </details>
                })}
                {(v.metrics > 0).then(|| view! {
                    <table class="import-table pi-metrics" data-testid="pi-metrics">
                        <thead>
                            <tr>
                                <th scope="col">{tr(l, "Column", "Kolom")}</th>
                                <th scope="col">{tr(l, "Goes into", "Gaat naar")}</th>
                                <th scope="col">{tr(l, "Points", "Punten")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || 0..metric_count() key=|i| *i let(index)>
                                <MetricRow id=id index=index preview=preview />
                            </For>
                        </tbody>
                    </table>
                })}
            </article>
        }
        .into_any()
    }
}
