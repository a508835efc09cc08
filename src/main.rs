//! Entry point: installs the panic hook and mounts the app into `<body>`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(smsc::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Social Media Scorecard runs in the browser: `bash scripts/serve.sh`.");
}
