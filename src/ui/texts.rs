//! The words of the user interface in English and Dutch. (Texts inside a scorecard, such as
//! key questions, live in the model and are the scorecard's own.)

use crate::model::Lang;

/// Every piece of interface text, by meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    AppName,
    MissionLabel,
    NoMission,
    ObjectivesLabel,
    NoObjectives,
    NoSubObjectives,
    Target,
    Latest,
    Owner,
    Contributes,
    Footer,
}

/// The text for `key` in `lang`.
pub fn t(lang: Lang, key: Text) -> &'static str {
    use Text::*;
    match (lang, key) {
        (_, AppName) => "Social Media Scorecard",
        (Lang::En, MissionLabel) => "Social media mission",
        (Lang::Nl, MissionLabel) => "Social media missie",
        (Lang::En, NoMission) => "No mission yet: what do we stand for on social media?",
        (Lang::Nl, NoMission) => "Nog geen missie: waar staan we voor op social media?",
        (Lang::En, ObjectivesLabel) => "Social media objectives",
        (Lang::Nl, ObjectivesLabel) => "Social media doelstellingen",
        (Lang::En, NoObjectives) => {
            "No objectives yet: what do we want to achieve? Make each concrete and measurable."
        }
        (Lang::Nl, NoObjectives) => {
            "Nog geen doelstellingen: wat willen we bereiken? Maak elke doelstelling concreet en meetbaar."
        }
        (Lang::En, NoSubObjectives) => "No sub-objectives yet.",
        (Lang::Nl, NoSubObjectives) => "Nog geen subdoelstellingen.",
        (Lang::En, Target) => "Target",
        (Lang::Nl, Target) => "Doel",
        (Lang::En, Latest) => "Latest",
        (Lang::Nl, Latest) => "Laatste",
        (Lang::En, Owner) => "Owner",
        (Lang::Nl, Owner) => "Eigenaar",
        (Lang::En, Contributes) => "Contributes to",
        (Lang::Nl, Contributes) => "Draagt bij aan",
        (Lang::En, Footer) => "Runs in your browser. Nothing you enter leaves this computer.",
        (Lang::Nl, Footer) => "Draait in je browser. Niets wat je invoert verlaat deze computer.",
    }
}
