//! 지방재정365 세부사업별 세출현황 line items as JSON: the raw API field names and the camelCase shape.

use super::builder::Imported;

pub fn import(file: &str, text: &str) -> Imported {
    let _ = text;
    super::project::todo_import(file)
}
