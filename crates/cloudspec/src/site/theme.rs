//! The site's colours: Redoc's theme where Redoc's own fall short of WCAG AA (4.5:1 for
//! text) on the backgrounds they are drawn on, and the frame's (nav, index), written into
//! `site.css`. Each colour is written once here, with the background it must stand on; a
//! test holds every pair to AA.

use std::fmt::Write as _;

use serde_json::{Value, json};

/// The middle panel's background.
#[cfg(test)]
const PAGE: &str = "#ffffff";
/// The right panel's background (Redoc's own).
const PANEL: &str = "#263238";
/// Inline code on the page (Redoc draws it on a 5 % tint of the panel colour, lighter
/// than this needs): Redoc's `#e53935` reaches 4.0:1.
const CODE: &str = "#b3261e";
/// Links and the primary colour (Redoc's `#32329f` passes; kept for the record).
const PRIMARY: &str = "#32329f";
/// Text on the right panel: code, samples and the example's description.
const PANEL_TEXT: &str = "#ffffff";
/// The darker box Redoc draws an example's description in, on the right panel.
const EXAMPLE_BOX: &str = "#11171a";
/// Inline code in an example's description, where the page's red reaches 2.8:1.
const PANEL_CODE: &str = "#ffab91";
/// The frame's text, links and the index's "deprecated".
const TEXT: &str = "#1f2328";
const LINK: &str = "#0b57d0";
const DEPRECATED: &str = "#a40e26";
/// The nav's background.
const NAV: &str = "#f4f5f7";
/// The verdict badges of "What changed": white text on each.
const BADGE_TEXT: &str = "#ffffff";
const BADGES: [(&str, &str); 4] = [
    ("breaking", "#a40e26"),
    ("potentially-breaking", "#8a4b00"),
    ("non-breaking", "#1a7f37"),
    ("docs-only", "#57606a"),
];

/// Every colour with the background it is drawn on, and where.
#[cfg(test)]
const PAIRS: [(&str, &str, &str); 13] = [
    (CODE, PAGE, "inline code"),
    (PRIMARY, PAGE, "Redoc's links"),
    (PANEL_TEXT, PANEL, "right panel text"),
    (PANEL_TEXT, EXAMPLE_BOX, "an example's description"),
    (PANEL_CODE, EXAMPLE_BOX, "inline code in an example's description"),
    (TEXT, PAGE, "text"),
    (LINK, PAGE, "links"),
    (LINK, NAV, "the nav's links"),
    (DEPRECATED, PAGE, "the index's deprecated state"),
    (BADGE_TEXT, BADGES[0].1, "the breaking badge"),
    (BADGE_TEXT, BADGES[1].1, "the potentially breaking badge"),
    (BADGE_TEXT, BADGES[2].1, "the non-breaking badge"),
    (BADGE_TEXT, BADGES[3].1, "the docs-only badge"),
];

/// The colour rules of `site.css`: the frame's, and the one Redoc's theme has no key for.
pub(super) fn css() -> String {
    let mut css = format!(
        "body {{ color: {TEXT}; }}\na {{ color: {LINK}; }}\nnav.cloudspec {{ background: {NAV}; }}\n\
         .state.deprecated {{ color: {DEPRECATED}; }}\n\
         .react-tabs__tab-panel code {{ color: {PANEL_CODE}; background: {EXAMPLE_BOX}; }}\n"
    );
    for (verdict, background) in BADGES {
        let _ = writeln!(css, ".badge.{verdict} {{ color: {BADGE_TEXT}; background: {background}; }}");
    }
    css
}

/// Redoc's `theme` option.
pub(super) fn redoc_theme() -> Value {
    json!({
        "colors": { "primary": { "main": PRIMARY } },
        "typography": {
            "fontFamily": "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Noto \
            Sans CJK SC\", \"WenQuanYi Micro Hei\", sans-serif",
            "headings": { "fontFamily": "inherit" },
            "code": { "color": CODE },
        },
        "rightPanel": { "backgroundColor": PANEL, "textColor": PANEL_TEXT },
    })
}

/// WCAG 2's contrast ratio of two `#rrggbb` colours.
#[cfg(test)]
fn contrast(foreground: &str, background: &str) -> Option<f64> {
    let (a, b) = (luminance(foreground)?, luminance(background)?);
    let (light, dark) = if a > b { (a, b) } else { (b, a) };
    Some((light + 0.05) / (dark + 0.05))
}

#[cfg(test)]
fn luminance(colour: &str) -> Option<f64> {
    let hex = colour.strip_prefix('#').filter(|hex| hex.len() == 6)?;
    let channel = |index: usize| -> Option<f64> {
        let value = f64::from(u8::from_str_radix(hex.get(index..index + 2)?, 16).ok()?) / 255.0;
        Some(if value <= 0.039_28 { value / 12.92 } else { ((value + 0.055) / 1.055).powf(2.4) })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_colour_reaches_aa_on_its_background() {
        for (foreground, background, place) in super::PAIRS {
            let ratio = super::contrast(foreground, background).expect("#rrggbb colours");
            assert!(ratio >= 4.5, "{place}: {foreground} on {background} is {ratio:.2}:1, below AA's 4.5:1");
        }
    }
}
