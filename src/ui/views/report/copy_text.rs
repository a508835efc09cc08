//! "Copy as text": the report as plain text on the clipboard, for an e-mail. When the browser
//! refuses the clipboard (no permission, an insecure page, an old browser), the text is shown
//! selected in a box with a message to copy it by hand: never a silent failure.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::i18n::tr;
use crate::model::Lang;

/// What the last copy did.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    /// On the clipboard.
    Copied,
    /// Refused: the text to copy by hand.
    Refused(String),
}

/// The clipboard of the browser, when it has one here.
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = window().navigator();
    let value = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    value.dyn_into::<web_sys::Clipboard>().ok()
}

/// The "Copy as text" button and what it reports.
#[component]
pub fn CopyText(
    /// The text to copy, worked out when the button is pressed.
    text: Callback<(), String>,
    /// The interface language.
    #[prop(into)]
    lang: Signal<Lang>,
) -> impl IntoView {
    let outcome = RwSignal::new(None::<Outcome>);
    let area = NodeRef::<html::Textarea>::new();
    let copy = move |_| {
        let content = text.run(());
        let Some(board) = clipboard() else {
            outcome.set(Some(Outcome::Refused(content)));
            return;
        };
        let ok = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(move |_| {
            outcome.try_set(Some(Outcome::Copied));
        });
        let refused_text = content.clone();
        let err = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(move |_| {
            outcome.try_set(Some(Outcome::Refused(refused_text.clone())));
        });
        let _ = board.write_text(&content).then2(&ok, &err);
        ok.forget();
        err.forget();
    };
    // The box's text is selected as soon as it is shown, ready for Ctrl+C.
    Effect::new(move |_| {
        if matches!(outcome.get(), Some(Outcome::Refused(_)))
            && let Some(el) = area.get()
        {
            // After the box has its text.
            request_animation_frame(move || {
                let _ = el.focus();
                el.select();
            });
        }
    });
    let message = move || {
        let lang = lang.get();
        match outcome.get() {
            None => None,
            Some(Outcome::Copied) => Some(view! {
                <span class="report-copied" data-testid="report-copied">
                    {tr(lang, "Copied: paste it into an e-mail.", "Gekopieerd: plak het in een e-mail.")}
                </span>
            }.into_any()),
            Some(Outcome::Refused(text)) => Some(view! {
                <span class="report-copy-refused" data-testid="report-copy-refused">
                    <span>
                        {tr(
                            lang,
                            "The browser did not allow copying. The text is selected below: copy it with Ctrl+C (⌘C on a Mac).",
                            "De browser stond kopiëren niet toe. De tekst staat hieronder geselecteerd: kopieer hem met Ctrl+C (⌘C op een Mac).",
                        )}
                    </span>
                    <textarea readonly rows="8" node_ref=area data-testid="report-copy-area"
                        aria-label=tr(lang, "The report as text", "Het rapport als tekst")
                        prop:value=text></textarea>
                </span>
            }.into_any()),
        }
    };
    view! {
        <button type="button" data-testid="report-copy-text" on:click=copy>
            {move || tr(lang.get(), "Copy as text", "Kopiëren als tekst")}
        </button>
        <div class="report-copy-status" role="status">{message}</div>
    }
}
