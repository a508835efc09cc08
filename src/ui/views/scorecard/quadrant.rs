//! One factor quadrant: label, key question and its sub-objectives with KPI, target, latest
//! value, status, owner and open actions. Cards open in the side panel; they reorder with
//! Alt+↑/↓ or by dragging, also into another quadrant.

use leptos::prelude::*;

use crate::charts::labels::{target_text, value_with_unit};
use crate::i18n::tr;
use crate::i18n::words::{score_word, status_icon, status_key};
use crate::model::{Command, FactorKind, Lang, Score, ScoreRef};
use crate::ui::session::state::{AppState, Selection};
use crate::ui::views::scorecard::card_store::{CardView, KpiLine, provide_card_store, watch_card};
use crate::ui::widgets::kpi_movement::{change_badge, pace_badge};
use crate::ui::widgets::status_badge::StatusBadge;
use crate::ui::widgets::why_button::WhyButton;

/// The `dataTransfer` type that carries a dragged sub-objective's id.
const DRAG_TYPE: &str = "application/x-smsc-sub-objective";

/// The four factor quadrants, with the store their cards read from.
#[component]
pub fn FourQuadrants() -> impl IntoView {
    provide_card_store(AppState::expect());
    FactorKind::ALL
        .into_iter()
        .map(|kind| view! { <Quadrant kind=kind /> })
        .collect_view()
}

/// The quadrant of one factor.
#[component]
fn Quadrant(kind: FactorKind) -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let label = move || state.doc.with(|d| d.factor(kind).label.clone());
    let question = move || state.doc.with(|d| d.factor(kind).key_question.clone());
    let ids = move || {
        state.doc.with(|d| {
            d.factor(kind)
                .sub_objectives
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let title = tr(
            lang.get_untracked(),
            "New sub-objective",
            "Nieuwe subdoelstelling",
        );
        if let Some(id) = state.dispatch(Command::AddSubObjective {
            factor: kind,
            title: title.into(),
        }) {
            state.selection.set(Some(Selection::SubObjective(id)));
        }
    };
    let on_drop_end = move |ev: web_sys::DragEvent| {
        if let Some(id) = dragged_id(&ev) {
            ev.prevent_default();
            let end = state
                .doc
                .with_untracked(|d| d.factor(kind).sub_objectives.len());
            state.dispatch(Command::MoveSubObjective {
                id,
                factor: kind,
                to_index: end,
            });
        }
    };
    let heading_id = format!("quadrant-{}-heading", kind.key());
    let labelled_by = heading_id.clone();
    let score = Signal::derive(move || state.evaluation.with(|e| e.factor(kind)));
    // A workshop group's copy marks the factors handed to it (nothing else changes).
    let assigned = Memo::new(move |_| {
        state.doc.with(|d| {
            d.lineage
                .group
                .as_ref()
                .is_some_and(|g| g.factors.contains(&kind))
        })
    });
    view! {
        <section
            class="quadrant"
            class:assigned=move || assigned.get()
            data-assigned=move || assigned.get().then_some("true")
            data-factor=kind.key()
            data-testid=format!("quadrant-{}", kind.key())
            aria-labelledby=labelled_by
            on:dragover=|ev: web_sys::DragEvent| ev.prevent_default()
            on:drop=on_drop_end
        >
            <Show when=move || assigned.get()>
                <p class="assigned-tag" data-testid="assigned-tag">
                    {move || tr(lang.get(), "Your group's part", "Het deel van jullie groep")}
                </p>
            </Show>
            <div class="quadrant-head">
                <h2 id=heading_id>{label}</h2>
                <span class="score-and-why">
                    <StatusBadge score=score />
                    <WhyButton target=ScoreRef::Factor(kind) />
                </span>
            </div>
            <p class="key-question" data-testid="key-question">{question}</p>
            <Show
                when=move || !ids().is_empty()
                fallback=move || {
                    view! {
                        <p class="empty-note">
                            {move || tr(lang.get(), "No sub-objectives yet.", "Nog geen subdoelstellingen.")}
                        </p>
                    }
                }
            >
                <ul class="sub-objective-list">
                    <For each=ids key=|id| id.clone() let:id>
                        <SubObjectiveCard id=id kind=kind />
                    </For>
                </ul>
            </Show>
            <button type="button" class="add-button" data-testid="add-sub-objective" on:click=add
                inert=move || state.projector.get()>
                {move || tr(lang.get(), "+ Add sub-objective", "+ Subdoelstelling toevoegen")}
            </button>
        </section>
    }
}

fn dragged_id(ev: &web_sys::DragEvent) -> Option<String> {
    ev.data_transfer()
        .and_then(|dt| dt.get_data(DRAG_TYPE).ok())
        .filter(|id| !id.is_empty())
}

/// One sub-objective in its quadrant.
#[component]
fn SubObjectiveCard(id: String, kind: FactorKind) -> impl IntoView {
    let state = AppState::expect();
    // What the card shows, from the store: an edit elsewhere does not wake this card.
    let card = watch_card(&id);
    let score = Signal::derive(move || card.with(|c| c.as_ref().map_or(Score::GREY, |c| c.score)));
    let select_id = id.clone();
    let selected_id = id.clone();
    let is_selected = move || {
        state
            .selection
            .with(|s| s.as_ref() == Some(&Selection::SubObjective(selected_id.clone())))
    };
    let move_id = id.clone();
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if !ev.alt_key() {
            return;
        }
        let step: isize = match ev.key().as_str() {
            "ArrowUp" => -1,
            "ArrowDown" => 1,
            _ => return,
        };
        ev.prevent_default();
        let Some(at) = state
            .doc
            .with_untracked(|d| d.locate_sub_objective(&move_id))
        else {
            return;
        };
        let to = at.index as isize + step;
        if to < 0 {
            return;
        }
        state.dispatch(Command::MoveSubObjective {
            id: move_id.clone(),
            factor: at.factor,
            to_index: to as usize,
        });
        refocus_card(&move_id);
    };
    let drag_id = id.clone();
    let on_drag_start = move |ev: web_sys::DragEvent| {
        if let Some(dt) = ev.data_transfer() {
            let _ = dt.set_data(DRAG_TYPE, &drag_id);
            dt.set_effect_allowed("move");
        }
    };
    let why = ScoreRef::SubObjective(id.clone());
    // A click anywhere on the card opens it too (the keyboard uses its button).
    let click_id = id.clone();
    let on_card_click = move |_| {
        if !state.projector.get_untracked() {
            state
                .selection
                .set(Some(Selection::SubObjective(click_id.clone())));
        }
    };
    let drop_id = id.clone();
    let on_drop = move |ev: web_sys::DragEvent| {
        let Some(dragged) = dragged_id(&ev) else {
            return;
        };
        ev.prevent_default();
        ev.stop_propagation();
        if dragged == drop_id {
            return;
        }
        let Some(at) = state
            .doc
            .with_untracked(|d| d.locate_sub_objective(&drop_id))
        else {
            return;
        };
        state.dispatch(Command::MoveSubObjective {
            id: dragged,
            factor: kind,
            to_index: at.index,
        });
    };
    view! {
        <li
            class="sub-objective"
            class:selected=is_selected.clone()
            data-selected=move || is_selected().to_string()
            data-testid="sub-objective"
            data-id=id.clone()
            draggable="true"
            on:dragstart=on_drag_start
            on:dragover=|ev: web_sys::DragEvent| ev.prevent_default()
            on:drop=on_drop
            on:click=on_card_click
        >
            <div class="card-row">
                <button
                    type="button"
                    class="card-button"
                    data-testid="open-sub-objective"
                    data-card-id=id.clone()
                    aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                    inert=move || state.projector.get()
                    on:click=move |ev: web_sys::MouseEvent| {
                        ev.stop_propagation();
                        state.selection.set(Some(Selection::SubObjective(select_id.clone())));
                    }
                    on:keydown=on_key
                >
                    <span class="card-head">
                        <span class="sub-objective-title">
                            {move || card.with(|c| c.as_ref().map(|c| c.title.clone()).unwrap_or_default())}
                        </span>
                        <StatusBadge score=score />
                    </span>
                </button>
                <WhyButton target=why />
            </div>
            <CardDetails card=card />
        </li>
    }
}

/// Puts the focus back on a card after it moved (the list re-renders around it).
fn refocus_card(id: &str) {
    use wasm_bindgen::JsCast;
    let selector = format!("[data-card-id=\"{id}\"]");
    let id = id.to_string();
    request_animation_frame(move || {
        let found = document().query_selector(&selector).ok().flatten();
        if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
        let _ = id;
    });
}

/// A card's KPI lines and its owner and open actions. Each line is keyed by its KPI and
/// drawn again only when what it shows changed: a keystroke in a KPI's name redraws that
/// line, not every line of the card.
#[component]
fn CardDetails(card: Signal<Option<CardView>>) -> impl IntoView {
    let lang = AppState::expect().lang;
    let ids = Memo::new(move |_| {
        card.with(|c| {
            c.as_ref()
                .map(|c| c.kpis.iter().map(|k| k.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let meta = move || {
        card.with(|c| {
            c.as_ref()
                .map(|sub| card_meta(sub, lang.get()))
                .unwrap_or_default()
        })
    };
    view! {
        <For each=move || ids.get() key=|id| id.clone() let:id>
            {
                let line = Memo::new(move |_| {
                    card.with(|c| c.as_ref().and_then(|c| c.kpis.iter().find(|k| k.id == id).cloned()))
                });
                move || line.get().map(|k| kpi_line(&k, lang.get()))
            }
        </For>
        <span class="card-meta" data-testid="sub-objective-meta">{meta}</span>
    }
}

/// The owner and the open actions of a card, as its last line shows them.
fn card_meta(sub: &CardView, lang: Lang) -> String {
    let mut meta = Vec::new();
    if !sub.owner.is_empty() {
        meta.push(format!("{}: {}", tr(lang, "Owner", "Eigenaar"), sub.owner));
    }
    if sub.actions > 0 {
        meta.push(format!(
            "{}: {}",
            tr(lang, "Open actions", "Open acties"),
            sub.open_actions
        ));
    }
    meta.join(" · ")
}

fn kpi_line(kpi: &KpiLine, lang: Lang) -> impl IntoView + use<> {
    let target = target_text(
        kpi.direction,
        kpi.band_low,
        kpi.band_high,
        kpi.target,
        &kpi.unit,
        lang,
    )
    .unwrap_or_else(|| "–".into());
    let latest = kpi
        .latest
        .map(|v| value_with_unit(v, &kpi.unit, lang))
        .unwrap_or_else(|| "–".into());
    let (icon, word) = (status_icon(kpi.score.status), score_word(&kpi.score, lang));
    let change = kpi.change.map(|(delta, previous)| {
        change_badge(delta, previous, &kpi.unit, lang, "kpi-change-badge")
    });
    let pace = kpi.pace.map(|p| pace_badge(p, lang, "kpi-pace-badge"));
    view! {
        <div class="kpi-line" data-testid="kpi" data-id=kpi.id.clone()>
            <span class="kpi-line-text">
            <span class="kpi-title">
                <span class="status" data-status=status_key(kpi.score.status) data-testid="kpi-status">
                    <span class="status-icon" aria-hidden="true">{icon}</span>
                    <span class="visually-hidden">{word}</span>
                </span>
                " "
                <span class="kpi-name">{kpi.name.clone()}</span>
            </span>
            <span class="kpi-figures">
                <span>{format!("{}: {target}", tr(lang, "Target", "Doel"))}</span>
                <span>{format!("{}: {latest}", tr(lang, "Latest", "Laatste"))}</span>
                {change}
                {pace}
            </span>
            </span>
            <WhyButton target=ScoreRef::Kpi(kpi.id.clone()) />
        </div>
    }
}
