//! After handing out: what happened, whether the base is kept, one download button per
//! group (its name and its file's name) and "Download all".

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::tr;
use crate::model::Lang;
use crate::ui::session::hand_out::MadeHandOut;
use crate::web::files;

/// How far apart "Download all" offers the files (browsers refuse a burst of downloads).
const DOWNLOAD_GAP: Duration = Duration::from_millis(400);

/// After handing out: what happened, the base's fate, and one download per group.
#[component]
pub fn HandOutFiles(made: MadeHandOut, lang: RwSignal<Lang>, close: Callback<()>) -> impl IntoView {
    let revision = made.revision;
    let all = made.files.clone();
    let download_all = move |_| {
        for (i, f) in all.iter().cloned().enumerate() {
            let wait = DOWNLOAD_GAP * u32::try_from(i).unwrap_or(0);
            set_timeout(move || files::download(&f.file.name, &f.file.text), wait);
        }
    };
    let base_note = made.base_not_kept.map(|why| {
        view! {
            <p class="dialog-error handout-base-not-kept" role="alert" data-testid="handout-base-not-kept">
                {move || match lang.get() {
                    Lang::En => format!("The scorecard as handed out could not be kept in this browser ({why}). The files the groups return will then be compared two-way instead of merged. The files below are fine to hand out."),
                    Lang::Nl => format!("De scorecard zoals hij is uitgedeeld kon niet in deze browser worden bewaard ({why}). De bestanden die de groepen terugsturen worden dan tweezijdig vergeleken in plaats van samengevoegd. De bestanden hieronder kun je gewoon uitdelen."),
                }}
            </p>
        }
    });
    let buttons = made
        .files
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let (name, text) = (f.file.name.clone(), f.file.text.clone());
            let group = f.group.clone();
            view! {
                <li>
                    <button type="button" class="handout-file" data-testid=format!("handout-download-{i}")
                        data-file=f.file.name.clone()
                        on:click=move |_| files::download(&name, &text)>
                        <span class="handout-file-group">
                            {move || match lang.get() {
                                Lang::En => format!("Download for {group}"),
                                Lang::Nl => format!("Downloaden voor {group}"),
                            }}
                        </span>
                        <span class="handout-file-name">{f.file.name.clone()}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="handout-made" data-testid="handout-made" data-revision=revision.to_string()>
            <p role="status" data-testid="handout-done">
                {move || match lang.get() {
                    Lang::En => format!("Handed out (revision {revision}). Give each group its file — by e-mail, on a USB stick or in a shared folder — and ask them to return it when done."),
                    Lang::Nl => format!("Uitgedeeld (revisie {revision}). Geef elke groep haar bestand — per e-mail, op een USB-stick of in een gedeelde map — en vraag het terug te sturen als ze klaar zijn."),
                }}
            </p>
            {base_note}
            <ul class="handout-files" data-testid="handout-files">{buttons}</ul>
            <div class="dialog-actions">
                <button type="button" data-testid="handout-download-all" on:click=download_all>
                    {move || tr(lang.get(), "Download all", "Alles downloaden")}
                </button>
                <button type="button" data-testid="handout-close" on:click=move |_| close.run(())>
                    {move || tr(lang.get(), "Close", "Sluiten")}
                </button>
            </div>
        </div>
    }
}
