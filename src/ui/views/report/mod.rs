//! The one-page report of a period (`#report`): on screen a preview of the A4 page with a
//! toolbar, on paper (or as a PDF through the browser's print dialog) the page alone, in
//! portrait or landscape. Its content is `method::report::Report`, worked out from the
//! scorecard in the interface's language; style/report.css lays it out.

mod chart;
mod copy_text;
mod kpi_item;
pub mod layout;
mod page;
mod toolbar;

use leptos::prelude::*;

use crate::charts::trend::first_value_date;
use crate::method::report::{Report, default_period, review_held_on};
use crate::model::period_scores::month_of;
use crate::model::{Date, Period, Scorecard};
use crate::ui::session::state::AppState;

use layout::{Orientation, fit_page};
use page::ReportPage;
use toolbar::ReportToolbar;

/// The most months the period picker offers (five years).
const MAX_MONTHS: usize = 60;

/// The months the report can be made for, newest first: from the month of the first value
/// (or the scorecard's start) to the month of `today`, and `chosen` always among them.
fn months(card: &Scorecard, today: Date, chosen: Period) -> Vec<Period> {
    let this = month_of(today);
    let last = if chosen.start > this.start {
        chosen
    } else {
        this
    };
    let first = [first_value_date(card, last.end), card.period_start]
        .into_iter()
        .flatten()
        .min()
        .map(month_of)
        .unwrap_or(chosen);
    let mut list = vec![last];
    let mut at = last;
    while list.len() < MAX_MONTHS {
        match at.previous() {
            Some(p) if p.start >= first.start || p.start >= chosen.start => {
                list.push(p);
                at = p;
            }
            _ => break,
        }
    }
    list
}

/// The report view.
#[component]
pub fn ReportView() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    state.selection.set(None);
    let today = crate::web::browser::today();
    // The month of a review just recorded (review mode dates it today), else the last
    // month that is over on the app's "as of" day.
    let start = state.doc.with_untracked(|d| {
        review_held_on(d, today).unwrap_or_else(|| default_period(d, state.as_of.get_untracked()))
    });
    let period = RwSignal::new(start);
    let orientation = RwSignal::new(Orientation::remembered());

    let report = Memo::new(move |_| {
        let (period, lang) = (period.get(), lang.get());
        state.doc.with(|d| Report::build(d, period, today, lang))
    });
    let month_list = Memo::new(move |_| {
        let (as_of, chosen) = (state.as_of.get(), period.get());
        state.with_scored_doc(|d| months(d, as_of, chosen))
    });

    // The page is zoomed to fit its sheet whenever its content or orientation changes (so
    // the preview is what prints), and again when printing starts.
    Effect::new(move |_| {
        report.track();
        let o = orientation.get();
        request_animation_frame(move || fit_page(o));
    });
    let before = window_event_listener(leptos::ev::beforeprint, move |_| {
        fit_page(orientation.get_untracked())
    });
    on_cleanup(move || before.remove());

    let print = Callback::new(move |_| {
        fit_page(orientation.get_untracked());
        let _ = window().print();
    });
    let text = Callback::new(move |_| report.with_untracked(Report::to_text));

    view! {
        <section class="report-view" data-testid="report-view"
            aria-label=move || crate::method::report::words::report_kind(lang.get())>
            <ReportToolbar months=month_list period=period orientation=orientation lang=lang
                print=print text=text />
            <ReportPage report=report orientation=orientation />
        </section>
    }
}
