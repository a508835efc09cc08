//! Default texts in English and Dutch: factor labels, key questions and blank titles.

use super::enums::{FactorKind, Lang};

/// The default label of a factor, e.g. "Customers" / "Klanten".
pub fn factor_label(kind: FactorKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (FactorKind::Customers, Lang::En) => "Customers",
        (FactorKind::Customers, Lang::Nl) => "Klanten",
        (FactorKind::Financial, Lang::En) => "Financial",
        (FactorKind::Financial, Lang::Nl) => "Financieel",
        (FactorKind::Organisation, Lang::En) => "Organisation",
        (FactorKind::Organisation, Lang::Nl) => "Organisatie",
        (FactorKind::Medium, _) => "Medium",
    }
}

/// The default key question of a factor.
pub fn factor_key_question(kind: FactorKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (FactorKind::Customers, Lang::En) => "What are we going to do with customers?",
        (FactorKind::Customers, Lang::Nl) => "Wat gaan we met klanten doen?",
        (FactorKind::Financial, Lang::En) => {
            "What are the financial aspects of our social media activities?"
        }
        (FactorKind::Financial, Lang::Nl) => {
            "Wat zijn de financiële aspecten van onze activiteiten op social media?"
        }
        (FactorKind::Organisation, Lang::En) => "What must we do organisationally?",
        (FactorKind::Organisation, Lang::Nl) => "Wat moeten we organisatorisch doen?",
        (FactorKind::Medium, Lang::En) => {
            "What must happen to the medium itself to reach the objectives?"
        }
        (FactorKind::Medium, Lang::Nl) => {
            "Wat moet er aan het medium zelf gebeuren om de doelstellingen te halen?"
        }
    }
}

/// The title of a new blank scorecard.
pub fn blank_title(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "New social media scorecard",
        Lang::Nl => "Nieuwe social media scorecard",
    }
}
