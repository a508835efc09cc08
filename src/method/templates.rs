//! Ready-made scorecards: a blank one and the article's food-supplements community example,
//! each in English and Dutch.

use crate::i18n::tr;
use crate::model::Extra;
use crate::model::date::Date;
use crate::model::enums::{ActionStatus, Direction, FactorKind, Frequency, Lang};
use crate::model::ids::*;
use crate::model::kpi::{Kpi, Measurement, TargetChange};
use crate::model::scorecard::{Objective, Scorecard};
use crate::model::series::{Aggregation, InputPoint, InputSeries};
use crate::model::sub_objective::{Action, SubObjective};

/// A blank scorecard: the four factors with their default labels and key questions.
pub fn blank(id: String, lang: Lang) -> Scorecard {
    Scorecard::new_blank(id, lang)
}

/// The id and name of every template, for a "new from template" menu.
pub fn names(lang: Lang) -> [(&'static str, &'static str); 2] {
    [
        ("blank", tr(lang, "Blank scorecard", "Lege scorecard")),
        (
            "example",
            tr(
                lang,
                "Example: food-supplements community",
                "Voorbeeld: community voor voedingssupplementen",
            ),
        ),
    ]
}

/// Builds the template with this name (`blank` or `example`), as written in the article
/// (the example's measurements January–March 2026).
pub fn by_name(name: &str, id: String, lang: Lang) -> Option<Scorecard> {
    match name {
        "blank" => Some(blank(id, lang)),
        "example" => Some(example(id, lang)),
        _ => None,
    }
}

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::from_ymd(y, m, d).unwrap_or_default()
}

struct Builder {
    card: Scorecard,
    lang: Lang,
}

impl Builder {
    /// The English or the Dutch text, by the scorecard's language, as an owned string.
    fn t(&self, en: &str, nl: &str) -> String {
        tr(self.lang, en, nl).to_string()
    }

    #[allow(clippy::too_many_arguments)]
    fn kpi(
        &mut self,
        name: (&str, &str),
        unit: (&str, &str),
        direction: Direction,
        baseline_target: (Option<f64>, Option<f64>),
        frequency: Frequency,
        source: (&str, &str),
        owner: (&str, &str),
        values: &[(Date, f64)],
    ) -> Kpi {
        let id = self.card.alloc_id(KPI_PREFIX);
        let mut kpi = Kpi::new(id, self.t(name.0, name.1));
        kpi.unit = self.t(unit.0, unit.1);
        kpi.direction = direction;
        (kpi.baseline, kpi.target) = baseline_target;
        kpi.frequency = frequency;
        kpi.data_source = self.t(source.0, source.1);
        kpi.owner = self.t(owner.0, owner.1);
        for (d, v) in values {
            let id = self.card.alloc_id(MEASUREMENT_PREFIX);
            kpi.measurements.push(Measurement {
                id,
                date: *d,
                value: *v,
                note: String::new(),
                extra: Extra::new(),
            });
        }
        kpi
    }

    fn objective(&mut self, title: (&str, &str), description: (&str, &str), kpi: Kpi) -> String {
        let id = self.card.alloc_id(OBJECTIVE_PREFIX);
        self.card.objectives.push(Objective {
            id: id.clone(),
            title: self.t(title.0, title.1),
            description: self.t(description.0, description.1),
            owner: self.t("Community manager", "Communitymanager"),
            kpis: vec![kpi],
            extra: Extra::new(),
        });
        id
    }

    fn sub_objective(
        &mut self,
        factor: FactorKind,
        title: (&str, &str),
        description: (&str, &str),
        owner: (&str, &str),
        contributes_to: Vec<String>,
    ) -> String {
        let id = self.card.alloc_id(SUB_OBJECTIVE_PREFIX);
        let mut so = SubObjective::new(id.clone(), self.t(title.0, title.1));
        so.description = self.t(description.0, description.1);
        so.owner = self.t(owner.0, owner.1);
        so.contributes_to = contributes_to;
        self.card.factor_mut(factor).sub_objectives.push(so);
        id
    }

    fn so_mut(&mut self, id: &str) -> &mut SubObjective {
        // The builder only passes ids it has just created.
        match self.card.sub_objective_mut(id) {
            Some(so) => so,
            None => unreachable!("template sub-objective {id} exists"),
        }
    }
}

/// The article's example: the community of a food-supplements company, with its mission,
/// the objectives loyalty / interaction / data / satisfaction, a sub-objective per factor
/// (including the 2-hour response time of product management and its two actions), a few
/// measurements in 2026 and one calculated KPI: the engagement rate of community posts from
/// two daily input series (interactions and reach, January–March 2026).
pub fn example(id: String, lang: Lang) -> Scorecard {
    let mut b = Builder {
        card: Scorecard::new_blank(id, lang),
        lang,
    };
    b.card.title = b.t("Community scorecard 2026", "Community-scorecard 2026");
    b.card.organisation = b.t(
        "Food-supplements company (example)",
        "Bedrijf in voedingssupplementen (voorbeeld)",
    );
    b.card.medium_name = b.t("Supplements community", "Supplementen-community");
    b.card.medium_kind = "Community".to_string();
    b.card.factors.medium.label = "Community".to_string();
    b.card.period_start = Some(date(2026, 1, 1));
    b.card.period_end = Some(date(2026, 12, 31));
    b.card.mission = b.t(
        "Our community brings customers and resellers together around the healthy use of our food supplements. Members get reliable answers quickly, share their experiences and help each other, so that they stay loyal, use our supplements well and recommend them to others.",
        "Onze community brengt klanten en wederverkopers samen rond het gezonde gebruik van onze voedingssupplementen. Leden krijgen snel betrouwbare antwoorden, delen hun ervaringen en helpen elkaar, zodat ze loyaal blijven, onze supplementen goed gebruiken en ze aanbevelen aan anderen.",
    );

    let k = b.kpi(
        (
            "Members still active after 12 months",
            "Leden na 12 maanden nog actief",
        ),
        ("%", "%"),
        Direction::HigherIsBetter,
        (Some(40.0), Some(60.0)),
        Frequency::Quarterly,
        ("Community platform", "Communityplatform"),
        ("Community manager", "Communitymanager"),
        &[(date(2026, 3, 31), 46.0)],
    );
    let loyalty = b.objective(
        ("Loyalty", "Loyaliteit"),
        (
            "60 % of the members are still active in the community after 12 months.",
            "60 % van de leden is na 12 maanden nog actief in de community.",
        ),
        k,
    );
    let k = b.kpi(
        (
            "Posts and replies per active member per month",
            "Berichten en reacties per actief lid per maand",
        ),
        ("count", "aantal"),
        Direction::HigherIsBetter,
        (Some(1.5), Some(3.0)),
        Frequency::Monthly,
        ("Platform statistics", "Platformstatistieken"),
        ("Community manager", "Communitymanager"),
        &[(date(2026, 3, 31), 2.4)],
    );
    let interaction = b.objective(
        ("Interaction", "Interactie"),
        (
            "Active members post or reply at least 3 times a month on average.",
            "Actieve leden plaatsen gemiddeld minstens 3 berichten of reacties per maand.",
        ),
        k,
    );
    let k = b.kpi(
        (
            "Members with a complete profile and consent",
            "Leden met een volledig profiel en toestemming",
        ),
        ("%", "%"),
        Direction::HigherIsBetter,
        (Some(35.0), Some(70.0)),
        Frequency::Quarterly,
        ("CRM and community platform", "CRM en communityplatform"),
        ("Marketing", "Marketing"),
        &[(date(2026, 3, 31), 52.0)],
    );
    let data = b.objective(
        ("Data", "Data"),
        (
            "70 % of the members have a complete profile and consented to the use of their data.",
            "70 % van de leden heeft een volledig profiel en gaf toestemming voor het gebruik van de gegevens.",
        ),
        k,
    );
    let k = b.kpi(
        (
            "Member satisfaction (survey)",
            "Tevredenheid van leden (enquête)",
        ),
        ("score 1–10", "cijfer 1–10"),
        Direction::HigherIsBetter,
        (Some(6.8), Some(8.0)),
        Frequency::Yearly,
        ("Survey tool", "Enquêtetool"),
        ("Customer service", "Klantenservice"),
        &[],
    );
    let satisfaction = b.objective(
        ("Satisfaction", "Tevredenheid"),
        (
            "Members rate the community at least 8 out of 10.",
            "Leden geven de community minstens een 8.",
        ),
        k,
    );

    // Customers
    let customers = b.sub_objective(
        FactorKind::Customers,
        (
            "Involve customers in using and reselling the supplements",
            "Klanten betrekken bij het gebruik en de wederverkoop van de supplementen",
        ),
        (
            "Members share how they use the supplements and recommend them to others.",
            "Leden delen hoe ze de supplementen gebruiken en bevelen ze aan bij anderen.",
        ),
        ("Marketing", "Marketing"),
        vec![loyalty.clone(), satisfaction.clone(), data],
    );
    let k = b.kpi(
        (
            "Members recommending products to others",
            "Leden die producten aanbevelen aan anderen",
        ),
        ("count", "aantal"),
        Direction::HigherIsBetter,
        (Some(20.0), Some(100.0)),
        Frequency::Monthly,
        ("Community platform", "Communityplatform"),
        ("Marketing", "Marketing"),
        &[
            (date(2026, 1, 31), 28.0),
            (date(2026, 2, 28), 41.0),
            (date(2026, 3, 31), 55.0),
        ],
    );
    b.so_mut(&customers).kpis.push(k);

    // Financial
    let financial = b.sub_objective(
        FactorKind::Financial,
        (
            "Run the community within budget",
            "De community binnen budget runnen",
        ),
        (
            "The community costs what was planned, no more and not much less.",
            "De community kost wat gepland is, niet meer en niet veel minder.",
        ),
        ("Finance", "Financiën"),
        vec![loyalty.clone()],
    );
    let mut k = b.kpi(
        ("Budget spent vs plan", "Besteed budget t.o.v. plan"),
        ("%", "%"),
        Direction::WithinBand,
        (None, None),
        Frequency::Quarterly,
        ("Finance", "Financiën"),
        ("Finance", "Financiën"),
        &[(date(2026, 3, 31), 98.0)],
    );
    (k.band_low, k.band_high) = (Some(95.0), Some(105.0));
    b.so_mut(&financial).kpis.push(k);

    // Organisation: the article's sub-objective
    let answers = b.sub_objective(
        FactorKind::Organisation,
        (
            "Members get answers to content questions quickly",
            "Leden krijgen snel antwoord op inhoudelijke vragen",
        ),
        (
            "The community manager or the webcare team gets an answer from product management within 2 hours.",
            "De communitymanager of het webcare-team krijgt binnen 2 uur antwoord van het productmanagement.",
        ),
        ("Product management", "Productmanagement"),
        vec![interaction.clone(), satisfaction.clone()],
    );
    let mut k = b.kpi(
        (
            "Response time of product management",
            "Responsetijd van het productmanagement",
        ),
        ("hours", "uur"),
        Direction::LowerIsBetter,
        (Some(8.0), Some(2.0)),
        Frequency::Monthly,
        (
            "Reporting tool of the community platform",
            "Rapportagetool van het communityplatform",
        ),
        ("Community manager", "Communitymanager"),
        &[
            (date(2026, 1, 31), 6.0),
            (date(2026, 2, 28), 3.5),
            (date(2026, 3, 31), 2.0),
        ],
    );
    k.description = b.t(
        "Maximum time between a content question of the community manager or webcare team and the answer of product management.",
        "Maximale tijd tussen een inhoudelijke vraag van de communitymanager of het webcare-team en het antwoord van het productmanagement.",
    );
    let train = b.card.alloc_id(ACTION_PREFIX);
    let appoint = b.card.alloc_id(ACTION_PREFIX);
    let actions = vec![
        Action {
            id: train,
            title: b.t(
                "Train product management in social media",
                "Productmanagement trainen in social media",
            ),
            owner: b.t("HR / training", "HR / opleidingen"),
            due: Some(date(2026, 2, 27)),
            status: ActionStatus::Done,
            note: String::new(),
            extra: Extra::new(),
        },
        Action {
            id: appoint,
            title: b.t(
                "Appoint a responsible person in product management",
                "Een verantwoordelijke binnen het productmanagement benoemen",
            ),
            owner: b.t("Head of product management", "Hoofd productmanagement"),
            due: Some(date(2026, 1, 31)),
            status: ActionStatus::Done,
            note: String::new(),
            extra: Extra::new(),
        },
    ];
    let so = b.so_mut(&answers);
    so.kpis.push(k);
    so.actions = actions;

    // Medium: the community itself
    let active = b.sub_objective(
        FactorKind::Medium,
        (
            "Grow an active community",
            "Een actieve community laten groeien",
        ),
        (
            "More members take part in discussions every month.",
            "Elke maand doen meer leden mee aan de discussies.",
        ),
        ("Community manager", "Communitymanager"),
        vec![interaction, loyalty],
    );
    let mut k = b.kpi(
        (
            "Active members (posted or replied in the last 30 days)",
            "Actieve leden (bericht of reactie in de laatste 30 dagen)",
        ),
        ("%", "%"),
        Direction::HigherIsBetter,
        (Some(15.0), Some(30.0)),
        Frequency::Monthly,
        ("Community platform", "Communityplatform"),
        ("Community manager", "Communitymanager"),
        &[
            (date(2026, 1, 31), 18.0),
            (date(2026, 2, 28), 22.0),
            (date(2026, 3, 31), 24.0),
        ],
    );
    k.target_history.push(TargetChange {
        date: date(2026, 2, 1),
        old: Some(25.0),
        new: Some(30.0),
        reason: b.t(
            "Raised after a strong start in January.",
            "Verhoogd na een sterke start in januari.",
        ),
        extra: Extra::new(),
    });
    b.so_mut(&active).kpis.push(k);

    // Cause → effect: organisation drives the medium, the medium drives customers.
    b.so_mut(&answers).leads_to = vec![active.clone(), customers.clone()];
    b.so_mut(&active).leads_to = vec![customers];

    // A calculated KPI: the engagement rate of community posts, from two daily series.
    let interactions = b.t("interactions", "interacties");
    let reach = b.t("reach", "bereik");
    let mut k = b.kpi(
        (
            "Engagement rate of community posts",
            "Engagementratio van communityberichten",
        ),
        ("%", "%"),
        Direction::HigherIsBetter,
        (Some(3.0), Some(5.0)),
        Frequency::Monthly,
        ("Community platform", "Communityplatform"),
        ("Community manager", "Communitymanager"),
        &[],
    );
    k.description = b.t(
        "Interactions (likes, replies, shares) on the month's posts divided by the people they reached, in per cent: the month's totals divided, not an average of daily rates.",
        "Interacties (likes, reacties, delen) op de berichten van de maand gedeeld door de mensen die ze bereikten, in procenten: de totalen van de maand gedeeld, geen gemiddelde van dagcijfers.",
    );
    k.formula = Some(format!("{interactions} / {reach} * 100"));
    let (reach_points, interaction_points) = example_daily_reach_and_interactions();
    let channel = b.t("Community platform", "Communityplatform");
    let series = vec![
        InputSeries {
            id: b.card.alloc_id(SERIES_PREFIX),
            key: interactions,
            name: b.t(
                "Interactions on community posts",
                "Interacties op communityberichten",
            ),
            unit: b.t("interactions", "interacties"),
            channel: channel.clone(),
            aggregation: Aggregation::Sum,
            points: interaction_points,
            sources: Vec::new(),
            extra: Extra::new(),
        },
        InputSeries {
            id: b.card.alloc_id(SERIES_PREFIX),
            key: reach,
            name: b.t(
                "People reached by community posts",
                "Mensen bereikt door communityberichten",
            ),
            unit: b.t("people", "personen"),
            channel,
            aggregation: Aggregation::Sum,
            points: reach_points,
            sources: Vec::new(),
            extra: Extra::new(),
        },
    ];
    b.card.series = series;
    b.so_mut(&active).kpis.push(k);
    b.card
}

/// The example's daily figures, 1 January – 31 March 2026 (day `i` = 0, 1, …, 89): reach
/// 1,400 + 10·i people, plus 600 on Saturdays and Sundays; interactions ⌊reach × (300 + 2·i)
/// / 10,000⌋, a rate rising from 3.0 % to 4.78 %. (Worked out by hand for the tests in
/// `tests/scores_report.rs`.)
fn example_daily_reach_and_interactions() -> (Vec<InputPoint>, Vec<InputPoint>) {
    daily_reach_and_interactions(date(2026, 1, 1), 90)
}

/// The example's daily figures for `days` days from `first` (the formula above).
pub(super) fn daily_reach_and_interactions(
    first: Date,
    days: i64,
) -> (Vec<InputPoint>, Vec<InputPoint>) {
    let mut reach = Vec::new();
    let mut interactions = Vec::new();
    for i in 0..days {
        let day = first.add_days(i);
        let weekend = day.as_time().weekday().number_days_from_monday() >= 5;
        let r = 1400 + 10 * i + if weekend { 600 } else { 0 };
        let n = r * (300 + 2 * i) / 10_000;
        let point = |value: i64| InputPoint {
            date: day,
            value: value as f64,
            note: String::new(),
            extra: Extra::new(),
        };
        reach.push(point(r));
        interactions.push(point(n));
    }
    (reach, interactions)
}
