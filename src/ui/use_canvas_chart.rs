//! A chart on a `<canvas>`: drawn when its input or theme changes and again when the window is resized (the
//! width follows the container), keeping the last layout for hit-testing and the last error to show.

use crate::chart::Theme;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

pub struct CanvasChart<L> {
    /// Put on the `<canvas>`.
    pub node: NodeRef,
    /// The layout of the last successful draw, in device px.
    pub layout: Rc<RefCell<Option<L>>>,
    /// Why the last draw failed, if it did.
    pub error: Option<String>,
    /// Whether the canvas has been drawn at least once (until then the page shows the static chart).
    pub drawn: bool,
}

#[hook]
pub fn use_canvas_chart<C, L>(
    chart: C,
    theme: Theme,
    draw: fn(&HtmlCanvasElement, &C, Theme) -> Result<L, String>,
) -> CanvasChart<L>
where
    C: PartialEq + Clone + 'static,
    L: 'static,
{
    let node = use_node_ref();
    let error = use_state_eq(|| None::<String>);
    let drawn = use_state_eq(|| false);
    let layout: Rc<RefCell<Option<L>>> = use_mut_ref(|| None);
    // Bumped by window resizes, so the draw effect runs again at the new width, and by changes of the root font
    // size (the reader's text size), watched through a hidden 1rem-wide probe, so the chart text follows it.
    let resize = use_state(|| 0u32);
    {
        let resize = resize.clone();
        use_effect_with((), move |_| {
            let bump = {
                let resize = resize.clone();
                move || resize.set(*resize + 1)
            };
            let on_resize = bump.clone();
            let listener = web_sys::window()
                .map(|w| gloo_events::EventListener::new(&w, "resize", move |_| on_resize()));
            let probe = super::canvas_size::rem_probe();
            // A ResizeObserver reports once as soon as it observes: that is not a change.
            let mut first = true;
            let callback = Closure::<dyn FnMut()>::new(move || {
                if !std::mem::take(&mut first) {
                    bump();
                }
            });
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(p)) = (&observer, &probe) {
                o.observe(p);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                if let Some(p) = probe {
                    p.remove();
                }
                drop(callback);
                drop(listener);
            }
        });
    }
    {
        let (node, error, layout, drawn) =
            (node.clone(), error.clone(), layout.clone(), drawn.clone());
        use_effect_with((chart, theme, *resize), move |(chart, theme, _)| {
            let result = node
                .cast::<HtmlCanvasElement>()
                .ok_or_else(|| "the chart canvas is not in the page".to_owned())
                .and_then(|canvas| draw(&canvas, chart, *theme));
            match result {
                Ok(l) => {
                    *layout.borrow_mut() = Some(l);
                    error.set(None);
                    drawn.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    }
    CanvasChart {
        node,
        layout,
        error: (*error).clone(),
        drawn: *drawn,
    }
}
