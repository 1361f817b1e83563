//! The few things the app asks of the browser outside Yew: saving a file, copying text, opening the explorer
//! in a new tab, addresses relative to the page, and work for when the browser is idle. Each returns an error
//! to render, never panics.

use super::canvas_backend::Canvas;
use crate::chart::export::{self, Frame, Picture};
use crate::chart::Theme;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, Document, HtmlAnchorElement, HtmlCanvasElement, Url};

fn document() -> Result<Document, String> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "no document".to_owned())
}

fn js(e: JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// Saves `href` under `filename` through a temporary `<a download>`: no navigation, no history entry.
fn click_download(href: &str, filename: &str) -> Result<(), String> {
    let doc = document()?;
    let a: HtmlAnchorElement = doc
        .create_element("a")
        .map_err(js)?
        .dyn_into()
        .map_err(|_| "cannot create a link".to_owned())?;
    a.set_href(href);
    a.set_download(filename);
    a.set_hidden(true);
    let body = doc.body().ok_or("no body")?;
    body.append_child(&a).map_err(js)?;
    a.click();
    a.remove();
    Ok(())
}

/// Saves `text` as a file of type `mime` (UTF-8).
pub fn save_text(text: &str, mime: &str, filename: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(js)?;
    let result = click_download(&url, filename);
    // The download has started from the URL; it is no longer needed once the click has been handled.
    let _ = Url::revoke_object_url(&url);
    result
}

/// Draws the chart with its title on a detached canvas at the device pixel ratio and saves it as PNG.
pub fn save_png(
    picture: Picture<'_>,
    title: &str,
    css_width: u32,
    theme: Theme,
    filename: &str,
) -> Result<(), String> {
    let screen = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .clamp(1.0, 4.0);
    let frame = Frame::new(picture, title, css_width);
    // A very tall chart's picture at less than the screen's density rather than past a browser's canvas limits.
    let ratio =
        crate::chart::canvas_ratio(frame.width, frame.height, screen).map_err(|e| e.to_string())?;
    let canvas: HtmlCanvasElement = document()?
        .create_element("canvas")
        .map_err(js)?
        .dyn_into()
        .map_err(|_| "cannot create a canvas".to_owned())?;
    let device = |css: u32| (f64::from(css) * ratio).round() as u32;
    canvas.set_width(device(frame.width));
    canvas.set_height(device(frame.height));
    let backend = Canvas::new(canvas.clone()).ok_or("no 2D context")?;
    let area = backend.into_drawing_area();
    export::draw(&area, picture, &frame, ratio, theme).map_err(|e| e.to_string())?;
    area.present().map_err(|e| e.to_string())?;
    let url = canvas.to_data_url_with_type("image/png").map_err(js)?;
    click_download(&url, filename)
}

/// Copies `text` to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .ok_or("no window")?
        .navigator()
        .clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(js)
}

/// Opens `url` in a new tab without giving it a handle on this window, and without touching this page.
#[cfg(target_arch = "wasm32")]
pub fn open_in_new_tab(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target_and_features(url, "_blank", "noopener");
    }
}

/// `relative` (a link from this page) as an absolute address.
pub fn absolute_url(relative: &str) -> String {
    if !cfg!(target_arch = "wasm32") {
        return relative.to_owned();
    }
    Url::new_with_base(relative, &location_href())
        .map(|u| u.href())
        .unwrap_or_else(|_| relative.to_owned())
}

/// The explorer's root folder as an absolute address (`https://city.example/budget/`), from a page `depth`
/// folders below it.
pub fn root_url(depth: usize) -> String {
    let up = "../".repeat(depth);
    absolute_url(if up.is_empty() { "./" } else { &up })
}

/// The height of the window's viewport, CSS px (0 if there is no window).
#[cfg(target_arch = "wasm32")]
pub fn window_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// The page's own address (empty outside a browser, as when pages are rendered at build time).
pub fn location_href() -> String {
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The page's query string, with its `?`.
pub fn location_search() -> String {
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Runs `f` when the browser is next idle (at the latest 2 s on).
#[cfg(target_arch = "wasm32")]
pub fn when_idle(f: impl FnOnce() + 'static) {
    idle_call(Box::new(f));
}

/// [`when_idle`]'s one instance: each of the closure types it is called with would otherwise have its own copy
/// of this in the `.wasm`.
#[cfg(target_arch = "wasm32")]
fn idle_call(f: Box<dyn FnOnce()>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let idle = wasm_bindgen::closure::Closure::once_into_js(f);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(2000);
    let asked = window
        .request_idle_callback_with_options(idle.unchecked_ref(), &options)
        .is_ok();
    // A browser without idle callbacks (Safari) gets a timer.
    if !asked {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(idle.unchecked_ref(), 50);
    }
}
