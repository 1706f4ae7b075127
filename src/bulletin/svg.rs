//! Inline SVG charts for the HTML report: a stacked bar of lights per
//! group or leader. No script, no external font or image; coordinates in
//! whole tenths of a pixel (integer arithmetic, so the output is the same
//! on every machine). Readable in black and white: each segment wide
//! enough carries its light's word and count (`红 3`), red is hatched,
//! and the legend names every light.

use std::fmt::Write as _;

use super::escape::html;
use super::{Line, light_class};
use crate::pace::Light;
use crate::text;
use crate::vocab::{Lang, S, Term};

const WIDTH: i64 = 720;
const LABEL: i64 = 212;
const BAR_X: i64 = 220;
const BAR_W: i64 = 440;
const ROW: i64 = 22;
const BAR_H: i64 = 15;
const TOP: i64 = 30;
/// Label cells that fit in [`LABEL`] pixels at 12 px (a CJK character is
/// two cells, about 12 px).
const LABEL_CELLS: usize = 34;

/// The fill of a light, as in the tables' CSS.
fn fill(l: Light) -> &'static str {
    match l {
        Light::Red => "#c62828",
        Light::Yellow => "#f2c200",
        Light::Green => "#2e7d32",
        Light::Gray => "#e3e3e3",
    }
}

fn ink(l: Light) -> &'static str {
    match l {
        Light::Red | Light::Green => "#ffffff",
        Light::Yellow | Light::Gray => "#000000",
    }
}

/// The word a bar segment carries: the one-character mark in Chinese
/// (红), the light's word in English (`red`; the UI's `R` and `.` would
/// not read in print).
fn word(l: Light, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => match l {
            Light::Red => S::MarkRed,
            Light::Yellow => S::MarkYellow,
            Light::Green => S::MarkGreen,
            Light::Gray => S::MarkGray,
        }
        .get(lang),
        Lang::En => l.word(lang),
    }
}

/// The label of a segment `w` tenths of a pixel wide holding `n`: its
/// word and count when they fit (about 6.5 px a display cell at 11 px,
/// and a margin), else the count alone, else nothing.
fn segment_label(l: Light, n: i64, w: i64, lang: Lang) -> String {
    let full = format!("{} {n}", word(l, lang));
    let need = |s: &str| text::width(s) as i64 * 65 + 80;
    if w >= need(&full) {
        full
    } else if w >= need(&n.to_string()) {
        n.to_string()
    } else {
        String::new()
    }
}

/// Tenths of a pixel as SVG writes them: `123.4`, `12`.
fn px(tenths: i64) -> String {
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, (tenths % 10).abs())
    }
}

/// `s` cut to `cells` display cells, `…` marking a cut.
fn clip(s: &str, cells: usize) -> String {
    if text::width(s) <= cells {
        return s.to_string();
    }
    let (mut out, _) = text::fit(s, cells.saturating_sub(2));
    out.push('…');
    out
}

/// A chart titled `title` with one bar per line; `id` keeps its pattern
/// ids apart from another chart's on the same page.
pub fn bars(id: &str, title: &str, lines: &[Line], lang: Lang) -> String {
    let height = TOP + ROW * lines.len() as i64 + 6;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" \
         viewBox=\"0 0 {WIDTH} {height}\" aria-label=\"{t}\"><title>{t}</title>\
         <defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" \
         patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"2\" height=\"6\" fill=\"#ffffff\" fill-opacity=\"0.4\"/>\
         </pattern></defs>",
        t = html(title)
    );
    legend(&mut s, id, lang);
    for (i, l) in lines.iter().enumerate() {
        bar(&mut s, id, TOP + ROW * i as i64, l, lang);
    }
    s.push_str("</svg>");
    s
}

/// The legend: a swatch and the word of each light.
fn legend(s: &mut String, id: &str, lang: Lang) {
    let mut x = BAR_X * 10;
    for l in Light::ALL {
        swatch(s, id, l, x, 40, 120, 120);
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"14\" font-size=\"12\">{}</text>",
            px(x + 170),
            html(l.word(lang))
        );
        x += 950;
    }
}

/// A rectangle of light `l` (tenths of a pixel), hatched when red.
fn swatch(s: &mut String, id: &str, l: Light, x: i64, y: i64, w: i64, h: i64) {
    let (x, y, w, h) = (px(x), px(y), px(w), px(h));
    let _ = write!(
        s,
        "<rect class=\"{}\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"{}\" \
         stroke=\"#555555\" stroke-width=\"0.5\"/>",
        light_class(l),
        fill(l)
    );
    if l == Light::Red {
        let _ = write!(
            s,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"url(#{id}-hatch)\"/>"
        );
    }
}

/// One line's label, its bar (segments in the order red, yellow, green,
/// gray, each as wide as its share) and its total.
fn bar(s: &mut String, id: &str, y: i64, line: &Line, lang: Lang) {
    let total = line.tally.total() as i64;
    let _ = write!(
        s,
        "<text x=\"{LABEL}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
        y + 12,
        html(&clip(&line.label, LABEL_CELLS))
    );
    let mut x = BAR_X * 10;
    let end = (BAR_X + BAR_W) * 10;
    let mut before = 0;
    for l in Light::ALL {
        let n = line.tally.lights.get(l) as i64;
        if n == 0 || total == 0 {
            continue;
        }
        before += n;
        let right = BAR_X * 10 + BAR_W * 10 * before / total;
        let w = right.min(end) - x;
        swatch(s, id, l, x, y * 10, w, BAR_H * 10);
        let label = segment_label(l, n, w, lang);
        if !label.is_empty() {
            // on the hatching, the word stands on a halo of the fill
            let _ = write!(
                s,
                "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" \
                 fill=\"{}\" stroke=\"{}\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
                px(x + w / 2),
                y + 11,
                ink(l),
                fill(l),
                html(&label)
            );
        }
        x = right;
    }
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" font-size=\"12\">{total}</text>",
        BAR_X + BAR_W + 8,
        y + 12
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulletin::Tally;
    use crate::pace::LightCounts;

    fn line(label: &str, red: usize, yellow: usize, green: usize, gray: usize) -> Line {
        let mut t = Tally {
            lights: LightCounts {
                red,
                yellow,
                green,
                gray,
            },
            ..Tally::default()
        };
        for _ in 0..red + yellow + green + gray {
            t.counts.add(crate::ledger::Status::NoData);
        }
        Line {
            label: label.into(),
            tally: t,
        }
    }

    #[test]
    fn segments_fill_the_bar_exactly_and_carry_their_words() {
        let svg = bars("g", "标题", &[line("（一）<x>", 1, 1, 1, 0)], Lang::Zh);
        // thirds of 440 px: 146.6, 146.7, 146.7 (tenths), ending at 660
        assert!(svg.contains("x=\"220\" y=\"30\" width=\"146.6\""), "{svg}");
        assert!(
            svg.contains("x=\"366.6\" y=\"30\" width=\"146.7\""),
            "{svg}"
        );
        assert!(
            svg.contains("x=\"513.3\" y=\"30\" width=\"146.7\""),
            "{svg}"
        );
        assert!(svg.contains(">红 1</text>") && svg.contains(">绿 1</text>"));
        assert!(svg.contains("（一）&lt;x&gt;"), "label escaped");
        assert!(svg.contains("url(#g-hatch)"));
        assert!(!svg.contains("<x>"));
    }

    #[test]
    fn long_labels_are_clipped_by_display_width() {
        assert_eq!(clip("一二三四五", 6), "一二…");
        assert_eq!(clip("一二三", 6), "一二三");
        assert_eq!(px(1466), "146.6");
        assert_eq!(px(2200), "220");
    }

    #[test]
    fn a_segment_says_its_light_in_words_where_it_fits() {
        assert_eq!(segment_label(Light::Red, 4, 600, Lang::Zh), "红 4");
        assert_eq!(segment_label(Light::Gray, 33, 600, Lang::En), "gray 33");
        assert_eq!(segment_label(Light::Yellow, 6, 300, Lang::En), "6");
        assert_eq!(segment_label(Light::Red, 2, 100, Lang::Zh), "");
    }
}
