//! How the merge dialogs say things: an item's kind, a field's name and a value from a
//! scorecard file, in the interface's language.

use serde_json::Value;

use crate::i18n::tr;
use crate::model::Lang;
use crate::model::merge::{ChangeKind, ItemKind};

/// The longest value shown in full; longer ones end in "…".
const MAX_SHOWN: usize = 160;

/// The kind of an item, e.g. "KPI", "Sub-objective".
pub fn kind_word(kind: ItemKind, lang: Lang) -> &'static str {
    match kind {
        ItemKind::Scorecard => tr(lang, "Scorecard", "Scorecard"),
        ItemKind::Factor => tr(lang, "Factor", "Factor"),
        ItemKind::Objective => tr(lang, "Objective", "Doel"),
        ItemKind::Series => tr(lang, "Input series", "Invoerreeks"),
        ItemKind::SubObjective => tr(lang, "Sub-objective", "Subdoel"),
        ItemKind::Kpi => tr(lang, "KPI", "KPI"),
        ItemKind::Action => tr(lang, "Action", "Actie"),
        ItemKind::Measurement => tr(lang, "Measurement", "Meting"),
        ItemKind::Point => tr(lang, "Point", "Punt"),
    }
}

/// What a change did, e.g. "added".
pub fn change_word(kind: ChangeKind, lang: Lang) -> &'static str {
    match kind {
        ChangeKind::Added => tr(lang, "added", "toegevoegd"),
        ChangeKind::Changed => tr(lang, "changed", "gewijzigd"),
        ChangeKind::Deleted => tr(lang, "deleted", "verwijderd"),
    }
}

/// A field's name as the forms call it; the file's name for fields without one here.
pub fn field_word(field: &str, lang: Lang) -> String {
    let word = match field {
        "title" => tr(lang, "title", "titel"),
        "name" => tr(lang, "name", "naam"),
        "mission" => tr(lang, "mission", "missie"),
        "organisation" => tr(lang, "organisation", "organisatie"),
        "description" => tr(lang, "description", "omschrijving"),
        "owner" => tr(lang, "owner", "eigenaar"),
        "target" => tr(lang, "target", "streefwaarde"),
        "baseline" => tr(lang, "baseline", "nulmeting"),
        "unit" => tr(lang, "unit", "eenheid"),
        "weight" => tr(lang, "weight", "gewicht"),
        "parent" => tr(lang, "place", "plaats"),
        "contributes_to" => tr(lang, "contributes to", "draagt bij aan"),
        "leads_to" => tr(lang, "leads to", "leidt tot"),
        "target_history" => tr(lang, "target changes", "streefwaardewijzigingen"),
        "value" => tr(lang, "value", "waarde"),
        "date" => tr(lang, "date", "datum"),
        "note" => tr(lang, "note", "notitie"),
        "status" => tr(lang, "status", "status"),
        "due" => tr(lang, "due date", "deadline"),
        "label" => tr(lang, "label", "label"),
        "key_question" => tr(lang, "key question", "kernvraag"),
        "formula" => tr(lang, "formula", "formule"),
        "direction" => tr(lang, "direction", "richting"),
        "frequency" => tr(lang, "frequency", "frequentie"),
        "key" => tr(lang, "key", "sleutel"),
        _ => return field.replace('_', " "),
    };
    word.to_string()
}

/// [`value_text`] cut to its first 160 characters, a text in quotes (for a change's line).
pub fn short_value_text(value: Option<&Value>, absent: &str, lang: Lang) -> String {
    let text = shorten(value_text(value, absent, lang));
    match value {
        Some(Value::String(s)) if !s.trim().is_empty() => format!("\u{201c}{text}\u{201d}"),
        _ => text,
    }
}

/// A value from a scorecard file as text, whole: a text as it is, a number, a list joined, an
/// item by its title or name; `None` as `absent` (e.g. "deleted").
pub fn value_text(value: Option<&Value>, absent: &str, lang: Lang) -> String {
    let Some(value) = value else {
        return absent.to_string();
    };
    match value {
        Value::Null => "—".to_string(),
        Value::String(s) if s.trim().is_empty() => tr(lang, "(empty)", "(leeg)").to_string(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => if *b {
            tr(lang, "yes", "ja")
        } else {
            tr(lang, "no", "nee")
        }
        .to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) if items.is_empty() => tr(lang, "(none)", "(geen)").to_string(),
        Value::Array(items) => items
            .iter()
            .map(|v| value_text(Some(v), absent, lang))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(map) => ["title", "name", "label"]
            .iter()
            .find_map(|k| {
                map.get(*k)
                    .and_then(Value::as_str)
                    .filter(|s| !s.is_empty())
            })
            .map(str::to_string)
            .or_else(|| {
                let date = map.get("date").and_then(Value::as_str)?;
                let v = map
                    .get("value")
                    .map(|v| value_text(Some(v), absent, lang))?;
                Some(format!("{date}: {v}"))
            })
            .unwrap_or_else(|| value.to_string()),
    }
}

fn shorten(text: String) -> String {
    if text.chars().count() <= MAX_SHOWN {
        text
    } else {
        let cut: String = text.chars().take(MAX_SHOWN - 1).collect();
        format!("{cut}…")
    }
}
