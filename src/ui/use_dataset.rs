//! The page's data file as a component sees it: loading, loaded, or why it failed. Every component that
//! asks shares the one request `data_source` started.

use super::data_source;
use super::DataRef;
use super::LoadError;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub enum Load {
    Loading,
    Loaded(DataRef),
    Failed(Rc<LoadError>),
}

#[hook]
pub fn use_dataset() -> Load {
    let load = use_state(|| Load::Loading);
    {
        let load = load.clone();
        use_effect_with((), move |_| {
            data_source::when_loaded(move |r| {
                load.set(match r {
                    Ok(d) => Load::Loaded(d),
                    Err(e) => Load::Failed(e),
                })
            });
        });
    }
    (*load).clone()
}
