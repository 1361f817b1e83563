//! The chart theme a page draws with. An explicit choice (a widget's `theme=light|dark`) is also written to
//! `<html data-theme>`, which the stylesheet follows; `auto` follows the reader's `prefers-color-scheme` and
//! changes with it while the page is open.

use crate::chart::Theme;
use crate::view::widget_params::Theme as Choice;
use yew::prelude::*;

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// The reader's colour scheme, to read and to watch; `None` natively.
pub(super) fn system_dark() -> Option<web_sys::MediaQueryList> {
    // Pages rendered at build time have no reader yet: they are drawn light (the stylesheet has the rest).
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.match_media(DARK_QUERY).ok().flatten()
}

/// The theme `choice` draws in now (`auto`: the reader's colour scheme).
pub(super) fn resolve(choice: Choice) -> Theme {
    match choice {
        Choice::Light => Theme::Light,
        Choice::Dark => Theme::Dark,
        Choice::Auto => {
            if system_dark().is_some_and(|m| m.matches()) {
                Theme::Dark
            } else {
                Theme::Light
            }
        }
    }
}

#[hook]
pub fn use_theme(choice: Choice) -> Theme {
    let theme = use_state_eq(|| resolve(choice));
    {
        let theme = theme.clone();
        use_effect_with(choice, move |&choice| {
            if let Some(html) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = match choice {
                    Choice::Light => html.set_attribute("data-theme", "light"),
                    Choice::Dark => html.set_attribute("data-theme", "dark"),
                    Choice::Auto => html.remove_attribute("data-theme"),
                };
            }
            theme.set(resolve(choice));
            let listener = (choice == Choice::Auto)
                .then(system_dark)
                .flatten()
                .map(|mql| {
                    gloo_events::EventListener::new(&mql, "change", move |_| {
                        theme.set(resolve(Choice::Auto))
                    })
                });
            move || drop(listener)
        });
    }
    *theme
}
