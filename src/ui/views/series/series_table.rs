//! The table of input series: key, name, channel, unit, aggregation, how many points and from
//! when to when, the latest value and the KPIs that use it. A row opens the series.

use leptos::prelude::*;

use crate::i18n::dates::short_date;
use crate::i18n::format::format_number;
use crate::i18n::tr;
use crate::i18n::words::aggregation_name;
use crate::model::{Aggregation, Date, Lang, Scorecard};
use crate::ui::session::state::AppState;

/// What one row shows.
#[derive(Clone, PartialEq, Debug)]
struct Row {
    id: String,
    key: String,
    name: String,
    channel: String,
    unit: String,
    aggregation: Aggregation,
    points: usize,
    first: Option<Date>,
    last: Option<Date>,
    latest: Option<f64>,
    kpis: Vec<String>,
}

fn rows(card: &Scorecard) -> Vec<Row> {
    card.series
        .iter()
        .map(|s| Row {
            id: s.id.clone(),
            key: s.key.clone(),
            name: s.name.clone(),
            channel: s.channel.clone(),
            unit: s.unit.clone(),
            aggregation: s.aggregation,
            points: s.points.len(),
            first: s.points.first().map(|p| p.date),
            last: s.points.last().map(|p| p.date),
            latest: s.points.last().map(|p| p.value),
            kpis: card
                .kpis_using_series(&s.key)
                .into_iter()
                .map(|(_, name)| name)
                .collect(),
        })
        .collect()
}

/// `first – last`, one date when they are the same, a dash when there are no points.
pub(super) fn date_range(first: Option<Date>, last: Option<Date>, lang: Lang) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a == b => short_date(a, lang),
        (Some(a), Some(b)) => format!("{} – {}", short_date(a, lang), short_date(b, lang)),
        _ => "–".to_string(),
    }
}

/// The table of every series of the open scorecard; clicking a row sets `selected`.
#[component]
pub fn SeriesTable(selected: RwSignal<Option<String>>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let doc = state.doc;
    let all = Memo::new(move |_| doc.with(rows));
    let head = move |en: &'static str, nl: &'static str| {
        view! { <th scope="col">{move || tr(lang.get(), en, nl)}</th> }
    };
    view! {
        <div class="series-table-wrap">
            <table class="series-table" data-testid="series-table">
                <caption class="visually-hidden">
                    {move || tr(lang.get(), "Input series", "Invoerreeksen")}
                </caption>
                <thead>
                    <tr>
                        {head("Key", "Sleutel")}
                        {head("Series (channel · unit)", "Reeks (kanaal · eenheid)")}
                        {head("Per period", "Per periode")}
                        {head("Points", "Punten")}
                        <th scope="col" class="num">{move || tr(lang.get(), "Latest value", "Laatste waarde")}</th>
                        {head("Used by", "Gebruikt door")}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let l = lang.get();
                        all.get().into_iter().map(|row| series_row(row, selected, l)).collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

fn series_row(row: Row, selected: RwSignal<Option<String>>, l: Lang) -> impl IntoView {
    let id = row.id.clone();
    let is_open = {
        let id = id.clone();
        move || selected.with(|s| s.as_deref() == Some(id.as_str()))
    };
    let is_open_aria = is_open.clone();
    let open = move |_| selected.set(Some(id.clone()));
    let open_row = open.clone();
    let key = row.key.clone();
    let used_by = if row.kpis.is_empty() {
        tr(l, "no KPI yet", "nog geen KPI").to_string()
    } else {
        row.kpis.join(", ")
    };
    let details = [row.channel.trim(), row.unit.trim()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let latest = row
        .latest
        .map(|v| format_number(v, l))
        .unwrap_or_else(|| "–".to_string());
    view! {
        <tr data-testid="series-row" data-key=key class:is-open=is_open
            aria-current=move || if is_open_aria() { "true" } else { "false" }
            on:click=open_row>
            <th scope="row">
                <button type="button" class="link-button series-open" data-testid="series-open"
                    on:click=move |ev| { ev.stop_propagation(); open(ev) }>
                    <code>{row.key}</code>
                </button>
            </th>
            <td>
                <span class="series-name">{row.name}</span>
                <span class="series-sub">{details}</span>
            </td>
            <td>{aggregation_name(row.aggregation, l)}</td>
            <td>
                <span class="series-count">{row.points}</span>
                <span class="series-sub">{date_range(row.first, row.last, l)}</span>
            </td>
            <td class="num">{latest}</td>
            <td class:muted=row.kpis.is_empty()>{used_by}</td>
        </tr>
    }
}
