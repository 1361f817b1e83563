//! The app's one data file, fetched once per page. `start` is called from `main` before the first render, so
//! the request goes out while Yew is still building the page instead of after its first effect; every App
//! mounted later gets the same result.

use super::fetch::{fetch_dataset, LoadError};
use super::DataRef;
use std::cell::RefCell;
use std::rc::Rc;

/// Where the app finds its data, relative to the explorer's root, on a page that does not name it: the handover
/// the build wrote from `data/ansan-2015.json` once it had checked it (see `model::handover`), at its fixed
/// address. Every page the build makes names the copy named by its content instead ([`handover_path`]).
pub const DATA_URL: &str = "data/ansan-2015.bin";

/// The handover this page was built with, relative to the explorer's root: its `<html data-handover>`
/// (`data/ansan-2015.3f2a9c0d1e4b5a6c.bin`, see `ui::prerender::handover_name`), so the charts never draw other
/// amounts than the page's own tables show; [`DATA_URL`] where the page names none, or names something that is
/// not a file in `data/`.
pub fn handover_path() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|h| h.get_attribute("data-handover"))
        .filter(|p| is_handover_path(p))
        .unwrap_or_else(|| DATA_URL.to_owned())
}

/// `data/NAME.bin`, NAME of ASCII letters, digits, `-`, `_` and `.` and not starting with a dot: a file in the
/// explorer's `data/` folder and nowhere else. The build names only such a file (`ui::prerender::handover_name`).
pub fn is_handover_path(path: &str) -> bool {
    path.strip_prefix("data/")
        .and_then(|p| p.strip_suffix(".bin"))
        .is_some_and(|name| {
            !name.is_empty()
                && !name.starts_with('.')
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
}

pub type Loaded = Result<DataRef, Rc<LoadError>>;
type Waiter = Box<dyn FnOnce(Loaded)>;

enum Slot {
    NotStarted,
    Pending(Vec<Waiter>),
    Done(Loaded),
}

thread_local! {
    static SLOT: RefCell<Slot> = const { RefCell::new(Slot::NotStarted) };
}

/// Starts the request if nobody has yet; `root` is the way from the page to the explorer's root (`../../`).
pub fn start(root: &str) {
    let first = SLOT.with(|s| {
        let mut s = s.borrow_mut();
        if matches!(*s, Slot::NotStarted) {
            *s = Slot::Pending(Vec::new());
            true
        } else {
            false
        }
    });
    if first {
        let url = format!("{root}{}", handover_path());
        wasm_bindgen_futures::spawn_local(async move {
            let result: Loaded = fetch_dataset(&url)
                .await
                .map(DataRef::from)
                .map_err(Rc::new);
            super::mark("data-ready");
            let waiters = SLOT.with(|s| {
                match std::mem::replace(&mut *s.borrow_mut(), Slot::Done(result.clone())) {
                    Slot::Pending(w) => w,
                    _ => Vec::new(),
                }
            });
            // Called with the slot released, so a waiter may ask again.
            for w in waiters {
                w(result.clone());
            }
        });
    }
}

/// Calls `then` with the data once it is there (at once if it already is), starting the request if needed.
pub fn when_loaded(then: impl FnOnce(Loaded) + 'static) {
    // A widget page sits at the explorer's root; a page that started the request itself is not affected.
    start("");
    let mut then: Option<Waiter> = Some(Box::new(then));
    let ready = SLOT.with(|s| match &mut *s.borrow_mut() {
        Slot::Done(r) => Some(r.clone()),
        Slot::Pending(waiters) => {
            waiters.extend(then.take());
            None
        }
        Slot::NotStarted => None,
    });
    if let (Some(r), Some(t)) = (ready, then.take()) {
        t(r);
    }
}

/// The data, once it is there (starting the request if needed).
pub async fn loaded() -> Loaded {
    let slot: Rc<RefCell<Option<Loaded>>> = Rc::new(RefCell::new(None));
    let fill = slot.clone();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let fill = fill.clone();
        when_loaded(move |r| {
            *fill.borrow_mut() = Some(r);
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let result = slot.borrow_mut().take();
    result.unwrap_or_else(|| {
        Err(Rc::new(LoadError::Network {
            url: handover_path(),
            detail: "no answer".to_owned(),
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::is_handover_path;

    #[test]
    fn a_page_may_name_only_a_file_in_the_data_folder_as_its_handover() {
        for ok in [
            "data/ansan-2015.bin",
            "data/ansan-2015.3f2a9c0d1e4b5a6c.bin",
            "data/x_y.bin",
        ] {
            assert!(is_handover_path(ok), "{ok}");
        }
        for bad in [
            "",
            "data/.bin",
            "data/..bin",
            "data/../x.bin",
            "data/a/b.bin",
            "/data/x.bin",
            "https://elsewhere.example/data/x.bin",
            "data/x.json",
            "data/x'.bin",
            "data/%2e%2e.bin",
            "data/안산.bin",
        ] {
            assert!(!is_handover_path(bad), "{bad}");
        }
    }
}
