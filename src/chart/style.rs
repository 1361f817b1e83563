//! Visual constants shared by charts: font family, ink colours, the per-program palette, marker shapes
//! and fill patterns. Colours are chosen for WCAG AA on white; tests below compute the contrast ratios.

use plotters::style::RGBColor;

/// The page's own name for the installed Noto Sans CJK KR (`@font-face` with `local()` in style.css, regular and
/// bold, no file): Chromium on Linux asks its browser process, synchronously, about each size and weight of a system
/// family a page draws text in, and not about a face the page declares (traced at 4× CPU: 10 calls, 25 ms, before
/// the first paint; none with it; the same pixels; docs/performance.md, stop 31). Not a font to install: where
/// Noto Sans CJK KR is missing the face fails and the font list goes on as before. `font-display: swap`, so that a
/// browser that looks a local font up in the background (Chromium allows for it while its list of local fonts is
/// not ready) shows the text at once in the list's next family, the same font where it is installed.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub(crate) const PAGE_FACE: &str = "Ansan Budget Sans";

/// Canvas builds its CSS font as `"{style} {size}px {family}"`, so a comma list is valid here and the
/// browser falls back down it; the SVG backend writes it into `font-family` unchanged. The page's face first,
/// as the page has it, so that a canvas's text sets up no other font than the page's text did.
pub(crate) const FONT_FAMILY: &str =
    "'Ansan Budget Sans', 'Noto Sans CJK KR', 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif";

/// Which inks a chart is painted with. `Light` paints on white, `Dark` on near-black; the page picks one
/// (from a widget's `theme` parameter or the reader's `prefers-color-scheme`) so the chart never glares on a
/// dark page nor vanishes on a light one. Every pair that must contrast is checked by the tests below.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// The colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Inks {
    /// The chart's own background; every contrast below is measured against it.
    pub paper: RGBColor,
    /// Body text.
    pub text: RGBColor,
    /// Tick labels and notes: still ≥ 4.5:1, just visibly quieter than data labels.
    pub muted: RGBColor,
    /// Value labels drawn inside a bar; every palette colour keeps ≥ 4.5:1 against it.
    pub on_bar: RGBColor,
    /// Gridlines are decoration, not information, so they may be faint.
    pub grid: RGBColor,
    /// The zero/origin line carries meaning (where bars start), so it meets the 3:1 non-text contrast.
    pub axis: RGBColor,
    /// Bar colours by program tone.
    pub palette: [RGBColor; 8],
}

const LIGHT: Inks = Inks {
    paper: RGBColor(0xff, 0xff, 0xff),
    text: RGBColor(0x1e, 0x21, 0x24),
    muted: RGBColor(0x4b, 0x50, 0x58),
    on_bar: RGBColor(0xff, 0xff, 0xff),
    grid: RGBColor(0xd5, 0xd9, 0xde),
    axis: RGBColor(0x5f, 0x66, 0x70),
    palette: [
        RGBColor(0x1f, 0x5f, 0xa8), // blue
        RGBColor(0x00, 0x75, 0x6e), // teal
        RGBColor(0xb2, 0x3c, 0x17), // vermilion
        RGBColor(0x6a, 0x3d, 0x9a), // purple
        RGBColor(0x7a, 0x5c, 0x00), // ochre
        RGBColor(0xb0, 0x22, 0x6b), // magenta
        RGBColor(0x2e, 0x6b, 0x30), // green
        RGBColor(0x4b, 0x55, 0x63), // slate
    ],
};

/// The same hues lightened, carrying dark value labels; the paper is KRDS's dark surface (gray-95).
const DARK: Inks = Inks {
    paper: RGBColor(0x13, 0x14, 0x16),
    text: RGBColor(0xf4, 0xf5, 0xf6),
    muted: RGBColor(0xcd, 0xd1, 0xd5),
    on_bar: RGBColor(0x13, 0x14, 0x16),
    grid: RGBColor(0x3a, 0x3e, 0x45),
    axis: RGBColor(0x8a, 0x94, 0x9e),
    palette: [
        RGBColor(0x8a, 0xb4, 0xf8), // blue
        RGBColor(0x5c, 0xcf, 0xc4), // teal
        RGBColor(0xff, 0x9a, 0x76), // vermilion
        RGBColor(0xc5, 0xa3, 0xff), // purple
        RGBColor(0xe2, 0xb8, 0x4b), // ochre
        RGBColor(0xf4, 0x8f, 0xb8), // magenta
        RGBColor(0x8f, 0xd1, 0x9e), // green
        RGBColor(0xb0, 0xba, 0xc6), // slate
    ],
};

impl Theme {
    pub(crate) fn inks(self) -> &'static Inks {
        match self {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }
}

/// Each light ink beside the dark ink in its place, as lowercase hex (`1f5fa8`): a drawing made with the light
/// inks can be recoloured for a dark page by a stylesheet (see `ui::static_chart` and style.css). Two light inks
/// that are one colour (the paper and the text on a bar, both white) are one colour in the dark theme too.
pub fn light_to_dark() -> Vec<(String, String)> {
    let hex = |c: RGBColor| format!("{:02x}{:02x}{:02x}", c.0, c.1, c.2);
    let (l, d) = (&LIGHT, &DARK);
    let mut pairs: Vec<(String, String)> = [
        (l.paper, d.paper),
        (l.text, d.text),
        (l.muted, d.muted),
        (l.on_bar, d.on_bar),
        (l.grid, d.grid),
        (l.axis, d.axis),
    ]
    .into_iter()
    .chain(l.palette.iter().copied().zip(d.palette.iter().copied()))
    .map(|(a, b)| (hex(a), hex(b)))
    .collect();
    pairs.sort();
    pairs.dedup();
    pairs
}

impl Inks {
    pub(crate) fn bar(&self, tone: usize) -> RGBColor {
        self.palette
            .get(tone % self.palette.len())
            .copied()
            .unwrap_or(self.text)
    }
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

    /// The charts, the page's text and the stylesheet's faces name one family, so a page sets up one font: a face
    /// renamed in one place and not the other would put the charts back on the system family.
    #[test]
    fn charts_and_page_text_start_with_the_face_the_stylesheet_declares() {
        let css = include_str!("../../style.css");
        let first = |list: &str| {
            list.split(',')
                .next()
                .map(|f| f.trim().trim_matches(['\'', '"']).to_owned())
        };
        assert_eq!(first(FONT_FAMILY).as_deref(), Some(PAGE_FACE));
        let body = css
            .lines()
            .find_map(|l| l.trim().strip_prefix("font-family:"))
            .unwrap_or_default();
        assert_eq!(
            first(body).as_deref(),
            Some(PAGE_FACE),
            "style.css's first font-family: {body}"
        );
        for weight in ["400", "700"] {
            let face = css
                .lines()
                .find(|l| {
                    l.starts_with("@font-face") && l.contains(&format!("font-weight: {weight};"))
                })
                .unwrap_or_default();
            assert!(
                face.contains(&format!("font-family: \"{PAGE_FACE}\";")),
                "no {weight} face of {PAGE_FACE}: {face}"
            );
            assert!(
                face.contains("src: local(") && !face.contains("url("),
                "the {weight} face must name an installed font only: {face}"
            );
            assert!(
                face.contains("font-display: swap;"),
                "the {weight} face must never hold text back: {face}"
            );
        }
    }

    #[test]
    fn each_light_ink_has_one_dark_ink() {
        let pairs = light_to_dark();
        assert_eq!(pairs.len(), 13, "{pairs:?}");
        for w in pairs.windows(2) {
            if let [a, b] = w {
                assert_ne!(a.0, b.0, "light ink {} has two dark inks", a.0);
            }
        }
    }

    #[test]
    fn text_inks_pass_wcag_aa_on_their_paper() {
        for theme in [Theme::Light, Theme::Dark] {
            let k = theme.inks();
            for (name, ink) in [("text", k.text), ("muted", k.muted)] {
                let ratio = contrast(ink, k.paper);
                assert!(ratio >= 4.5, "{theme:?} {name} ink is only {ratio:.2}:1");
            }
            assert!(contrast(k.axis, k.paper) >= 3.0, "{theme:?} axis");
        }
    }

    #[test]
    fn every_bar_colour_carries_its_value_text_at_aa_and_stands_out_from_the_paper() {
        for theme in [Theme::Light, Theme::Dark] {
            let k = theme.inks();
            for (i, &c) in k.palette.iter().enumerate() {
                let ratio = contrast(c, k.on_bar);
                assert!(
                    ratio >= 4.5,
                    "{theme:?} palette[{i}] is only {ratio:.2}:1 with its value text"
                );
                let ground = contrast(c, k.paper);
                assert!(
                    ground >= 3.0,
                    "{theme:?} palette[{i}] is only {ground:.2}:1 on the paper"
                );
            }
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
