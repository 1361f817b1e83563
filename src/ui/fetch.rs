//! All fetching: the data handover over HTTP, status checked before decoding.

use crate::model::{self, Dataset, Invalid, Lang};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Why a data file could not be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The request did not complete (offline, blocked, aborted).
    Network { url: String, detail: String },
    /// The server answered, but not with the file.
    Status {
        url: String,
        status: u16,
        text: String,
    },
    /// The file arrived but is not a valid budget file.
    Invalid(Invalid),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            LoadError::Network { url, detail } => {
                write!(f, "{url}: could not be loaded ({detail})")
            }
            LoadError::Status { url, status, text } => {
                write!(f, "{url}: the server answered HTTP {status} {text}")
            }
            LoadError::Invalid(invalid) => write!(f, "{invalid}"),
        }
    }
}

/// How many of a file's problems the page lists; a file with thousands gets a count of the rest.
pub const MAX_LINES: usize = 50;

impl LoadError {
    /// One line per problem, in the reader's language; a validation problem keeps its file and JSON path.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        match (self, lang) {
            (LoadError::Invalid(invalid), _) => {
                let mut lines: Vec<String> = invalid
                    .problems
                    .iter()
                    .take(MAX_LINES)
                    .map(|p| format!("{}: {p}", invalid.file))
                    .collect();
                let more = invalid.problems.len().saturating_sub(MAX_LINES);
                if more > 0 {
                    lines.push(match lang {
                        Lang::Ko => format!(
                            "…그 밖에 문제 {more}개가 더 있습니다. 모두 보려면 budget-check로 파일을 검사하세요."
                        ),
                        Lang::En => format!(
                            "…and {more} more problems. To see them all, check the file with budget-check."
                        ),
                    });
                }
                lines
            }
            (LoadError::Network { url, detail }, Lang::Ko) => {
                vec![format!("{url}: 불러오지 못했습니다 ({detail})")]
            }
            (LoadError::Status { url, status, text }, Lang::Ko) => {
                vec![format!(
                    "{url}: 서버가 HTTP {status} {text}(으)로 답했습니다"
                )]
            }
            (other, Lang::En) => vec![other.to_string()],
        }
    }
}

/// The request for `url` that a pre-rendered page's loader made before the app was there
/// (`ansanBudgetFetched[url]`, see `ui::prerender`), taken once; `None` on any other page.
fn fetched_early(url: &str) -> Option<js_sys::Promise> {
    let all =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("ansanBudgetFetched")).ok()?;
    if !all.is_object() {
        return None;
    }
    let key = JsValue::from_str(url);
    let request = js_sys::Reflect::get(&all, &key)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let _ = js_sys::Reflect::set(&all, &key, &JsValue::UNDEFINED);
    Some(request)
}

/// Fetches and decodes the data handover the build wrote. `url` is relative to the page, e.g.
/// `../data/ansan-2015.bin`.
/// The browser's own `fetch` through web-sys: a wrapper crate would add code for what is two promises. On a
/// pre-rendered page the loader has already asked for it (`fetched_early`).
pub async fn fetch_dataset(url: &str) -> Result<Dataset, LoadError> {
    let network = |e: JsValue| LoadError::Network {
        url: url.to_owned(),
        detail: e
            .as_string()
            .or_else(|| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| "network error".to_owned()),
    };
    let window = web_sys::window().ok_or_else(|| network(JsValue::from_str("no window")))?;
    let request = fetched_early(url).unwrap_or_else(|| window.fetch_with_str(url));
    let resp: Response = JsFuture::from(request)
        .await
        .and_then(|r| r.dyn_into())
        .map_err(network)?;
    if !resp.ok() {
        return Err(LoadError::Status {
            url: url.to_owned(),
            status: resp.status(),
            text: resp.status_text(),
        });
    }
    let buffer = JsFuture::from(resp.array_buffer().map_err(network)?)
        .await
        .map_err(network)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    model::handover::decode(url, &bytes).map_err(LoadError::Invalid)
}
