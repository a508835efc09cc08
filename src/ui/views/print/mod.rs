//! The print view (`#print`): one A4 landscape page each for the strategy map (with its
//! connectors), the four quadrants, and the action list. On screen it is a preview with a
//! Print button; `style/print.css` hides the app around it on paper. Each page after the map
//! is zoomed down to fit its sheet when printing starts (the map does so itself).

use std::cell::Cell;

use leptos::prelude::*;

use crate::i18n::messages::scorecard_subtitle;
use crate::i18n::{APP_NAME, tr};
use crate::model::{FactorKind, Lang, Scorecard, text};
use crate::ui::session::state::{AppState, View};
use crate::ui::views::map::strategy_map::StrategyMap;
use crate::ui::views::scorecard::quadrant::FourQuadrants;

/// Height (CSS px) of an A4 landscape page inside 10 mm margins: 190 mm.
const PAGE_HEIGHT_PX: f64 = 190.0 * 96.0 / 25.4;

thread_local! {
    /// Set by [`open_and_print`]: print as soon as the print view has been laid out.
    static PRINT_WHEN_SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// Opens the print view and starts the browser's printing once it is shown (the header's
/// Print button). On the print view itself, prints at once.
pub fn open_and_print(state: AppState) {
    if state.view.get_untracked() == View::Print {
        print_now();
        return;
    }
    PRINT_WHEN_SHOWN.with(|p| p.set(true));
    state.go(View::Print);
}

fn print_now() {
    fit_pages();
    let _ = window().print();
}

/// Zooms each page's content down until it fits the A4 landscape sheet.
fn fit_pages() {
    use wasm_bindgen::JsCast;
    let Ok(pages) = document().query_selector_all(".print-fit") else {
        return;
    };
    for i in 0..pages.length() {
        let Some(el) = pages
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let style = el.style();
        let _ = style.remove_property("--print-zoom");
        let mut zoom = 1.0_f64;
        for _ in 0..4 {
            let height = el.get_bounding_client_rect().height();
            if !height.is_finite() || height <= PAGE_HEIGHT_PX {
                break;
            }
            zoom = (zoom * PAGE_HEIGHT_PX * 0.98 / height).max(0.3);
            let _ = style.set_property("--print-zoom", &format!("{zoom:.4}"));
        }
    }
}

/// The print preview and what is printed.
#[component]
pub fn PrintView() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    // Nothing is selected on paper.
    state.selection.set(None);

    // Fit the pages when the browser prepares to print (also from its own menu).
    let before = window_event_listener(leptos::ev::beforeprint, move |_| fit_pages());
    on_cleanup(move || before.remove());
    if PRINT_WHEN_SHOWN.with(|p| p.replace(false)) {
        // Two frames: the view is mounted, then laid out (and the map's connectors drawn).
        request_animation_frame(move || request_animation_frame(print_now));
    }

    let title = move || state.doc.with(|d| d.title.clone());
    let subtitle = move || {
        let lang = lang.get();
        state.doc.with(|d| scorecard_subtitle(d, lang))
    };
    let page_head = move |en: &'static str, nl: &'static str| {
        view! {
            <header class="print-page-head">
                <h2>{title}</h2>
                <span class="print-page-kind">{move || tr(lang.get(), en, nl)}</span>
                <span class="print-page-subtitle">{subtitle}</span>
                <span class="print-page-brand">{APP_NAME}</span>
            </header>
        }
    };

    view! {
        <div class="print-view" data-testid="print-view">
            <div class="print-toolbar" data-testid="print-toolbar">
                <p>
                    {move || tr(
                        lang.get(),
                        "Print preview: one A4 landscape page each for the strategy map, the scorecard and the action list.",
                        "Afdrukvoorbeeld: één A4-pagina liggend voor de strategiekaart, de scorecard en de actielijst.",
                    )}
                </p>
                <button type="button" class="primary" data-testid="print-now" on:click=move |_| print_now()>
                    {move || tr(lang.get(), "Print", "Afdrukken")}
                </button>
                <a class="link-button" href=format!("#{}", View::Report.fragment()) data-testid="print-report">
                    {move || tr(lang.get(), "One-page report of a month", "Rapport op één pagina van een maand")}
                </a>
                <a class="link-button" href=format!("#{}", View::Scorecard.fragment()) data-testid="print-back">
                    {move || tr(lang.get(), "Back to the scorecard", "Terug naar de scorecard")}
                </a>
            </div>
            <section class="print-page print-page-map" data-testid="print-page-map">
                <StrategyMap />
            </section>
            <section class="print-page print-page-scorecard" data-testid="print-page-scorecard">
                <div class="print-fit">
                    {page_head("Scorecard: the four factors", "Scorecard: de vier factoren")}
                    <div class="quadrants print-quadrants">
                        <FourQuadrants />
                    </div>
                </div>
            </section>
            <section class="print-page print-page-actions" data-testid="print-page-actions">
                <div class="print-fit">
                    {page_head("Action list", "Actielijst")}
                    {move || state.doc.with(|d| action_table(d, lang.get()))}
                </div>
            </section>
        </div>
    }
}

/// Every action of the scorecard, by factor and sub-objective.
fn action_table(doc: &Scorecard, lang: Lang) -> AnyView {
    let rows = FactorKind::ALL
        .into_iter()
        .flat_map(|kind| {
            let factor = doc.factor(kind);
            let label = if factor.label.trim().is_empty() {
                text::factor_label(kind, lang).to_string()
            } else {
                factor.label.clone()
            };
            factor.sub_objectives.iter().flat_map(move |sub| {
                let label = label.clone();
                sub.actions.iter().map(move |action| {
                    let due = action
                        .due
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "–".into());
                    view! {
                        <tr data-testid="print-action" data-id=action.id.clone()>
                            <td>{label.clone()}</td>
                            <td>{sub.title.clone()}</td>
                            <td class="print-action-title">{action.title.clone()}</td>
                            <td>{action.owner.clone()}</td>
                            <td class="print-nowrap">{due}</td>
                            <td class="print-nowrap">{crate::i18n::words::action_status_name(action.status, lang)}</td>
                        </tr>
                    }
                })
            })
        })
        .collect::<Vec<_>>();
    if rows.is_empty() {
        return view! {
            <p class="empty-note" data-testid="print-no-actions">
                {tr(lang, "No actions yet.", "Nog geen acties.")}
            </p>
        }
        .into_any();
    }
    view! {
        <table class="print-actions" data-testid="print-actions">
            <thead>
                <tr>
                    <th scope="col">{tr(lang, "Factor", "Factor")}</th>
                    <th scope="col">{tr(lang, "Sub-objective", "Subdoelstelling")}</th>
                    <th scope="col">{tr(lang, "Action", "Actie")}</th>
                    <th scope="col">{tr(lang, "Owner", "Eigenaar")}</th>
                    <th scope="col">{tr(lang, "Due", "Deadline")}</th>
                    <th scope="col">{tr(lang, "Status", "Status")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
