//! Axis arithmetic on whole-won integers: "nice" 1-2-2.5-5 linear steps and power-of-ten decades for log axes.
//!
//! Budgets reach 10^13 won and more, beyond what f64 keeps exact in every digit a label shows, so the tick
//! values themselves are computed with checked `i64` maths; only positions on screen use f64.

use super::{ChartError, ChartErrorKind};

fn overflow(what: &str) -> ChartError {
    ChartError::new(
        ChartErrorKind::Overflow,
        format!("{what} does not fit in a 64-bit whole-won axis"),
    )
}

/// Smallest step of the form {1, 2, 2.5, 5} × 10^k (a whole number of won) that covers `0..=max` in at most
/// `max_intervals` steps. 2.5 fills the gap where 2 needs one interval too many and 5 leaves one: with room for two
/// labels, 4,450억 gets 0 / 2,500억 / 5,000억 rather than 0 and 5,000억 alone.
/// Returns `(step, axis_max)` with `axis_max` the first multiple of `step` at or above `max`.
/// A zero `max` (every bar zero) still gets a one-won axis so positions stay finite.
pub(crate) fn nice_linear(max: i64, max_intervals: u32) -> Result<(i64, i64), ChartError> {
    if max <= 0 {
        return Ok((1, 1));
    }
    let max_intervals = i64::from(max_intervals.max(1));
    let mut power: i64 = 1;
    loop {
        // Each mantissa as tenths: 1, 2, 2.5, 5.
        for tenths in [10_i64, 20, 25, 50] {
            // No such step beyond i64: one interval, from zero to the largest amount there is.
            let step = if tenths % 10 == 0 {
                power.checked_mul(tenths / 10)
            } else if power >= 10 {
                (power / 10).checked_mul(tenths)
            } else {
                // 2.5 won is no step: amounts are whole won.
                continue;
            };
            let Some(step) = step else {
                return Ok((i64::MAX, i64::MAX));
            };
            let intervals = max / step + i64::from(max % step != 0);
            if intervals <= max_intervals {
                // Near i64::MAX the rounded-up end does not exist: the axis ends at the largest amount there is.
                let axis_max = intervals.checked_mul(step).unwrap_or(i64::MAX);
                return Ok((step, axis_max));
            }
        }
        let Some(next) = power.checked_mul(10) else {
            return Ok((i64::MAX, i64::MAX));
        };
        power = next;
    }
}

/// Exponents `(lo, hi)` of the decades 10^lo ≤ min and 10^hi ≥ max, at least one decade apart so a
/// single value that is itself a power of ten still gets an axis with width. Inputs must be positive.
pub(crate) fn decades(min: i64, max: i64) -> Result<(u32, u32), ChartError> {
    if min <= 0 || max < min {
        return Err(ChartError::new(
            ChartErrorKind::NonPositive,
            "a log axis needs values above zero".to_owned(),
        ));
    }
    let mut lo = 0_u32;
    let mut floor: i64 = 1;
    while let Some(next) = floor.checked_mul(10).filter(|&n| n <= min) {
        floor = next;
        lo += 1;
    }
    let mut hi = lo;
    let mut ceil = floor;
    while ceil < max || hi == lo {
        hi += 1;
        // Above 10^18 the next decade (10^19) is beyond i64: the axis still reaches it, without a tick there.
        match ceil.checked_mul(10) {
            Some(next) => ceil = next,
            None => break,
        }
    }
    Ok((lo, hi))
}

/// 10^exp, or an overflow error past 10^18.
pub(crate) fn pow10(exp: u32) -> Result<i64, ChartError> {
    10_i64
        .checked_pow(exp)
        .ok_or_else(|| overflow("a decade tick"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EOK: i64 = 100_000_000; // 1억원

    #[test]
    fn nice_linear_rounds_up_to_a_1_2_2_5_5_step() {
        let cases: &[(i64, u32, i64, i64)] = &[
            // max, max intervals, expected step, expected axis max
            (4_450 * EOK, 5, 1_000 * EOK, 5_000 * EOK),
            (4_450 * EOK, 6, 1_000 * EOK, 5_000 * EOK),
            (4_450 * EOK, 3, 2_000 * EOK, 6_000 * EOK),
            (4_450 * EOK, 10, 500 * EOK, 4_500 * EOK),
            (19 * EOK, 5, 5 * EOK, 20 * EOK),
            (1, 5, 1, 1),
            (7, 1, 10, 10),
            (5_000 * EOK, 5, 1_000 * EOK, 5_000 * EOK),
            (0, 5, 1, 1),
            // Where 2 takes one interval too many, 2.5 rather than 5, which would leave one.
            (4_450 * EOK, 2, 2_500 * EOK, 5_000 * EOK),
            (445 * EOK, 2, 250 * EOK, 500 * EOK),
            (9 * EOK, 4, 25 * EOK / 10, 10 * EOK),
            // No step of 2.5 won.
            (5, 2, 5, 5),
            (9, 2, 5, 10),
        ];
        for &(max, n, step, axis_max) in cases {
            assert_eq!(
                nice_linear(max, n),
                Ok((step, axis_max)),
                "max {max}, {n} intervals"
            );
        }
    }

    #[test]
    fn nice_linear_reaches_the_largest_amount_without_wrapping() {
        // 10^19 would be the nice end; beyond i64 the axis ends at i64::MAX itself.
        assert_eq!(
            nice_linear(i64::MAX, 5),
            Ok((2_000_000_000_000_000_000, i64::MAX))
        );
        assert_eq!(nice_linear(i64::MAX - 1, 1), Ok((i64::MAX, i64::MAX)));
    }

    #[test]
    fn decades_cover_min_and_max() {
        let cases: &[(i64, i64, u32, u32)] = &[
            (19 * EOK, 4_450 * EOK, 9, 12), // 10억 .. 1조
            (10 * EOK, 10 * EOK, 9, 10),    // a lone power of ten still spans a decade
            (1, 1, 0, 1),
            (999, 1_001, 2, 4),
            (1_000_000, 10_000_000, 6, 7),
        ];
        for &(min, max, lo, hi) in cases {
            assert_eq!(decades(min, max), Ok((lo, hi)), "{min}..{max}");
        }
        assert_eq!(
            decades(0, 10).err().map(|e| e.kind),
            Some(ChartErrorKind::NonPositive)
        );
        // Past 10^18 the top decade is 10^19, beyond i64: the axis reaches it, no tick is made for it.
        assert_eq!(decades(1, i64::MAX), Ok((0, 19)));
        assert!(pow10(19).is_err());
    }
}
