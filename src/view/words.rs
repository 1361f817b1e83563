//! Words for figure kinds, funding sources and provenance, in Korean and English.

use crate::model::{FigureKind, FundingSource, Lang};

pub fn kind(k: FigureKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (FigureKind::Total, Lang::Ko) => "총사업비",
        (FigureKind::Total, Lang::En) => "Total",
        (FigureKind::PrivateShare, Lang::Ko) => "민자 분담",
        (FigureKind::PrivateShare, Lang::En) => "Private share",
        (FigureKind::PublicShare, Lang::Ko) => "공공 분담",
        (FigureKind::PublicShare, Lang::En) => "Public share",
        (FigureKind::ProvincialGrant, Lang::Ko) => "도비 지원",
        (FigureKind::ProvincialGrant, Lang::En) => "Provincial grant",
        (FigureKind::PhaseInvestment, Lang::Ko) => "단계별 투자",
        (FigureKind::PhaseInvestment, Lang::En) => "Phase investment",
        (FigureKind::Budget, Lang::Ko) => "예산",
        (FigureKind::Budget, Lang::En) => "Budget",
        (FigureKind::AnnualBudget, Lang::Ko) => "연간 예산",
        (FigureKind::AnnualBudget, Lang::En) => "Annual budget",
    }
}

pub fn funding(f: FundingSource, lang: Lang) -> &'static str {
    match (f, lang) {
        (FundingSource::National, Lang::Ko) => "국비",
        (FundingSource::National, Lang::En) => "National (국비)",
        (FundingSource::Provincial, Lang::Ko) => "도비",
        (FundingSource::Provincial, Lang::En) => "Provincial (도비)",
        (FundingSource::City, Lang::Ko) => "시비",
        (FundingSource::City, Lang::En) => "City (시비)",
        (FundingSource::Private, Lang::Ko) => "민자",
        (FundingSource::Private, Lang::En) => "Private (민자)",
        (FundingSource::Public, Lang::Ko) => "공공 재원 (국·도·시비)",
        (FundingSource::Public, Lang::En) => "Public money",
        (FundingSource::Unknown, Lang::Ko) => "보도되지 않음",
        (FundingSource::Unknown, Lang::En) => "Not reported",
    }
}

/// `2021년까지 (시작 연도 미보도)` / `until 2021 (start not reported)`.
pub fn period_text(start: Option<i32>, end: Option<i32>, lang: Lang) -> String {
    match (start, end, lang) {
        (Some(s), Some(e), Lang::Ko) => format!("{s}–{e}년"),
        (Some(s), Some(e), Lang::En) => format!("{s}–{e}"),
        (None, Some(e), Lang::Ko) => format!("{e}년까지 (시작 연도 미보도)"),
        (None, Some(e), Lang::En) => format!("until {e} (start not reported)"),
        (Some(s), None, Lang::Ko) => format!("{s}년부터 (종료 연도 미보도)"),
        (Some(s), None, Lang::En) => format!("from {s} (end not reported)"),
        (None, None, Lang::Ko) => "기간 미보도".to_owned(),
        (None, None, Lang::En) => "period not reported".to_owned(),
    }
}

/// "line 8" / "8행".
pub fn line(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!("{n}행"),
        Lang::En => format!("line {n}"),
    }
}

/// The start of the one line a page adds at its top when its charts cannot be made interactive; the reason
/// follows it.
pub fn static_lead(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => "차트를 움직일 수 없습니다. 금액과 출처는 아래에 그대로 있습니다. 이유: ",
        Lang::En => {
            "The charts cannot be made interactive; every figure and source below still holds. Why: "
        }
    }
}

/// The reason when the app's own files did not arrive or would not start (a build replaced on the server while
/// the page was open, a network cut): around the files' names, which go between the two parts.
pub fn app_files_missing(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Ko => (
            "앱 파일(",
            ")을 받지 못했거나 시작하지 못했습니다. 페이지를 새로 고치면 대개 해결됩니다.",
        ),
        Lang::En => (
            "the app's files (",
            ") did not arrive or would not start; reloading the page usually helps.",
        ),
    }
}

/// The reason the app's files could not be read when the page was opened from disk (`file:`), where browsers
/// refuse to load modules: no reload helps, a web server does.
pub fn opened_from_disk(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => {
            "페이지를 디스크의 파일로 열어 브라우저가 앱 파일을 읽지 않습니다. 웹 서버로 제공하면 차트가 움직입니다(정적 호스팅이면 충분합니다)."
        }
        Lang::En => {
            "the page was opened as a file from disk, where browsers will not load the app's files; served by a web server (any static host will do), its charts work."
        }
    }
}

/// Said (in the chart's status line, a live region) when a toggle or menu item is pressed before the app drives its
/// chart: the press is kept and applied once it does (`ui::prerender::defer_app`). The toggle only looks as waiting;
/// this is what a screen reader is told.
pub fn early_press_kept(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => "차트를 준비하는 중입니다. 준비되면 고른 것을 바로 반영합니다.",
        Lang::En => {
            "The chart is still getting ready; your choice will be applied as soon as it is."
        }
    }
}

/// Said in the same place once the app drives the chart and has pressed what was pressed before
/// (`ui::live_chart::LiveChart::replay_early_clicks`).
pub fn early_press_applied(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => "차트가 준비되어 고른 것을 반영했습니다.",
        Lang::En => "The chart is ready, and your choice has been applied.",
    }
}

/// The reason when the app stopped with an error after it started (a WebAssembly trap: a panic aborts the module),
/// so its charts no longer answer.
pub fn app_stopped(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => "앱이 오류로 멈췄습니다. 페이지를 새로 고치면 대개 해결됩니다.",
        Lang::En => "the app stopped with an error; reloading the page usually helps.",
    }
}

/// Why a chart's download failed when the module that makes files did not arrive or would not start (a build
/// replaced on the server while the page was open, a network cut): around the files' names.
pub fn download_files_missing(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Ko => (
            "파일을 만드는 모듈(",
            ")을 받지 못했거나 시작하지 못했습니다. 페이지를 새로 고치면 대개 해결됩니다.",
        ),
        Lang::En => (
            "the module that makes the files (",
            ") did not arrive or would not start; reloading the page usually helps.",
        ),
    }
}

/// What a widget's frame says when its own files did not arrive or would not start (its page's guard,
/// `prerender::widget_guarded`): the frame has nothing else to show, so no figures are promised below.
pub fn widget_files_missing(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => {
            "차트를 불러오지 못했습니다. 파일을 받지 못했거나 시작하지 못했습니다. 페이지를 새로 고치면 대개 해결됩니다."
        }
        Lang::En => {
            "The chart could not be loaded: its files did not arrive or would not start. Reloading the page usually helps."
        }
    }
}

/// The start of a widget frame's note when it has a reason of its own to give (`opened_from_disk`).
pub fn widget_lead(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => "차트를 불러오지 못했습니다. ",
        Lang::En => "The chart could not be loaded: ",
    }
}

/// The widget page's heading (read by screen readers only) when the app rendered nothing.
pub fn widget_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => "안산시 예산 탐색기 차트",
        Lang::En => "Ansan Budget Explorer chart",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_say_what_is_unknown() {
        assert_eq!(
            period_text(None, Some(2021), Lang::Ko),
            "2021년까지 (시작 연도 미보도)"
        );
        assert_eq!(
            period_text(None, Some(2021), Lang::En),
            "until 2021 (start not reported)"
        );
        assert_eq!(period_text(Some(2015), Some(2017), Lang::Ko), "2015–2017년");
        assert_eq!(period_text(None, None, Lang::En), "period not reported");
        assert_eq!(line(8, Lang::Ko), "8행");
    }
}
