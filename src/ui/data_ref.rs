//! The loaded dataset as components share it: one `Rc`, compared by identity. Properties holding an
//! `Rc<Dataset>` would compare the whole dataset, figure by figure, on every render (and link that deep
//! comparison into the `.wasm`); the data is loaded once and never changes, so the same `Rc` means the same data.

use crate::model::Dataset;
use std::ops::Deref;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub struct DataRef(pub Rc<Dataset>);

impl PartialEq for DataRef {
    fn eq(&self, other: &DataRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for DataRef {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        &self.0
    }
}

impl From<Dataset> for DataRef {
    fn from(d: Dataset) -> DataRef {
        DataRef(Rc::new(d))
    }
}
