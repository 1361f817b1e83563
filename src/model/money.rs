//! Whole-won money: an `i64` newtype with checked arithmetic. Money is never a float.

use serde::{Serialize, Serializer};

/// An amount of Korean won, always whole won.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Won(i64);

/// 1억원 (10^8 won): the unit budgets are usually printed in.
pub const EOK: i64 = 100_000_000;
/// 1조원 (10^12 won) = 10,000억원.
pub const JO: i64 = 1_000_000_000_000;

impl Won {
    pub const ZERO: Won = Won(0);

    pub const fn new(won: i64) -> Won {
        Won(won)
    }

    /// `n` 억원, or `None` when it does not fit in an `i64`.
    pub fn from_eok(n: i64) -> Option<Won> {
        n.checked_mul(EOK).map(Won)
    }

    pub const fn get(self) -> i64 {
        self.0
    }

    pub fn checked_add(self, other: Won) -> Option<Won> {
        self.0.checked_add(other.0).map(Won)
    }

    pub fn checked_sub(self, other: Won) -> Option<Won> {
        self.0.checked_sub(other.0).map(Won)
    }

    /// Sum of all amounts, `None` on overflow.
    pub fn checked_sum<I: IntoIterator<Item = Won>>(items: I) -> Option<Won> {
        items.into_iter().try_fold(Won::ZERO, Won::checked_add)
    }

    /// Divides by a positive count, rounding half away from zero, in integers only.
    /// `None` when `by` is not positive.
    ///
    /// 445,000,000,000 ÷ 760,000 = 585,526.31… → 585,526.
    pub fn div_round(self, by: i64) -> Option<Won> {
        if by <= 0 {
            return None;
        }
        let (a, b) = (self.0, by);
        let (q, r) = (a / b, (a % b).unsigned_abs());
        // Round away from zero when 2|r| ≥ b, compared as |r| ≥ b − |r| so nothing can overflow; |r| < b, so
        // there is a remainder only when b > 1, and then q ± 1 fits.
        if r >= b.unsigned_abs() - r {
            q.checked_add(a.signum()).map(Won)
        } else {
            Some(Won(q))
        }
    }
}

impl Serialize for Won {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0)
    }
}

/// The message a float or string amount gets; it is what the data team reads.
pub const EXPECTED_WON: &str = "whole won as an integer";

impl schemars::JsonSchema for Won {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Won".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "integer",
            "description": "An amount in whole Korean won (1억원 = 100000000). Never a float, never a string."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn div_round_rounds_half_away_from_zero() {
        let cases = [
            (445_000_000_000, 760_000, Some(585_526)),
            (95_000_000_000, 760_000, Some(125_000)),
            (3, 2, Some(2)),
            (5, 2, Some(3)),
            (4, 3, Some(1)),
            (-3, 2, Some(-2)),
            (7, 0, None),
            (7, -1, None),
            (i64::MAX, 1, Some(i64::MAX)),
        ];
        for (a, by, want) in cases {
            assert_eq!(Won::new(a).div_round(by).map(Won::get), want, "{a} / {by}");
        }
        // Against the same rounding done in 128 bits, at the ends of the range.
        for a in [
            i64::MIN,
            i64::MIN + 1,
            -7,
            -1,
            0,
            1,
            7,
            i64::MAX - 1,
            i64::MAX,
        ] {
            for by in [1, 2, 3, 7, 760_000, i64::MAX - 1, i64::MAX] {
                let (a128, b128) = (i128::from(a), i128::from(by));
                let (q, r) = (a128 / b128, a128 % b128);
                let want = if 2 * r.abs() >= b128 {
                    q + a128.signum()
                } else {
                    q
                };
                assert_eq!(
                    Won::new(a).div_round(by).map(|w| i128::from(w.get())),
                    Some(want),
                    "{a} / {by}"
                );
            }
        }
    }

    #[test]
    fn sums_are_overflow_checked() {
        assert_eq!(
            Won::checked_sum([Won::new(1), Won::new(2)]),
            Some(Won::new(3))
        );
        assert_eq!(Won::checked_sum([Won::new(i64::MAX), Won::new(1)]), None);
        assert_eq!(Won::new(i64::MIN).checked_sub(Won::new(1)), None);
        assert_eq!(Won::from_eok(4_450), Some(Won::new(445_000_000_000)));
        assert_eq!(Won::from_eok(i64::MAX / 10), None);
    }
}
