//! One metric of a file: its column, the series it goes into (a choice of every series, a new
//! one, or none, with why it was proposed), and what it does there (new, updated, unchanged
//! points and its dates).

use leptos::prelude::*;

use super::preview::Preview;
use crate::exchange::platform_import::Target;
use crate::exchange::platform_import::messages::{counts_text, reason_text};
use crate::i18n::dates::short_date;
use crate::i18n::tr;
use crate::i18n::words::aggregation_name;
use crate::ui::session::state::AppState;

/// What the row shows of its metric.
#[derive(Clone, PartialEq, Debug)]
struct MetricView {
    header: String,
    key: String,
}

/// The `<select>` value of a target.
fn value_of(target: &Target) -> String {
    match target {
        Target::Skip => "skip".to_string(),
        Target::New { .. } => "new".to_string(),
        Target::Series(id) => format!("s:{id}"),
    }
}

/// The row of metric `index` of file `id`.
#[component]
pub(super) fn MetricRow(id: u64, index: usize, preview: Memo<Preview>) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let pi = state.platform_import;
    let metric = Memo::new(move |_| {
        pi.files.with(|fs| {
            fs.iter()
                .find(|f| f.id == id)
                .and_then(|f| f.result.as_ref().ok())
                .and_then(|r| r.metrics.get(index))
                .map(|m| MetricView {
                    header: m.header.clone(),
                    key: m.key.clone(),
                })
        })
    });
    let series = Memo::new(move |_| {
        state.doc.with(|d| {
            d.series
                .iter()
                .map(|s| {
                    let label = if s.name.trim().is_empty() {
                        s.key.clone()
                    } else {
                        format!("{} ({})", s.name, s.key)
                    };
                    (s.id.clone(), label)
                })
                .collect::<Vec<_>>()
        })
    });
    let target = Memo::new(move |_| {
        preview.with(|p| p.targets.get(&id).and_then(|t| t.get(index)).cloned())
    });
    let new_option = Memo::new(move |_| preview.with(|p| p.new_options.get(&(id, index)).cloned()));
    let counts =
        Memo::new(move |_| preview.with(|p| p.column(id, index).map(|c| (c.counts, c.range))));
    let reason = Memo::new(move |_| {
        preview.with(|p| {
            p.proposals
                .get(&id)
                .and_then(|row| row.get(index))
                .map(|prop| (prop.reason, prop.target.clone()))
        })
    });
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let chosen = if value == "skip" {
            Some(Target::Skip)
        } else if value == "new" {
            new_option.get_untracked()
        } else {
            value
                .strip_prefix("s:")
                .map(|s| Target::Series(s.to_string()))
        };
        if let Some(t) = chosen {
            pi.set_target(id, index, t);
        }
    };
    let select_id = format!("pi-target-{id}-{index}");
    let label_id = select_id.clone();
    let current = move || target.get().map(|t| value_of(&t)).unwrap_or_default();
    let skipped = move || target.get() == Some(Target::Skip);
    let c = move || counts.get().map(|(c, _)| c).unwrap_or_default();
    let points = move || {
        let l = lang.get();
        if skipped() {
            tr(l, "not imported", "niet geïmporteerd").to_string()
        } else {
            counts_text(c(), l)
        }
    };
    let dates = move || {
        let l = lang.get();
        counts
            .get()
            .and_then(|(_, r)| r)
            .map(|(a, b)| format!("{} – {}", short_date(a, l), short_date(b, l)))
            .unwrap_or_default()
    };
    let why = move || {
        let l = lang.get();
        reason.get().and_then(|(r, proposed)| {
            // Said only while the proposal stands.
            (target.get().as_ref() == Some(&proposed)).then(|| reason_text(r, l))
        })
    };
    let new_label = move || {
        let l = lang.get();
        match new_option.get() {
            Some(Target::New {
                key, aggregation, ..
            }) => format!(
                "{}: {key} ({})",
                tr(l, "New series", "Nieuwe reeks"),
                aggregation_name(aggregation, l)
            ),
            _ => tr(l, "New series", "Nieuwe reeks").to_string(),
        }
    };
    // The select stays one element while its value changes (keyboard focus stays on it).
    move || {
        let Some(m) = metric.get() else {
            return ().into_any();
        };
        view! {
            <tr data-testid="pi-metric" data-key=m.key.clone()
                data-new=move || c().new data-updated=move || c().updated
                data-unchanged=move || c().unchanged
                data-target=current class:is-skipped=skipped>
                <th scope="row"><label for=label_id.clone()>{m.header.clone()}</label></th>
                <td>
                    <select id=select_id.clone() data-testid="pi-target" on:change=on_change
                        prop:value=current>
                        <option value="skip" selected=move || current() == "skip">{move || tr(lang.get(), "Do not import", "Niet importeren")}</option>
                        <option value="new" selected=move || current() == "new">{new_label}</option>
                        <optgroup label=move || tr(lang.get(), "Existing series", "Bestaande reeksen")>
                            <For each=move || series.get() key=|s| s.clone() let((sid, label))>
                                <option value=format!("s:{sid}")
                                    selected=move || current() == format!("s:{sid}")>{label}</option>
                            </For>
                        </optgroup>
                    </select>
                    <span class="pi-why" data-testid="pi-why">{why}</span>
                </td>
                <td>
                    <span class="pi-counts" data-testid="pi-counts">{points}</span>
                    <span class="series-sub">{dates}</span>
                </td>
            </tr>
        }
        .into_any()
    }
}
