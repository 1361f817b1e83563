//! A chart on a `<canvas>`: drawn when its input or theme changes and again when the window is resized (the
//! width follows the container), keeping the last layout for hit-testing and the last error to show.

use crate::chart::Theme;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

pub struct CanvasChart<L> {
    /// Put on the `<canvas>`.
    pub node: NodeRef,
    /// The layout of the last successful draw, in device px.
    pub layout: Rc<RefCell<Option<L>>>,
    /// Why the last draw failed, if it did.
    pub error: Option<String>,
}

#[hook]
pub fn use_canvas_chart<C, L>(
    chart: Rc<C>,
    theme: Theme,
    draw: fn(&HtmlCanvasElement, &C, Theme) -> Result<L, String>,
) -> CanvasChart<L>
where
    C: PartialEq + 'static,
    L: 'static,
{
    let node = use_node_ref();
    let error = use_state(|| None::<String>);
    let layout: Rc<RefCell<Option<L>>> = use_mut_ref(|| None);
    // Bumped by window resizes, so the draw effect runs again at the new width.
    let resize = use_state(|| 0u32);
    {
        let resize = resize.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "resize", move |_| resize.set(*resize + 1))
            });
            move || drop(listener)
        });
    }
    {
        let (node, error, layout) = (node.clone(), error.clone(), layout.clone());
        use_effect_with((chart, theme, *resize), move |(chart, theme, _)| {
            let result = node
                .cast::<HtmlCanvasElement>()
                .ok_or_else(|| "the chart canvas is not in the page".to_owned())
                .and_then(|canvas| draw(&canvas, chart, *theme));
            match result {
                Ok(l) => {
                    *layout.borrow_mut() = Some(l);
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    }
    CanvasChart {
        node,
        layout,
        error: (*error).clone(),
    }
}
