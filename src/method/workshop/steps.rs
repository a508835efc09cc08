//! The workshop's seven steps as pure data: what each works on, its title, the method's
//! question, a tip and the article's example, in English and Dutch.

use crate::i18n::{Text, t};

/// How many steps the workshop has.
pub const STEP_COUNT: usize = 7;

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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn stored_step_is_read_safely() {
        assert_eq!(parse_stored_step(None), 1);
        assert_eq!(parse_stored_step(Some("5")), 5);
        assert_eq!(parse_stored_step(Some(" 7 ")), 7);
        for bad in ["0", "8", "-1", "two", "", "5.5"] {
            assert_eq!(parse_stored_step(Some(bad)), 1, "{bad}");
        }
    }
}
