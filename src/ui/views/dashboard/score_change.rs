//! The change of the overall score and of each factor's score since the end of last month,
//! under their scores on the dashboard: "▲ +5 points since 31 March 2026"
//! (`Scorecard::change_since_month_end`, docs/scoring.md section 7).

use leptos::prelude::*;

use crate::i18n::score_change_words::score_change_text;
use crate::model::FactorKind;
use crate::model::period_scores::ChangeSinceMonthEnd;
use crate::ui::session::state::AppState;

/// The change of the overall score (`factor` `None`) or of a factor's; nothing when either
/// day has no score to compare.
#[component]
pub(super) fn ScoreChangeLine(
    change: Memo<ChangeSinceMonthEnd>,
    #[prop(optional)] factor: Option<FactorKind>,
) -> impl IntoView {
    let lang = AppState::expect().lang;
    let testid = if factor.is_some() {
        "dashboard-factor-change"
    } else {
        "dashboard-overall-change"
    };
    move || {
        change.with(|c| {
            let score = match factor {
                Some(kind) => c.factor(kind)?,
                None => &c.overall,
            };
            let points = score.points()?;
            let direction = if points > 0.0 {
                "up"
            } else if points < 0.0 {
                "down"
            } else {
                "same"
            };
            let text = score_change_text(points, c.since, lang.get());
            Some(view! {
                <p class="dash-change" data-testid=testid data-factor=factor.map(FactorKind::key)
                    data-direction=direction>{text}</p>
            })
        })
    }
}
