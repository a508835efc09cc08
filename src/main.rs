//! Entry point: installs the panic hook, mounts the app into `<body>` and removes the
//! splash index.html shows while the code loads (`#boot`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // Mount once the splash has been painted (after the next frame): where the code comes
    // faster than the page's first paint, the page still shows the app's name first, as it
    // does on any slower connection, instead of the app's first screen appearing late.
    leptos::prelude::request_animation_frame(|| {
        leptos::prelude::set_timeout(mount, std::time::Duration::ZERO);
    });
}

/// Mounts the app and removes the splash in the same task, so no frame shows both.
#[cfg(target_arch = "wasm32")]
fn mount() {
    leptos::mount::mount_to_body(smsc::ui::App);
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Social Media Scorecard runs in the browser: `bash scripts/serve.sh`.");
}
