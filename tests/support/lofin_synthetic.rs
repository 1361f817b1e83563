//! A made-up 지방재정365 line-item file in popfund's camelCase shape, for the import benchmark (native example and
//! wasm test): `rows` rows over 13 분야, 3 부문 each and 16 회계, every (dbizCd, acntDvNm) pair once, the funding
//! parts adding up to 예산현액, amounts in whole won. Deterministic for a seed. Stands in until the importer's own
//! generator (`import::lofin365::synthetic`) is merged.

const FIELDS: [&str; 13] = [
    "일반공공행정",
    "공공질서및안전",
    "교육",
    "문화및관광",
    "환경",
    "사회복지",
    "보건",
    "농림해양수산",
    "산업ㆍ중소기업및에너지",
    "교통및물류",
    "국토및지역개발",
    "예비비",
    "기타",
];

const ACCOUNTS: [&str; 16] = [
    "일반회계",
    "상수도사업특별회계",
    "하수도사업특별회계",
    "주차장특별회계",
    "의료급여기금특별회계",
    "도시개발특별회계",
    "폐기물처리시설특별회계",
    "농어촌발전특별회계",
    "공영개발특별회계",
    "주택사업특별회계",
    "재난관리기금",
    "재해구호기금",
    "통합재정안정화기금",
    "양성평등기금",
    "사회복지기금",
    "식품진흥기금",
];

/// xorshift64*: enough spread for made-up amounts, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The file's text, compact JSON (about 330 bytes a row).
pub fn generate(rows: usize, seed: u64) -> String {
    use std::fmt::Write;
    let mut rng = Rng(seed | 1);
    let mut out = String::with_capacity(rows * 340 + 64);
    out.push_str("{\"lafCd\":\"4192000\",\"exeYmd\":\"20260705\",\"projects\":[");
    for i in 0..rows {
        // One project code in ten appears again under a second account, in the same 분야 and 부문.
        let project = if i % 10 == 9 { i - 1 } else { i };
        let mix = (project as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32;
        let field = (mix % FIELDS.len() as u64) as usize;
        let part = mix / FIELDS.len() as u64 % 3;
        let account = if i % 10 == 9 {
            1 + rng.below(ACCOUNTS.len() as u64 - 1) as usize
        } else {
            0
        };
        let cash = (1 + rng.below(5_000_000)) * 1000;
        let national = rng.below(cash / 1000 / 2 + 1) * 1000;
        let provincial = rng.below((cash - national) / 1000 / 2 + 1) * 1000;
        let other = if rng.below(8) == 0 {
            rng.below((cash - national - provincial) / 1000 + 1) * 1000
        } else {
            0
        };
        let city = cash - national - provincial - other;
        let spent = rng.below(cash + 1);
        let allocated = cash - rng.below(cash / 10 + 1);
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "{{\"dbizCd\":\"41920{field:02}{part:01}{project:08}\",\"dbizNm\":\"세부사업 {project}\",\
             \"acntDvNm\":\"{acnt}\",\"fldNm\":\"{fld}\",\"partNm\":\"{fld} 부문 {part}\",\
             \"bdgCashAmt\":{cash},\"bdgNtep\":{national},\"capep\":{provincial},\"sggep\":{city},\
             \"etcAmt\":{other},\"epAmt\":{spent},\"cplAmt\":{allocated},\"fundRelated\":null}}",
            acnt = ACCOUNTS.get(account).copied().unwrap_or("일반회계"),
            fld = FIELDS.get(field).copied().unwrap_or("기타"),
        );
    }
    out.push_str("]}");
    out
}
