//! Browser tests (wasm-bindgen-test in headless Chromium): components mounted into the page,
//! and the localStorage adapter. Run by `scripts/test.sh`.

use leptos::prelude::*;
use smsc::model::{Date, FactorKind, Lang, Scorecard};
use smsc::ui::AppState;
use smsc::web::storage;
use wasm_bindgen_test::*;

use crate::support::mount;

fn as_of() -> Date {
    Date::from_ymd(2026, 4, 30).expect("a valid date")
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

#[wasm_bindgen_test]
fn the_shell_shows_the_four_quadrants_with_their_key_questions() {
    let doc = Scorecard::new_blank("sc-test".into(), Lang::En);
    let state = AppState::new(doc, Lang::En, as_of());
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });

    let headings = texts(&host, "[data-testid^=quadrant-] h2");
    assert_eq!(
        headings,
        ["Customers", "Financial", "Organisation", "Medium"]
    );
    let questions = texts(&host, "[data-testid=key-question]");
    assert_eq!(questions.len(), 4);
    assert_eq!(questions[0], "What are we going to do with customers?");
    assert_eq!(questions[2], "What must we do organisationally?");
    assert_eq!(
        texts(&host, "[data-testid=app-title]"),
        ["Social Media Scorecard"]
    );
}

#[wasm_bindgen_test]
async fn the_quadrants_follow_the_document_and_show_it_as_text() {
    let mut doc = Scorecard::new_blank("sc-test".into(), Lang::Nl);
    doc.mission = "<b>Samen</b> gezond".into();
    let state = AppState::new(doc, Lang::Nl, as_of());
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });

    assert_eq!(
        texts(&host, "[data-testid=mission]"),
        ["<b>Samen</b> gezond"]
    );
    assert!(
        host.query_selector("[data-testid=mission] b")
            .expect("selector")
            .is_none()
    );
    assert_eq!(
        texts(&host, "[data-testid=quadrant-customers] h2"),
        ["Klanten"]
    );

    // A change to the document shows at once.
    state.update_doc(|d| d.factor_mut(FactorKind::Medium).label = "Community".into());
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, "[data-testid=quadrant-medium] h2"),
        ["Community"]
    );
    state.update_doc(|d| d.mission = "Gezond samen".into());
    leptos::task::tick().await;
    assert_eq!(texts(&host, "[data-testid=mission]"), ["Gezond samen"]);
}

#[wasm_bindgen_test]
fn local_storage_keeps_what_was_saved_and_forgets_what_was_removed() {
    let key = "smsc.test.roundtrip";
    storage::remove(key).expect("remove");
    assert_eq!(storage::load_raw(key), Ok(None));
    storage::save_raw(key, "{\"a\":\"é ✓\"}").expect("save");
    assert_eq!(
        storage::load_raw(key),
        Ok(Some("{\"a\":\"é ✓\"}".to_string()))
    );
    // The same value read straight from the browser: the adapter stores the text as is.
    let raw = window()
        .local_storage()
        .ok()
        .flatten()
        .expect("localStorage")
        .get_item(key);
    assert_eq!(raw, Ok(Some("{\"a\":\"é ✓\"}".to_string())));
    storage::remove(key).expect("remove");
    assert_eq!(storage::load_raw(key), Ok(None));
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_quota_exceeded_not_a_panic() {
    let key = "smsc.test.quota";
    // Chromium allows about 5 MB (UTF-16) per origin: 6 million characters cannot fit.
    let huge = "x".repeat(6_000_000);
    assert_eq!(
        storage::save_raw(key, &huge),
        Err(storage::StorageError::QuotaExceeded)
    );
    assert_eq!(storage::load_raw(key), Ok(None));
}

/// The first KPI of `doc` that has a target and a measurement on or before `as_of`.
fn scored_kpi(doc: &Scorecard) -> (String, String) {
    doc.sub_objectives()
        .flat_map(|(_, s)| s.kpis.iter().map(move |k| (s.id.clone(), k)))
        .find(|(_, k)| k.target.is_some() && smsc::model::latest_measurement(k, as_of()).is_some())
        .map(|(sub, k)| (sub, k.id.clone()))
        .expect("the example has a scored KPI")
}

/// The evaluation is not worked out again after an edit that cannot move a score, so it
/// must still follow every edit that can, also when one comes right before such an edit.
#[wasm_bindgen_test]
fn the_scores_follow_every_edit_that_can_move_them() {
    use smsc::model::{Command, KpiField};
    let doc = smsc::method::templates::example("sc-eval".into(), Lang::En);
    let (_, kpi) = scored_kpi(&doc);
    let state = AppState::new(doc, Lang::En, as_of());
    let fresh = move || {
        state
            .doc
            .with_untracked(|d| d.evaluate(state.as_of.get_untracked()))
    };
    let rename = |name: &str| Command::UpdateKpi {
        id: kpi.clone(),
        field: KpiField::Name(name.into()),
    };
    let start = state.evaluation.get_untracked();
    assert_eq!(start, fresh());

    state.dispatch(rename("Renamed"));
    assert_eq!(state.evaluation.get_untracked(), start);
    assert_eq!(state.evaluation.get_untracked(), fresh());

    state.dispatch(Command::UpdateKpi {
        id: kpi.clone(),
        field: KpiField::Target(Some(1e9)),
    });
    let moved = state.evaluation.get_untracked();
    assert_ne!(moved.kpi(&kpi), start.kpi(&kpi));
    assert_eq!(moved, fresh());

    // Undo moves the score back; a rename right after must not hide that.
    state.seal_history();
    state.undo();
    state.dispatch(rename("Renamed again"));
    assert_eq!(state.evaluation.get_untracked(), fresh());
    assert_eq!(state.evaluation.get_untracked().kpi(&kpi), start.kpi(&kpi));

    // Another date, and a whole other version of the scorecard.
    state
        .as_of
        .set(Date::from_ymd(2025, 1, 31).expect("a valid date"));
    state.dispatch(rename("Earlier"));
    assert_eq!(state.evaluation.get_untracked(), fresh());
    state.load_doc(Scorecard::new_blank("sc-eval".into(), Lang::En));
    assert_eq!(state.evaluation.get_untracked(), fresh());
    assert_eq!(state.evaluation.get_untracked().kpi(&kpi), None);
}

/// A command the model refuses changes nothing at all: no watcher of the scorecard wakes (so
/// nothing is marked unsaved and nothing is scored again), the undo history is as it was,
/// and the refusal is shown. Undo and Redo with nothing to step wake nothing either.
#[wasm_bindgen_test]
async fn a_refused_command_wakes_no_watcher() {
    use smsc::model::{Command, KpiField};
    use std::cell::Cell;
    use std::rc::Rc;
    let doc = smsc::method::templates::example("sc-refused".into(), Lang::En);
    let (_, kpi) = scored_kpi(&doc);
    let state = AppState::new(doc, Lang::En, as_of());
    let wakes = Rc::new(Cell::new(0u32));
    let seen = Rc::clone(&wakes);
    let (_host, _handle) = mount(move || {
        Effect::new(move |_| {
            state.doc.track();
            seen.set(seen.get() + 1);
        });
    });
    leptos::task::tick().await;
    let before = wakes.get();
    assert!(before >= 1, "the watcher ran once at the start");
    let scored = state.evaluation.get_untracked();

    state.undo();
    state.redo();
    state.dispatch(Command::RemoveKpi {
        id: "kpi-that-does-not-exist".into(),
    });
    leptos::task::tick().await;
    assert_eq!(wakes.get(), before, "a refused command woke a watcher");
    assert!(!state.history.with_untracked(|h| h.can_undo()));
    let notice = state.notice.get_untracked().expect("the refusal is shown");
    assert!(notice.is_error);
    assert_eq!(state.evaluation.get_untracked(), scored);

    // An accepted command does wake it, once.
    state.dispatch(Command::UpdateKpi {
        id: kpi,
        field: KpiField::Target(Some(1e9)),
    });
    leptos::task::tick().await;
    assert_eq!(wakes.get(), before + 1);
}

/// Cards read what they show from one store that follows the scorecard: a card shows an
/// edit of its own KPI's score and of its title, leaves when its sub-objective is removed
/// and comes back in full with Undo.
#[wasm_bindgen_test]
async fn cards_follow_their_sub_objective_and_its_scores() {
    use smsc::model::{Command, KpiField, SubObjectiveField};
    let doc = smsc::method::templates::example("sc-cards".into(), Lang::En);
    // A KPI that is not green yet; its latest value as the target makes it green.
    let eval = doc.evaluate(as_of());
    let (sub, kpi, latest) = doc
        .sub_objectives()
        .flat_map(|(_, s)| s.kpis.iter().map(move |k| (s.id.clone(), k)))
        .find_map(|(sub, k)| {
            let latest = eval.kpi_latest(&k.id)?;
            let not_green = eval.kpi(&k.id)?.status != smsc::model::Status::Green;
            (not_green && k.baseline.is_some_and(|b| b != latest))
                .then(|| (sub, k.id.clone(), latest))
        })
        .expect("the example has a KPI that is not green");
    let state = AppState::new(doc, Lang::En, as_of());
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    let card = format!("[data-testid=sub-objective][data-id={sub}]");
    let status = format!("{card} [data-testid=kpi][data-id={kpi}] [data-testid=kpi-status]");
    let status_of = |host: &web_sys::HtmlElement| {
        host.query_selector(&status)
            .expect("selector")
            .and_then(|e| e.get_attribute("data-status"))
    };
    let before = status_of(&host).expect("the KPI line shows a status");

    assert_ne!(before, "green");
    state.dispatch(Command::UpdateKpi {
        id: kpi.clone(),
        field: KpiField::Target(Some(latest)),
    });
    leptos::task::tick().await;
    assert_eq!(status_of(&host).as_deref(), Some("green"));

    state.dispatch(Command::UpdateSubObjective {
        id: sub.clone(),
        field: SubObjectiveField::Title("A new title".into()),
    });
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, &format!("{card} .sub-objective-title")),
        ["A new title"]
    );

    state.dispatch(Command::RemoveSubObjective { id: sub.clone() });
    leptos::task::tick().await;
    assert!(host.query_selector(&card).expect("selector").is_none());
    state.undo();
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, &format!("{card} .sub-objective-title")),
        ["A new title"]
    );
    assert_eq!(status_of(&host).as_deref(), Some("green"));
}

/// The dashboard's charts are not re-scored on a text edit, yet they follow every edit
/// that moves a score and a factor's new name; its KPI cards follow their KPI.
#[wasm_bindgen_test]
async fn the_dashboard_trend_follows_scores_and_factor_names() {
    use smsc::model::{Command, KpiField};
    let doc = smsc::method::templates::example("sc-dash".into(), Lang::En);
    let (_, kpi) = scored_kpi(&doc);
    let state = AppState::new(doc, Lang::En, as_of());
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    leptos::task::tick().await;
    state.view.set(smsc::ui::View::Dashboard);
    leptos::task::tick().await;
    let table = "[data-testid=dashboard-trend] [data-testid=chart-data-table]";
    let heads = |host: &web_sys::HtmlElement| texts(host, &format!("{table} thead th"));
    let cells = |host: &web_sys::HtmlElement| texts(host, &format!("{table} tbody td"));
    assert!(heads(&host).len() > 2, "{:?}", heads(&host));
    let before = cells(&host);
    assert!(!before.is_empty());

    state.dispatch(Command::SetFactorText {
        factor: FactorKind::Customers,
        label: "Fans".into(),
        key_question: "Who are they?".into(),
    });
    assert_eq!(
        state
            .doc
            .with_untracked(|d| d.factor(FactorKind::Customers).label.clone()),
        "Fans"
    );
    leptos::task::tick().await;
    assert!(
        heads(&host).contains(&"Fans".to_string()),
        "{:?}",
        heads(&host)
    );
    assert_eq!(cells(&host), before);

    // The KPI's card follows its name and its target.
    let kpi_card = format!("[data-testid=dashboard-kpi][data-id={kpi}]");
    let target_shown = texts(
        &host,
        &format!("{kpi_card} [data-testid=dashboard-kpi-target]"),
    );
    state.dispatch(Command::UpdateKpi {
        id: kpi.clone(),
        field: KpiField::Name("Renamed KPI".into()),
    });
    leptos::task::tick().await;
    assert_eq!(
        texts(
            &host,
            &format!("{kpi_card} [data-testid=dashboard-kpi-open]")
        ),
        ["Renamed KPI"]
    );
    // The sparkline's text alternative too (its series is not recomputed for a rename).
    let spark_label = host
        .query_selector(&format!("{kpi_card} canvas"))
        .expect("selector")
        .and_then(|c| c.get_attribute("aria-label"))
        .expect("the sparkline has a label");
    assert!(spark_label.contains("Renamed KPI"), "{spark_label}");

    state.dispatch(Command::UpdateKpi {
        id: kpi,
        field: KpiField::Target(Some(1e9)),
    });
    leptos::task::tick().await;
    assert_ne!(cells(&host), before);
    let target_now = texts(
        &host,
        &format!("{kpi_card} [data-testid=dashboard-kpi-target]"),
    );
    assert_eq!(target_now.len(), 1);
    assert_ne!(target_now, target_shown);
}

/// Projector mode changes nothing: every command is refused with a message (as the read-only
/// share view does), and the views take no focus or input (`inert`) — on the scorecard, the
/// map and the dashboard every control but "Why this score?" is `inert` itself.
#[wasm_bindgen_test]
async fn projector_mode_refuses_every_command_and_makes_the_views_inert() {
    use smsc::model::{Command, ScorecardField};
    let doc = smsc::method::templates::example("sc-projector".into(), Lang::En);
    let state = AppState::new(doc, Lang::En, as_of());
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    let views = host
        .query_selector("[data-testid=views]")
        .expect("a selector")
        .expect("the views");
    assert!(!views.has_attribute("inert"));
    let before = state.doc.get_untracked();

    state.projector.set(true);
    leptos::task::tick().await;
    let inert = |selector: &str| {
        host.query_selector(selector)
            .expect("a selector")
            .unwrap_or_else(|| panic!("{selector}"))
            .has_attribute("inert")
    };
    assert!(
        inert("[data-testid=mission]") && inert("[data-testid=open-sub-objective]"),
        "the scorecard's controls inert in projector mode"
    );
    assert!(
        !inert("[data-testid=why-overall], [data-testid^=why-factor-]"),
        "its explanations can be shown"
    );
    state.go(smsc::ui::View::Workshop);
    leptos::task::tick().await;
    assert!(
        views.has_attribute("inert"),
        "views inert in projector mode"
    );
    state.go(smsc::ui::View::Scorecard);
    let refused = state.try_dispatch_keyed(
        Command::SetScorecardField {
            field: ScorecardField::Mission("Typed by accident".into()),
        },
        None,
    );
    let message = refused.expect_err("refused in projector mode");
    assert!(message.contains("Projector mode"), "{message}");
    assert_eq!(state.doc.get_untracked(), before);

    state.projector.set(false);
    leptos::task::tick().await;
    assert!(!views.has_attribute("inert"));
    state.dispatch(Command::SetScorecardField {
        field: ScorecardField::Mission("Changed on purpose".into()),
    });
    assert_eq!(state.doc.get_untracked().mission, "Changed on purpose");
}

/// In projector mode the arrow keys step through the scorecard, map, dashboard and
/// workshop, cycling; from the library or the print preview → goes to the first.
#[wasm_bindgen_test]
fn projector_arrows_step_through_every_shown_view() {
    use smsc::ui::View;
    use smsc::ui::app::projector::next_view;
    let mut view = View::Scorecard;
    let mut seen = Vec::new();
    for _ in 0..4 {
        view = next_view(view, true);
        seen.push(view);
    }
    assert_eq!(
        seen,
        [View::Map, View::Dashboard, View::Workshop, View::Scorecard]
    );
    assert_eq!(next_view(View::Dashboard, true), View::Workshop);
    assert_eq!(next_view(View::Dashboard, false), View::Map);
    assert_eq!(next_view(View::Scorecard, false), View::Workshop);
    assert_eq!(next_view(View::Library, true), View::Scorecard);
    assert_eq!(next_view(View::Print, false), View::Workshop);
}

/// A KPI whose latest measurement is too old is grey but keeps its last score: the badge says
/// "Out of date 30 %", never "No data 30 %"; a score without any value says "No data".
#[wasm_bindgen_test]
fn a_stale_score_reads_out_of_date() {
    use smsc::model::{Score, Status};
    use smsc::ui::widgets::status_badge::StatusBadge;
    let state = AppState::new(
        Scorecard::new_blank("sc-badge".into(), Lang::En),
        Lang::En,
        as_of(),
    );
    let stale = Score {
        value: Some(0.3),
        status: Status::Grey,
    };
    let (host, _handle) = mount(move || {
        provide_context(state);
        view! {
            <StatusBadge score=Signal::derive(move || stale) />
            <StatusBadge score=Signal::derive(|| Score::GREY) />
        }
    });
    let badges = texts(&host, "[data-testid=status]");
    assert_eq!(badges.len(), 2);
    assert!(badges[0].contains("Out of date"), "{badges:?}");
    assert!(badges[0].contains("30"), "{badges:?}");
    assert!(!badges[0].contains("No data"), "{badges:?}");
    assert!(badges[1].contains("No data"), "{badges:?}");
}

/// The reporting period is shown in the dashboard's heading, in the interface language, and
/// not at all when the scorecard has none.
#[wasm_bindgen_test]
async fn the_dashboard_shows_the_reporting_period() {
    use smsc::model::{Command, ScorecardField};
    let doc = Scorecard::new_blank("sc-period".into(), Lang::En);
    let state = AppState::new(doc, Lang::En, as_of());
    let (host, _handle) = mount(move || view! { <smsc::ui::ScorecardApp state=state /> });
    state.view.set(smsc::ui::View::Dashboard);
    leptos::task::tick().await;
    assert!(texts(&host, "[data-testid=dashboard-period]").is_empty());
    let date = |y, m, d| Some(Date::from_ymd(y, m, d).expect("a date"));
    state.dispatch(Command::SetScorecardField {
        field: ScorecardField::PeriodStart(date(2026, 1, 1)),
    });
    state.dispatch(Command::SetScorecardField {
        field: ScorecardField::PeriodEnd(date(2026, 12, 31)),
    });
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, "[data-testid=dashboard-period]"),
        ["Reporting period: 1 January 2026 – 31 December 2026"]
    );
    state.lang.set(Lang::Nl);
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, "[data-testid=dashboard-period]"),
        ["Rapportageperiode: 1 januari 2026 – 31 december 2026"]
    );
}
