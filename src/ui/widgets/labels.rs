//! The label maker of a form, following a switch of the interface language.

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::Lang;

/// The label maker of a form: `label("English", "Dutch")` is the text in the interface
/// language, following a switch of language. (tests/i18n.rs checks `label(…)` pairs as it
/// checks `tr(…)`.)
pub fn labels(
    lang: RwSignal<Lang>,
) -> impl Fn(&'static str, &'static str) -> Signal<String> + Copy {
    move |en, nl| Signal::derive(move || tr(lang.get(), en, nl).to_string())
}
