//! The editorial rules of a localized document: stable ids that reports and the publishers' guide name.
//! Every rule is an error: a zh-CN document that breaks one is not published.

use crate::lint::{Level, Rule};

const fn rule(id: &'static str, summary: &'static str) -> Rule {
    Rule::new(id, Level::Error, summary, Rule::NONE)
}

pub(crate) const GLOSSARY: Rule = rule("zh-glossary", "no term the vendor's glossary forbids");
pub(crate) const ONE_TRANSLATION: Rule = rule(
    "zh-one-translation",
    "one English string, one translation across the catalog, or a reasoned `x-variant`",
);
pub(crate) const ENGLISH: Rule =
    rule("zh-english", "no English sentence outside code, quotes, links and verbatim passages");
pub(crate) const SPACING: Rule = rule("zh-spacing", "Chinese spaced from Latin text as the vendor does");
pub(crate) const PUNCTUATION: Rule = rule("zh-punctuation", "full-width punctuation in Chinese text");
pub(crate) const SPACE_BEFORE_PUNCTUATION: Rule =
    rule("zh-space-before-punctuation", "no space before 。，、；：？！ or a closing bracket");
pub(crate) const RANGE: Rule = rule("zh-range", "a range of numbers written one way: 1～55");
pub(crate) const STATUS: Rule =
    rule("zh-status", "a status description reads `名称：说明`, one name per status across the catalog");
pub(crate) const VERBATIM: Rule =
    rule("zh-verbatim", "a passage marked verbatim is in the translation, with its vendor page");

/// Every rule, in the order the publishers' guide lists them.
pub const ALL: [Rule; 9] = [
    GLOSSARY,
    ONE_TRANSLATION,
    ENGLISH,
    SPACING,
    PUNCTUATION,
    SPACE_BEFORE_PUNCTUATION,
    RANGE,
    STATUS,
    VERBATIM,
];

/// The publishers' guide's table of the rules (docs/publishers.md).
pub fn table() -> String {
    use std::fmt::Write as _;
    let mut out = String::from("| Rule | What it asks |\n|---|---|\n");
    for rule in ALL {
        let _ = writeln!(out, "| `{}` | {} |", rule.id, rule.summary.replace('|', "\\|"));
    }
    out
}
