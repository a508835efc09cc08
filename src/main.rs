//! Entry point: installs the panic hook, mounts the app into `<body>` and removes the
//! splash index.html shows while the code loads (`#boot`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(smsc::ui::App);
    // The app is in the page now (mounting renders at once): the splash goes in the same
    // task, so no frame shows both.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Social Media Scorecard runs in the browser: `bash scripts/serve.sh`.");
}
