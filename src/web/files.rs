//! Files in and out of the page: a download made in the page (nothing leaves the computer)
//! and reading a chosen or dropped file as text. The one place that uses `Blob`,
//! object URLs and `FileReader`.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Offers `text` as a download named `name`. The file type follows the name: `.csv` is CSV,
/// anything else JSON.
pub fn download(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(if name.ends_with(".csv") {
        "text/csv;charset=utf-8"
    } else {
        "application/json"
    });
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let _ = download_url(&url, name);
    // Revoked later: the browser reads the blob after the click returns.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 30_000);
    }
}

/// Offers the resource at `url` (an object URL or a `data:` URL) as a download named `name`,
/// through a hidden link; the browser's refusal in words.
pub fn download_url(url: &str, name: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not a link".to_string())?;
    link.set_href(url);
    link.set_download(name);
    link.set_class_name("visually-hidden");
    let body = document.body().ok_or("no body")?;
    body.append_child(&link).map_err(|e| format!("{e:?}"))?;
    link.click();
    link.remove();
    Ok(())
}

/// Why a file could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadFailed;

/// Reads `file` as text and hands the text (or the browser's refusal) to `done`, once.
pub fn read_text(file: &web_sys::File, done: impl FnOnce(Result<String, ReadFailed>) + 'static) {
    read(
        file,
        |reader, file| reader.read_as_text(file),
        |result| result.as_string(),
        done,
    );
}

/// Reads `file` as bytes and hands them (or the browser's refusal) to `done`, once.
pub fn read_bytes(file: &web_sys::File, done: impl FnOnce(Result<Vec<u8>, ReadFailed>) + 'static) {
    read(
        file,
        |reader, file| reader.read_as_array_buffer(file),
        |result| {
            result
                .is_instance_of::<js_sys::ArrayBuffer>()
                .then(|| js_sys::Uint8Array::new(&result).to_vec())
        },
        done,
    );
}

/// Starts `start` on a `FileReader` and hands what `take` makes of its result (or the
/// browser's refusal) to `done`, once: one of `load` and `error` fires, and both share it.
fn read<T: 'static>(
    file: &web_sys::File,
    start: impl FnOnce(&web_sys::FileReader, &web_sys::File) -> Result<(), wasm_bindgen::JsValue>,
    take: impl FnOnce(wasm_bindgen::JsValue) -> Option<T> + 'static,
    done: impl FnOnce(Result<T, ReadFailed>) + 'static,
) {
    let Ok(reader) = web_sys::FileReader::new() else {
        done(Err(ReadFailed));
        return;
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let on_load = {
        let reader = reader.clone();
        let done = done.clone();
        Closure::once_into_js(move || {
            let value = reader.result().ok().and_then(take);
            if let Some(done) = done.borrow_mut().take() {
                done(value.ok_or(ReadFailed));
            }
        })
    };
    let on_error = {
        let done = done.clone();
        Closure::once_into_js(move || {
            if let Some(done) = done.borrow_mut().take() {
                done(Err(ReadFailed));
            }
        })
    };
    reader.set_onload(Some(on_load.unchecked_ref()));
    reader.set_onerror(Some(on_error.unchecked_ref()));
    if start(&reader, file).is_err()
        && let Some(done) = done.borrow_mut().take()
    {
        done(Err(ReadFailed));
    }
}

/// The day `file` was last changed (for an export, the day it was downloaded), in the
/// browser's time zone; `None` when the browser does not say.
pub fn last_modified(file: &web_sys::File) -> Option<crate::model::Date> {
    let ms = file.last_modified();
    if !ms.is_finite() || ms <= 0.0 {
        return None;
    }
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let year = i32::try_from(d.get_full_year()).ok()?;
    let month = u8::try_from(d.get_month() + 1).ok()?;
    let day = u8::try_from(d.get_date()).ok()?;
    crate::model::Date::from_ymd(year, month, day).ok()
}
