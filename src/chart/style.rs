//! Visual constants shared by charts: font family, ink colours, the per-program palette, marker shapes
//! and fill patterns. Colours are chosen for WCAG AA on white; tests below compute the contrast ratios.

use plotters::style::RGBColor;

/// Canvas builds its CSS font as `"{style} {size}px {family}"`, so a comma list is valid here and the
/// browser falls back down it; the SVG backend writes it into `font-family` unchanged.
pub(crate) const FONT_FAMILY: &str =
    "'Noto Sans CJK KR', 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif";

/// The chart's own background; every contrast below is measured against it.
pub(crate) const PAPER: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// Body text: 16:1 on white.
pub(crate) const INK_TEXT: RGBColor = RGBColor(0x1e, 0x21, 0x24);
/// Tick labels and notes: still 8:1, just visibly quieter than data labels.
pub(crate) const INK_MUTED: RGBColor = RGBColor(0x4b, 0x50, 0x58);
/// Value labels drawn inside a bar; every palette colour keeps ≥ 4.5:1 against it.
pub(crate) const INK_ON_BAR: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// Gridlines are decoration, not information, so they may be faint.
pub(crate) const GRID: RGBColor = RGBColor(0xd5, 0xd9, 0xde);
/// The zero/origin line carries meaning (where bars start), so it meets the 3:1 non-text contrast.
pub(crate) const AXIS: RGBColor = RGBColor(0x5f, 0x66, 0x70);

/// Bar colours by program tone. Each is ≥ 4.5:1 against white so white value labels inside a bar pass AA,
/// which also makes every bar pass the 3:1 non-text contrast against the white page.
pub(crate) const PALETTE: [RGBColor; 8] = [
    RGBColor(0x1f, 0x5f, 0xa8), // blue
    RGBColor(0x00, 0x75, 0x6e), // teal
    RGBColor(0xb2, 0x3c, 0x17), // vermilion
    RGBColor(0x6a, 0x3d, 0x9a), // purple
    RGBColor(0x7a, 0x5c, 0x00), // ochre
    RGBColor(0xb0, 0x22, 0x6b), // magenta
    RGBColor(0x2e, 0x6b, 0x30), // green
    RGBColor(0x4b, 0x55, 0x63), // slate
];

pub(crate) fn bar_colour(tone: usize) -> RGBColor {
    PALETTE
        .get(tone % PALETTE.len())
        .copied()
        .unwrap_or(INK_TEXT)
}

/// Shape drawn before a row's text, so programs differ by more than colour (colour-blind readers, greyscale print).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum MarkerShape {
    Circle,
    Square,
    TriangleUp,
    Diamond,
    TriangleDown,
}

const MARKERS: [MarkerShape; 5] = [
    MarkerShape::Circle,
    MarkerShape::Square,
    MarkerShape::TriangleUp,
    MarkerShape::Diamond,
    MarkerShape::TriangleDown,
];

/// Fill pattern of a bar, the second non-colour carrier. Cycles with a different period (4) from the
/// markers (5), so marker + pattern pairs stay distinct for 20 tones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Pattern {
    Solid,
    Diagonal,
    Horizontal,
    Vertical,
}

const PATTERNS: [Pattern; 4] = [
    Pattern::Solid,
    Pattern::Diagonal,
    Pattern::Horizontal,
    Pattern::Vertical,
];

pub(crate) fn marker_shape(tone: usize) -> MarkerShape {
    MARKERS
        .get(tone % MARKERS.len())
        .copied()
        .unwrap_or(MarkerShape::Circle)
}

pub(crate) fn pattern(tone: usize) -> Pattern {
    PATTERNS
        .get(tone % PATTERNS.len())
        .copied()
        .unwrap_or(Pattern::Solid)
}

#[cfg(test)]
pub(crate) fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    fn luminance(c: RGBColor) -> f64 {
        let lin = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.040_45 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WHITE: RGBColor = RGBColor(0xff, 0xff, 0xff);

    #[test]
    fn text_inks_pass_wcag_aa_on_white() {
        for (name, ink) in [("text", INK_TEXT), ("muted", INK_MUTED)] {
            let ratio = contrast(ink, WHITE);
            assert!(ratio >= 4.5, "{name} ink is only {ratio:.2}:1");
        }
        assert!(contrast(AXIS, WHITE) >= 3.0);
    }

    #[test]
    fn every_bar_colour_carries_white_text_at_aa() {
        for (i, &c) in PALETTE.iter().enumerate() {
            let ratio = contrast(c, INK_ON_BAR);
            assert!(
                ratio >= 4.5,
                "palette[{i}] is only {ratio:.2}:1 with white text"
            );
        }
    }

    #[test]
    fn tones_differ_by_more_than_colour() {
        let mut seen = std::collections::HashSet::new();
        for tone in 0..20 {
            assert!(
                seen.insert((marker_shape(tone), pattern(tone))),
                "tone {tone} repeats"
            );
        }
    }
}
