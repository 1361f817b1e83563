//! What more than one test file needs.
#![allow(dead_code)]

/// A fresh folder under the system's temp dir for one test, removed when the test ends, failed or not.
pub struct TempDir(std::path::PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    pub fn join(&self, file: &str) -> std::path::PathBuf {
        self.0.join(file)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The format-1 fixture (`tests/fixtures/ansan-2015.v1.json`) with `n` copies of its third program in place of its
/// programs: ids `p-0`, …, each with its one figure `p-{i}-f` as its headline.
pub fn v1_with_programs(n: usize) -> serde_json::Value {
    use serde_json::json;
    let mut v = v1();
    let sme = v["programs"][2].clone();
    v["programs"] = (0..n)
        .map(|i| {
            let mut p = sme.clone();
            p["id"] = json!(format!("p-{i}"));
            p["figures"][0]["id"] = json!(format!("p-{i}-f"));
            p["headline"] = json!([format!("p-{i}-f")]);
            p
        })
        .collect();
    v
}

/// The format-1 fixture with its third program given `n` copies of its figure (`f-0`, …), `f-0` its headline.
pub fn v1_with_figures(n: usize) -> serde_json::Value {
    use serde_json::json;
    let mut v = v1();
    let figure = v["programs"][2]["figures"][0].clone();
    v["programs"][2]["figures"] = (0..n)
        .map(|i| {
            let mut f = figure.clone();
            f["id"] = json!(format!("f-{i}"));
            f
        })
        .collect();
    v["programs"][2]["headline"] = json!(["f-0"]);
    v
}

fn v1() -> serde_json::Value {
    serde_json::from_str(include_str!("../fixtures/ansan-2015.v1.json"))
        .expect("the format-1 fixture parses")
}
