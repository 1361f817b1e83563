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

/// "line 8" / "8행".
pub fn line(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!("{n}행"),
        Lang::En => format!("line {n}"),
    }
}
