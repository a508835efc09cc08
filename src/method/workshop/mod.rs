//! The guided workshop: the method's seven steps as pure data (title, the method's question,
//! a tip, the article's example, in English and Dutch), whether each step is done for a
//! scorecard, what it still lacks, where the facilitator was, and the group's countdown.
//! No web dependency, so it is tested natively; `ui::workshop` draws it.

use crate::i18n::format::parse_number;
use crate::model::{Direction, FactorKind, Kpi, Lang, Scorecard, text};

/// The localStorage key that remembers the current step (`"1"` … `"7"`).
pub const STORAGE_KEY: &str = "smsc.workshop.step";

/// How many steps the workshop has.
pub const STEP_COUNT: usize = 7;

/// A text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Dutch.
    pub nl: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Nl => self.nl,
        }
    }
}

const fn t(en: &'static str, nl: &'static str) -> Text {
    Text { en, nl }
}

/// What a step works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepKind {
    /// 1: the social media mission.
    Mission,
    /// 2: the social media objectives.
    Objectives,
    /// 3: the four factors and their key questions.
    Factors,
    /// 4: sub-objectives per factor.
    SubObjectives,
    /// 5: KPIs with baseline, target and data source.
    Kpis,
    /// 6: actions and owners.
    Actions,
    /// 7: the monitoring plan: who measures what, how often.
    Monitoring,
}

impl StepKind {
    /// A stable key, e.g. `sub-objectives` (for test ids and CSS).
    pub fn key(self) -> &'static str {
        match self {
            StepKind::Mission => "mission",
            StepKind::Objectives => "objectives",
            StepKind::Factors => "factors",
            StepKind::SubObjectives => "sub-objectives",
            StepKind::Kpis => "kpis",
            StepKind::Actions => "actions",
            StepKind::Monitoring => "monitoring",
        }
    }
}

/// One step of the workshop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// 1 to 7.
    pub number: usize,
    /// What the step works on.
    pub kind: StepKind,
    /// Short title for the stepper, e.g. "Mission".
    pub short: Text,
    /// The step's title, e.g. "The social media mission".
    pub title: Text,
    /// The method's question for the group.
    pub question: Text,
    /// How to answer it well, from the method.
    pub tip: Text,
    /// The article's example (the food-supplements community).
    pub example: Text,
}

/// The seven steps, in order.
pub const STEPS: [Step; STEP_COUNT] = [
    Step {
        number: 1,
        kind: StepKind::Mission,
        short: t("Mission", "Missie"),
        title: t("The social media mission", "De social media missie"),
        question: t(
            "What do we stand for on social media?",
            "Waar staan we voor op social media?",
        ),
        tip: t(
            "Don't start from “we must do something with social media”. Ask instead: how can social media contribute to the organisation's objectives?",
            "Begin niet bij “we moeten iets met social media”. Vraag je af: hoe kunnen social media bijdragen aan het behalen van de organisatiedoelstellingen?",
        ),
        example: t(
            "A food-supplements company runs a community to reach its objectives and to involve customers in using and reselling its supplements: “Our community brings customers and resellers together around the healthy use of our supplements.”",
            "Een bedrijf in voedingssupplementen zet een community in om zijn doelstellingen te halen en klanten te betrekken bij het gebruik en de wederverkoop van zijn supplementen: “Onze community brengt klanten en wederverkopers samen rond het gezonde gebruik van onze supplementen.”",
        ),
    },
    Step {
        number: 2,
        kind: StepKind::Objectives,
        short: t("Objectives", "Doelstellingen"),
        title: t(
            "The social media objectives",
            "De social media doelstellingen",
        ),
        question: t("What do we want to achieve?", "Wat willen we bereiken?"),
        tip: t(
            "Translate the strategy into concrete, realistic objectives. Make each one measurable, and keep the strategy map on one A4 page.",
            "Vertaal de strategie naar concrete en realistische doelstellingen. Maak elke doelstelling meetbaar en houd de strategiekaart op één A4.",
        ),
        example: t(
            "The community sets concrete objectives for loyalty, interaction, data and satisfaction, e.g. Loyalty: 60 % of the members are still active after 12 months.",
            "De community krijgt concrete doelstellingen voor loyaliteit, interactie, data en tevredenheid, bijv. Loyaliteit: 60 % van de leden is na 12 maanden nog actief.",
        ),
    },
    Step {
        number: 3,
        kind: StepKind::Factors,
        short: t("Four factors", "Vier factoren"),
        title: t("The four factors", "De vier factoren"),
        question: t(
            "Which four factors together make sure the objectives are reached?",
            "Welke vier factoren zorgen er samen voor dat de doelstellingen gehaald worden?",
        ),
        tip: t(
            "Customers, Financial, Organisation and the medium itself. Name the medium you use and agree on the key question of each factor: all four must be filled in and monitored.",
            "Klanten, Financieel, Organisatie en het medium zelf. Geef het medium de naam die je gebruikt en spreek per factor de kernvraag af: alle vier moeten ingevuld én gemonitord worden.",
        ),
        example: t(
            "What are we going to do with customers? What are the financial aspects of the community? What must we do organisationally? And what must happen to the community itself to reach the objectives?",
            "Wat gaan we met klanten doen? Wat zijn de financiële aspecten van de community? Wat moeten we organisatorisch doen? En wat moet er aan de community zelf gebeuren om de doelstellingen te halen?",
        ),
    },
    Step {
        number: 4,
        kind: StepKind::SubObjectives,
        short: t("Sub-objectives", "Subdoelstellingen"),
        title: t("Sub-objectives per factor", "Subdoelstellingen per factor"),
        question: t(
            "Per factor: what must we achieve so that the objectives are reached?",
            "Per factor: wat moeten we bereiken om de doelstellingen te halen?",
        ),
        tip: t(
            "Give every factor at least one sub-objective. Open a card to link it to the objectives it contributes to.",
            "Geef elke factor minstens één subdoelstelling. Open een kaart om haar te koppelen aan de doelstellingen waaraan ze bijdraagt.",
        ),
        example: t(
            "Organisation: members get quick answers to their questions about content.",
            "Organisatie: leden krijgen snel antwoord op inhoudelijke vragen.",
        ),
    },
    Step {
        number: 5,
        kind: StepKind::Kpis,
        short: t("KPIs", "KPI's"),
        title: t(
            "KPIs with baseline, target and data source",
            "KPI's met nulmeting, doel en databron",
        ),
        question: t(
            "How do we measure each sub-objective, and what is the target?",
            "Hoe meten we elke subdoelstelling, en wat is het doel?",
        ),
        tip: t(
            "Name the indicator and its unit, say which way is good, write down where we are now (baseline) and where we want to be (target), and where the figure comes from.",
            "Benoem de indicator en de eenheid, zeg welke kant goed is, noteer waar we nu staan (nulmeting) en waar we naartoe willen (doel), en waar het cijfer vandaan komt.",
        ),
        example: t(
            "Response time of product management, in hours, lower is better: the community manager or webcare team gets an answer within 2 hours. Data source: the reporting tool.",
            "Responsetijd van het productmanagement, in uren, lager is beter: de communitymanager of het webcare-team krijgt binnen 2 uur antwoord. Databron: de rapportagetool.",
        ),
    },
    Step {
        number: 6,
        kind: StepKind::Actions,
        short: t("Actions", "Acties"),
        title: t("Actions and owners", "Acties en eigenaren"),
        question: t(
            "What must be done to reach each sub-objective, and who does it?",
            "Wat moet er gebeuren om elke subdoelstelling te bereiken, en wie doet het?",
        ),
        tip: t(
            "Ask per sub-objective what it takes, and give every action an owner and, where you can, a date.",
            "Vraag per subdoelstelling wat ervoor nodig is, en geef elke actie een eigenaar en waar het kan een datum.",
        ),
        example: t(
            "To answer within 2 hours, product management is trained in social media, and a responsible person within product management is appointed.",
            "Om binnen 2 uur te antwoorden wordt het productmanagement getraind op social media en wordt binnen het productmanagement een verantwoordelijke benoemd.",
        ),
    },
    Step {
        number: 7,
        kind: StepKind::Monitoring,
        short: t("Monitoring", "Monitoring"),
        title: t("The monitoring plan", "Het monitoringplan"),
        question: t(
            "Who measures what, how often, and from which source?",
            "Wie meet wat, hoe vaak, en uit welke bron?",
        ),
        tip: t(
            "The scorecard is a living instrument: every KPI gets an owner who enters its measurements period by period.",
            "De scorecard is een levend instrument: elke KPI krijgt een eigenaar die de metingen periode na periode invoert.",
        ),
        example: t(
            "The community manager checks every month in the reporting tool that the maximum response time is indeed 2 hours.",
            "De communitymanager controleert elke maand in de rapportagetool dat de maximale responsetijd inderdaad 2 uur is.",
        ),
    },
];

/// The step with this number (1 to 7).
pub fn step(number: usize) -> Option<&'static Step> {
    STEPS.get(number.checked_sub(1)?)
}

/// The step remembered in storage, or step 1 for anything unreadable or out of range.
pub fn parse_stored_step(raw: Option<&str>) -> usize {
    raw.and_then(|s| s.trim().parse::<usize>().ok())
        .filter(|n| (1..=STEP_COUNT).contains(n))
        .unwrap_or(1)
}

/// True when the KPI has what step 5 asks: a target (for a band KPI: a band limit), a
/// baseline (not needed for a band KPI) and a data source.
pub fn kpi_is_measurable(kpi: &Kpi) -> bool {
    let band = kpi.direction == Direction::WithinBand;
    let target = if band {
        kpi.band_low.is_some() || kpi.band_high.is_some()
    } else {
        kpi.target.is_some()
    };
    target && (band || kpi.baseline.is_some()) && !kpi.data_source.trim().is_empty()
}

/// True when the KPI has what step 7 asks: an owner and a data source (a frequency it
/// always has).
pub fn kpi_is_monitored(kpi: &Kpi) -> bool {
    !kpi.owner.trim().is_empty() && !kpi.data_source.trim().is_empty()
}

/// True when the Medium factor carries the name of the group's own medium (e.g.
/// "Community") rather than the placeholder "Medium".
fn medium_is_named(card: &Scorecard) -> bool {
    let label = card.factor(FactorKind::Medium).label.trim();
    let placeholder = Lang::ALL
        .iter()
        .any(|l| label == text::factor_label(FactorKind::Medium, *l));
    (!label.is_empty() && !placeholder) || !card.medium_kind.trim().is_empty()
}

/// What a step still lacks for this scorecard; empty when the step is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// No mission written.
    NoMission,
    /// No objective yet.
    NoObjectives,
    /// Objectives without a title (how many).
    UntitledObjectives(usize),
    /// A factor without label or key question (its kind).
    FactorText(FactorKind),
    /// The medium is not named yet.
    MediumUnnamed,
    /// Factors without a sub-objective (their labels).
    EmptyFactors(Vec<String>),
    /// No sub-objective at all, so nothing to measure or act on.
    NoSubObjectives,
    /// Sub-objectives without a KPI (their titles).
    WithoutKpi(Vec<String>),
    /// KPIs lacking baseline, target or data source (their names).
    KpisIncomplete(Vec<String>),
    /// No action at all.
    NoActions,
    /// Actions without an owner (their titles).
    ActionsWithoutOwner(Vec<String>),
    /// No KPI at all.
    NoKpis,
    /// KPIs lacking an owner or data source (their names).
    KpisUnmonitored(Vec<String>),
}

impl Gap {
    /// The gap in words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let list = |items: &[String]| {
            items
                .iter()
                .map(|s| format!("“{s}”"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Gap::NoMission if nl => "Nog geen missie.".into(),
            Gap::NoMission => "No mission yet.".into(),
            Gap::NoObjectives if nl => "Nog geen doelstellingen.".into(),
            Gap::NoObjectives => "No objectives yet.".into(),
            Gap::UntitledObjectives(n) if nl => format!("{n} doelstelling(en) zonder titel."),
            Gap::UntitledObjectives(n) => format!("{n} objective(s) without a title."),
            Gap::FactorText(kind) if nl => format!(
                "Factor {} mist een label of kernvraag.",
                text::factor_label(*kind, lang)
            ),
            Gap::FactorText(kind) => format!(
                "Factor {} lacks a label or key question.",
                text::factor_label(*kind, lang)
            ),
            Gap::MediumUnnamed if nl => "Geef het medium zijn naam, bijv. “Community”.".into(),
            Gap::MediumUnnamed => "Name the medium, e.g. “Community”.".into(),
            Gap::EmptyFactors(labels) if nl => {
                format!("Nog zonder subdoelstelling: {}.", list(labels))
            }
            Gap::EmptyFactors(labels) => {
                format!("Still without a sub-objective: {}.", list(labels))
            }
            Gap::NoSubObjectives if nl => "Nog geen subdoelstellingen (stap 4).".into(),
            Gap::NoSubObjectives => "No sub-objectives yet (step 4).".into(),
            Gap::WithoutKpi(titles) if nl => format!("Nog zonder KPI: {}.", list(titles)),
            Gap::WithoutKpi(titles) => format!("Still without a KPI: {}.", list(titles)),
            Gap::KpisIncomplete(names) if nl => format!(
                "Nulmeting, doel of databron ontbreekt bij: {}.",
                list(names)
            ),
            Gap::KpisIncomplete(names) => format!(
                "Baseline, target or data source missing for: {}.",
                list(names)
            ),
            Gap::NoActions if nl => "Nog geen acties.".into(),
            Gap::NoActions => "No actions yet.".into(),
            Gap::ActionsWithoutOwner(titles) if nl => {
                format!("Acties zonder eigenaar: {}.", list(titles))
            }
            Gap::ActionsWithoutOwner(titles) => {
                format!("Actions without an owner: {}.", list(titles))
            }
            Gap::NoKpis if nl => "Nog geen KPI's (stap 5).".into(),
            Gap::NoKpis => "No KPIs yet (step 5).".into(),
            Gap::KpisUnmonitored(names) if nl => {
                format!("Eigenaar of databron ontbreekt bij: {}.", list(names))
            }
            Gap::KpisUnmonitored(names) => {
                format!("Owner or data source missing for: {}.", list(names))
            }
        }
    }
}

fn named(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() { "…".into() } else { s.into() }
}

/// What `kind` still lacks in `card`; empty when the step is done.
pub fn gaps(kind: StepKind, card: &Scorecard) -> Vec<Gap> {
    let mut gaps = Vec::new();
    let subs: Vec<_> = card.sub_objectives().map(|(_, s)| s).collect();
    match kind {
        StepKind::Mission => {
            if card.mission.trim().is_empty() {
                gaps.push(Gap::NoMission);
            }
        }
        StepKind::Objectives => {
            let untitled = card
                .objectives
                .iter()
                .filter(|o| o.title.trim().is_empty())
                .count();
            if card.objectives.is_empty() {
                gaps.push(Gap::NoObjectives);
            } else if untitled > 0 {
                gaps.push(Gap::UntitledObjectives(untitled));
            }
        }
        StepKind::Factors => {
            for kind in FactorKind::ALL {
                let f = card.factor(kind);
                if f.label.trim().is_empty() || f.key_question.trim().is_empty() {
                    gaps.push(Gap::FactorText(kind));
                }
            }
            if !medium_is_named(card) {
                gaps.push(Gap::MediumUnnamed);
            }
        }
        StepKind::SubObjectives => {
            let empty: Vec<String> = FactorKind::ALL
                .into_iter()
                .filter(|k| card.factor(*k).sub_objectives.is_empty())
                .map(|k| named(&card.factor(k).label))
                .collect();
            if !empty.is_empty() {
                gaps.push(Gap::EmptyFactors(empty));
            }
        }
        StepKind::Kpis => {
            if subs.is_empty() {
                gaps.push(Gap::NoSubObjectives);
            }
            let without: Vec<String> = subs
                .iter()
                .filter(|s| s.kpis.is_empty())
                .map(|s| named(&s.title))
                .collect();
            if !without.is_empty() {
                gaps.push(Gap::WithoutKpi(without));
            }
            let incomplete: Vec<String> = card
                .kpis()
                .filter(|(_, k)| !kpi_is_measurable(k))
                .map(|(_, k)| named(&k.name))
                .collect();
            if !incomplete.is_empty() {
                gaps.push(Gap::KpisIncomplete(incomplete));
            }
        }
        StepKind::Actions => {
            if subs.is_empty() {
                gaps.push(Gap::NoSubObjectives);
            } else if subs.iter().all(|s| s.actions.is_empty()) {
                gaps.push(Gap::NoActions);
            }
            let ownerless: Vec<String> = subs
                .iter()
                .flat_map(|s| s.actions.iter())
                .filter(|a| a.owner.trim().is_empty())
                .map(|a| named(&a.title))
                .collect();
            if !ownerless.is_empty() {
                gaps.push(Gap::ActionsWithoutOwner(ownerless));
            }
        }
        StepKind::Monitoring => {
            if card.kpis().next().is_none() {
                gaps.push(Gap::NoKpis);
            }
            let unmonitored: Vec<String> = card
                .kpis()
                .filter(|(_, k)| !kpi_is_monitored(k))
                .map(|(_, k)| named(&k.name))
                .collect();
            if !unmonitored.is_empty() {
                gaps.push(Gap::KpisUnmonitored(unmonitored));
            }
        }
    }
    gaps
}

/// True when the scorecard holds what the step asks for.
pub fn is_done(kind: StepKind, card: &Scorecard) -> bool {
    gaps(kind, card).is_empty()
}

/// Done or not, for every step in order.
pub fn progress(card: &Scorecard) -> [bool; STEP_COUNT] {
    STEPS.map(|s| is_done(s.kind, card))
}

/// The group's countdown: a duration that can be started, paused and reset. Time is read
/// from the caller (milliseconds on any monotonic clock), so it is exact however seldom the
/// display is refreshed, and keeps running while the view is left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Countdown {
    /// The chosen duration in milliseconds.
    pub duration_ms: f64,
    /// When running: the clock time it ends.
    ends_at: Option<f64>,
    /// Milliseconds left when not running.
    left_ms: f64,
}

/// Where a countdown stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountdownPhase {
    /// Set, not started (or reset).
    Ready,
    /// Counting down.
    Running,
    /// Paused with time left.
    Paused,
    /// Reached zero.
    TimeUp,
}

impl Countdown {
    /// A countdown of `minutes`, not started.
    pub fn new(minutes: f64) -> Countdown {
        let ms = minutes_to_ms(minutes);
        Countdown {
            duration_ms: ms,
            ends_at: None,
            left_ms: ms,
        }
    }

    /// Milliseconds left at clock time `now`, never below zero.
    pub fn left_ms(&self, now: f64) -> f64 {
        match self.ends_at {
            Some(end) => (end - now).max(0.0),
            None => self.left_ms.max(0.0),
        }
    }

    /// Where the countdown stands at `now`.
    pub fn phase(&self, now: f64) -> CountdownPhase {
        if self.left_ms(now) <= 0.0 {
            CountdownPhase::TimeUp
        } else if self.ends_at.is_some() {
            CountdownPhase::Running
        } else if self.left_ms < self.duration_ms {
            CountdownPhase::Paused
        } else {
            CountdownPhase::Ready
        }
    }

    /// Starts or resumes at `now` (no effect when time is up).
    pub fn start(&mut self, now: f64) {
        if self.ends_at.is_none() && self.left_ms > 0.0 {
            self.ends_at = Some(now + self.left_ms);
        }
    }

    /// Pauses at `now`, keeping the time left.
    pub fn pause(&mut self, now: f64) {
        if self.ends_at.is_some() {
            self.left_ms = self.left_ms(now);
            self.ends_at = None;
        }
    }

    /// Back to the full duration, stopped.
    pub fn reset(&mut self) {
        self.ends_at = None;
        self.left_ms = self.duration_ms;
    }

    /// A new duration; stops and resets the countdown.
    pub fn set_minutes(&mut self, minutes: f64) {
        *self = Countdown::new(minutes);
    }
}

fn minutes_to_ms(minutes: f64) -> f64 {
    if minutes.is_finite() && minutes > 0.0 {
        (minutes * 60_000.0).round()
    } else {
        0.0
    }
}

/// The most minutes the countdown accepts (a long workshop day).
pub const MAX_MINUTES: f64 = 480.0;

/// Reads custom minutes as people write them (`0.5`, `0,5`, `12`); refuses zero, negative
/// and more than [`MAX_MINUTES`], with a message in `lang`.
pub fn parse_minutes(text: &str, lang: Lang) -> Result<f64, String> {
    let value = parse_number(text, lang)?;
    if value > 0.0 && value <= MAX_MINUTES {
        Ok(value)
    } else if lang == Lang::Nl {
        Err(format!("Kies tussen 0 en {MAX_MINUTES} minuten."))
    } else {
        Err(format!("Choose between 0 and {MAX_MINUTES} minutes."))
    }
}

/// Time left as a clock, `m:ss` (or `h:mm:ss` from an hour), rounded up to the second so
/// it reads 0:00 only when time is up.
pub fn format_clock(ms: f64) -> String {
    let total = (ms.max(0.0) / 1000.0).ceil() as u64;
    let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::templates;
    use crate::model::{Action, Kpi, Objective, SubObjective};

    fn blank() -> Scorecard {
        Scorecard::new_blank("sc-test".into(), Lang::En)
    }

    #[test]
    fn seven_steps_numbered_in_order_with_both_languages() {
        assert_eq!(STEPS.len(), 7);
        for (i, s) in STEPS.iter().enumerate() {
            assert_eq!(s.number, i + 1);
            assert_eq!(step(i + 1), Some(s));
            for text in [s.short, s.title, s.question, s.tip, s.example] {
                assert!(!text.en.trim().is_empty() && !text.nl.trim().is_empty());
                // Same word in both languages is fine for the short titles ("Monitoring").
                if text != s.short {
                    assert_ne!(text.en, text.nl, "{} is not translated", text.en);
                }
            }
        }
        assert_eq!(step(0), None);
        assert_eq!(step(8), None);
        let kinds: Vec<_> = STEPS.iter().map(|s| s.kind.key()).collect();
        assert_eq!(
            kinds,
            [
                "mission",
                "objectives",
                "factors",
                "sub-objectives",
                "kpis",
                "actions",
                "monitoring"
            ]
        );
    }

    #[test]
    fn examples_carry_the_article() {
        assert!(
            STEPS[1]
                .example
                .en
                .contains("loyalty, interaction, data and satisfaction")
        );
        assert!(
            STEPS[1]
                .example
                .nl
                .contains("loyaliteit, interactie, data en tevredenheid")
        );
        assert!(STEPS[4].example.en.contains("2 hours"));
        assert!(STEPS[4].example.nl.contains("rapportagetool"));
        assert!(STEPS[5].example.en.contains("trained"));
        assert!(STEPS[5].example.nl.contains("verantwoordelijke benoemd"));
    }

    #[test]
    fn nothing_is_done_on_a_blank_scorecard() {
        assert_eq!(progress(&blank()), [false; STEP_COUNT]);
        assert_eq!(gaps(StepKind::Factors, &blank()), vec![Gap::MediumUnnamed]);
        let nl = Scorecard::new_blank("x".into(), Lang::Nl);
        assert_eq!(progress(&nl), [false; STEP_COUNT]);
    }

    #[test]
    fn everything_is_done_on_the_articles_example() {
        for lang in Lang::ALL {
            let card = templates::example("sc-ex".into(), lang);
            let open: Vec<_> = STEPS
                .iter()
                .filter(|s| !is_done(s.kind, &card))
                .map(|s| (s.number, gaps(s.kind, &card)))
                .collect();
            assert!(open.is_empty(), "{lang:?}: {open:?}");
        }
    }

    #[test]
    fn steps_turn_done_one_by_one() {
        let mut card = blank();
        card.mission = "  ".into();
        assert!(!is_done(StepKind::Mission, &card));
        card.mission = "Healthy together".into();
        assert!(is_done(StepKind::Mission, &card));

        card.objectives.push(Objective {
            id: "obj-1".into(),
            ..Objective::default()
        });
        assert_eq!(
            gaps(StepKind::Objectives, &card),
            vec![Gap::UntitledObjectives(1)]
        );
        card.objectives[0].title = "Loyalty".into();
        assert!(is_done(StepKind::Objectives, &card));

        card.factors.medium.label = "Community".into();
        assert!(is_done(StepKind::Factors, &card));
        card.factors.financial.key_question.clear();
        assert_eq!(
            gaps(StepKind::Factors, &card),
            vec![Gap::FactorText(FactorKind::Financial)]
        );
        card.factors.financial.key_question = "Money?".into();

        for (i, kind) in FactorKind::ALL.into_iter().enumerate() {
            assert!(!is_done(StepKind::SubObjectives, &card));
            card.factor_mut(kind)
                .sub_objectives
                .push(SubObjective::new(format!("so-{i}"), format!("Sub {i}")));
        }
        assert!(is_done(StepKind::SubObjectives, &card));

        assert!(matches!(
            gaps(StepKind::Kpis, &card)[..],
            [Gap::WithoutKpi(ref t)] if t.len() == 4
        ));
        for (i, kind) in FactorKind::ALL.into_iter().enumerate() {
            let mut k = Kpi::new(format!("kpi-{i}"), format!("KPI {i}"));
            k.baseline = Some(8.0);
            k.target = Some(2.0);
            card.factor_mut(kind).sub_objectives[0].kpis.push(k);
        }
        assert!(matches!(
            gaps(StepKind::Kpis, &card)[..],
            [Gap::KpisIncomplete(ref n)] if n.len() == 4
        ));
        for kind in FactorKind::ALL {
            card.factor_mut(kind).sub_objectives[0].kpis[0].data_source = "Reporting tool".into();
        }
        assert!(is_done(StepKind::Kpis, &card));

        assert_eq!(gaps(StepKind::Actions, &card), vec![Gap::NoActions]);
        for (i, kind) in FactorKind::ALL.into_iter().enumerate() {
            let a = Action::new(format!("act-{i}"), format!("Action {i}"));
            card.factor_mut(kind).sub_objectives[0].actions.push(a);
        }
        assert!(matches!(
            gaps(StepKind::Actions, &card)[..],
            [Gap::ActionsWithoutOwner(ref n)] if n.len() == 4
        ));
        for kind in FactorKind::ALL {
            card.factor_mut(kind).sub_objectives[0].actions[0].owner = "HR".into();
        }
        assert!(is_done(StepKind::Actions, &card));

        assert!(!is_done(StepKind::Monitoring, &card));
        for kind in FactorKind::ALL {
            card.factor_mut(kind).sub_objectives[0].kpis[0].owner = "Community manager".into();
        }
        assert_eq!(progress(&card), [true; STEP_COUNT]);
    }

    #[test]
    fn band_kpis_need_a_band_limit_but_no_baseline() {
        let mut k = Kpi::new("kpi-1".into(), "Budget".into());
        k.direction = Direction::WithinBand;
        k.data_source = "Finance".into();
        assert!(!kpi_is_measurable(&k));
        k.band_low = Some(95.0);
        assert!(kpi_is_measurable(&k));
        k.direction = Direction::LowerIsBetter;
        assert!(!kpi_is_measurable(&k));
    }

    #[test]
    fn medium_named_by_label_or_kind() {
        let mut card = blank();
        assert!(!medium_is_named(&card));
        card.medium_kind = "Community".into();
        assert!(medium_is_named(&card));
        card.medium_kind.clear();
        card.factors.medium.label = "Forum".into();
        assert!(medium_is_named(&card));
    }

    #[test]
    fn gap_messages_in_both_languages() {
        let gap = Gap::EmptyFactors(vec!["Financial".into(), "Medium".into()]);
        assert_eq!(
            gap.message(Lang::En),
            "Still without a sub-objective: “Financial”, “Medium”."
        );
        assert!(
            gap.message(Lang::Nl)
                .starts_with("Nog zonder subdoelstelling")
        );
        assert_eq!(Gap::NoMission.message(Lang::Nl), "Nog geen missie.");
    }

    #[test]
    fn stored_step_is_read_safely() {
        assert_eq!(parse_stored_step(None), 1);
        assert_eq!(parse_stored_step(Some("5")), 5);
        assert_eq!(parse_stored_step(Some(" 7 ")), 7);
        for bad in ["0", "8", "-1", "two", "", "5.5"] {
            assert_eq!(parse_stored_step(Some(bad)), 1, "{bad}");
        }
    }

    #[test]
    fn countdown_starts_pauses_resumes_and_ends() {
        let mut c = Countdown::new(10.0);
        assert_eq!(c.phase(0.0), CountdownPhase::Ready);
        assert_eq!(c.left_ms(123.0), 600_000.0);
        c.start(1_000.0);
        assert_eq!(c.phase(1_000.0), CountdownPhase::Running);
        assert_eq!(c.left_ms(61_000.0), 540_000.0);
        c.start(61_000.0); // starting again changes nothing
        assert_eq!(c.left_ms(61_000.0), 540_000.0);
        c.pause(61_000.0);
        assert_eq!(c.phase(999_999.0), CountdownPhase::Paused);
        assert_eq!(c.left_ms(999_999.0), 540_000.0);
        c.start(1_000_000.0);
        assert_eq!(c.left_ms(1_540_000.0), 0.0);
        assert_eq!(c.phase(1_540_000.0), CountdownPhase::TimeUp);
        assert_eq!(c.left_ms(9e9), 0.0);
        c.reset();
        assert_eq!(c.phase(9e9), CountdownPhase::Ready);
        assert_eq!(c.left_ms(9e9), 600_000.0);
        c.set_minutes(0.05);
        assert_eq!(c.duration_ms, 3_000.0);
        c.start(0.0);
        c.pause(3_500.0);
        assert_eq!(c.phase(3_500.0), CountdownPhase::TimeUp);
        c.start(4_000.0); // time is up: nothing to resume
        assert_eq!(c.phase(4_000.0), CountdownPhase::TimeUp);
    }

    #[test]
    fn minutes_and_clock() {
        assert_eq!(parse_minutes("0,05", Lang::Nl), Ok(0.05));
        assert_eq!(parse_minutes("12", Lang::En), Ok(12.0));
        assert!(parse_minutes("0", Lang::En).is_err());
        assert!(parse_minutes("-3", Lang::En).is_err());
        assert!(
            parse_minutes("1000", Lang::Nl)
                .unwrap_err()
                .contains("minuten")
        );
        assert!(parse_minutes("soon", Lang::En).is_err());
        assert_eq!(format_clock(600_000.0), "10:00");
        assert_eq!(format_clock(59_001.0), "1:00");
        assert_eq!(format_clock(2_100.0), "0:03");
        assert_eq!(format_clock(0.0), "0:00");
        assert_eq!(format_clock(-5.0), "0:00");
        assert_eq!(format_clock(3_600_000.0), "1:00:00");
        assert_eq!(Countdown::new(f64::NAN).duration_ms, 0.0);
    }
}
