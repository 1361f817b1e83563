//! Axis arithmetic on whole-won integers: "nice" 1-2-5 linear steps and power-of-ten decades for log axes.
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

/// Smallest step of the form {1, 2, 5} × 10^k that covers `0..=max` in at most `max_intervals` steps.
/// Returns `(step, axis_max)` with `axis_max` the first multiple of `step` at or above `max`.
/// A zero `max` (every bar zero) still gets a one-won axis so positions stay finite.
pub(crate) fn nice_linear(max: i64, max_intervals: u32) -> Result<(i64, i64), ChartError> {
    if max <= 0 {
        return Ok((1, 1));
    }
    let max_intervals = i64::from(max_intervals.max(1));
    let mut power: i64 = 1;
    loop {
        for mantissa in [1_i64, 2, 5] {
            let step = mantissa
                .checked_mul(power)
                .ok_or_else(|| overflow("the axis step"))?;
            let intervals = max / step + i64::from(max % step != 0);
            if intervals <= max_intervals {
                let axis_max = intervals
                    .checked_mul(step)
                    .ok_or_else(|| overflow("the axis maximum"))?;
                return Ok((step, axis_max));
            }
        }
        power = power
            .checked_mul(10)
            .ok_or_else(|| overflow("the axis step"))?;
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
        ceil = ceil
            .checked_mul(10)
            .ok_or_else(|| overflow("the decade above the largest value"))?;
        hi += 1;
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
    fn nice_linear_rounds_up_to_a_1_2_5_step() {
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
    fn nice_linear_reports_overflow_instead_of_wrapping() {
        let err = nice_linear(i64::MAX, 5).err().map(|e| e.kind);
        assert_eq!(err, Some(ChartErrorKind::Overflow));
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
        assert_eq!(
            decades(1, i64::MAX).err().map(|e| e.kind),
            Some(ChartErrorKind::Overflow)
        );
    }
}
