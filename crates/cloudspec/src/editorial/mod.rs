//! The editorial rules of a localized document, as a vendor's Chinese editor applies them:
//! the vendor's terms ([`glossary`]), no English left in prose ([`english`]), its typography
//! ([`typography`], [`spacing`]) and one translation per English string across the catalog
//! ([`consistency`]). They hold each zh-CN document and its 3.0 rendition, whose notes the
//! pipeline writes itself ([`crate::downgrade::Language`]). [`text`] tells prose from code,
//! quotations and the passages an overlay marks as copied verbatim from a vendor's page,
//! which no rule touches.
//!
//! Findings are [`lint::Finding`]s, so `check` reports them as it reports lint's;
//! [`crate::proofread`] applies the rules to the catalog's documents.

pub mod consistency;
pub(crate) mod english;
pub mod glossary;
pub mod rules;
pub(crate) mod spacing;
pub(crate) mod text;
pub(crate) mod typeset;
mod typography;

use serde_json::Value;

pub use glossary::Glossary;
pub use glossary::GlossaryError;

use crate::lint::{Finding, Rule};
use crate::overlay::{self, Overlay};
use text::{Kind, Text};

/// A localized document to hold to the rules.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    /// The path it is shown with.
    pub path: &'a str,
    pub document: &'a Value,
    pub glossary: &'a Glossary,
    /// The passages its overlay marks as verbatim, which every rule leaves alone.
    pub verbatim: &'a [&'a str],
}

/// Every finding on one document.
pub fn lint(subject: Subject<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (pointer, field) in overlay::translatable(subject.document) {
        let Some(string) =
            subject.document.pointer(&pointer).and_then(|node| node.get(field)).and_then(Value::as_str)
        else {
            continue;
        };
        let at = format!("{pointer}/{field}");
        let read = Text::read(string, subject.verbatim);
        let mut report = |rule: Rule, message: String| {
            findings.push(Finding { rule, document: subject.path.to_owned(), pointer: at.clone(), message });
        };
        let terms = read.masked(&[Kind::Prose, Kind::Quoted]);
        for (word, term) in subject.glossary.forbidden() {
            if terms.contains(word) {
                report(
                    rules::GLOSSARY,
                    format!(
                        "“{word}”: {} writes “{}”{} ({})",
                        subject.glossary.vendor,
                        term.preferred,
                        term.note.as_ref().map(|note| format!(": {note}")).unwrap_or_default(),
                        term.source
                    ),
                );
            }
        }
        for range in english::sentences(&read) {
            report(
                rules::ENGLISH,
                format!(
                    "English in Chinese prose: {:?}; translate it, or quote it (“…”) if it is a \
                    message or a title",
                    read.slice(range)
                ),
            );
        }
        let spacing = subject.glossary.spacing.style;
        for found in spacing::violations(&read, spacing) {
            let chinese =
                found.range.clone().all(|index| read.chars[index] == ' ' || text::is_han(read.chars[index]));
            let message = if chinese {
                "no space parts two Chinese characters".to_owned()
            } else {
                let wanted = if found.space { "one space" } else { "no space" };
                format!(
                    "{} writes {wanted} between Chinese and Latin text (“{}”, {})",
                    subject.glossary.vendor,
                    subject.glossary.spacing.example,
                    subject.glossary.spacing.source
                )
            };
            report(rules::SPACING, format!("{:?}: {message}", read.excerpt(found.range)));
        }
        for (range, full) in typography::half_width(&read) {
            report(rules::PUNCTUATION, format!("{:?}: write the full-width “{full}”", read.excerpt(range)));
        }
        for range in typography::space_before(&read) {
            report(
                rules::SPACE_BEFORE_PUNCTUATION,
                format!("{:?}: no space before this mark", read.excerpt(range)),
            );
        }
        for range in typography::ranges(&read) {
            report(rules::RANGE, format!("{:?}: write a range as “A～B”", read.excerpt(range)));
        }
        if field == "description" && is_response(&pointer) && typography::status_name(string).is_none() {
            report(
                rules::STATUS,
                format!("{:?}: a status description reads “名称：说明”", read.excerpt(0..12)),
            );
        }
    }
    findings
}

/// The name each status goes by across `documents` (`(path shown, document)`): a status
/// named otherwise than where the catalog first names it is a finding. A description that
/// does not read `名称：说明` has no name; [`lint`] reports it.
pub fn status_names<'a>(documents: impl IntoIterator<Item = (&'a str, &'a Value)>) -> Vec<Finding> {
    let mut first: std::collections::BTreeMap<String, (String, String, String)> =
        std::collections::BTreeMap::new();
    let mut findings = Vec::new();
    for (path, document) in documents {
        for (pointer, field) in overlay::translatable(document) {
            let status = pointer.rsplit('/').next().unwrap_or_default().to_owned();
            if field != "description" || !is_response(&pointer) {
                continue;
            }
            let Some(description) =
                document.pointer(&pointer).and_then(|node| node.get(field)).and_then(Value::as_str)
            else {
                continue;
            };
            let Some(name) = typography::status_name(description) else { continue };
            match first.get(&status) {
                Some((known, at_path, at)) if *known != name => findings.push(Finding {
                    rule: rules::STATUS,
                    document: path.to_owned(),
                    pointer: format!("{pointer}/{field}"),
                    message: format!(
                        "status {status} is named “{name}” here and “{known}” at {at_path}#{}: one \
                        name per status",
                        cloudspec_schema::pointer::display(at)
                    ),
                }),
                Some(_) => {}
                None => {
                    first.insert(status, (name.to_owned(), path.to_owned(), format!("{pointer}/{field}")));
                }
            }
        }
    }
    findings
}

/// Whether `pointer` is a response of an operation or of `components.responses`.
fn is_response(pointer: &str) -> bool {
    let tokens: Vec<&str> = pointer.split('/').collect();
    tokens.len() >= 2 && tokens[tokens.len() - 2] == "responses"
}

/// The passages an overlay marks verbatim, each with a vendor page and present in its field's
/// translation: an exemption that no longer matches anything would hide nothing, and one
/// without a page is no quotation.
pub fn verbatim_findings(overlay: &Overlay, shown: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, action) in overlay.actions.iter().enumerate() {
        for (field, passages) in &action.verbatim {
            let translation =
                action.update.as_ref().and_then(|update| update.get(field)).and_then(Value::as_str);
            for passage in passages {
                let problem = if translation.is_none() {
                    Some(format!("marks a passage of `{field}`, which the action does not translate"))
                } else if !translation.is_some_and(|text| text.contains(&passage.text)) {
                    Some(format!("{:?} is not in the translation of `{field}`", passage.text))
                } else if !passage.source.starts_with("https://") {
                    Some(format!(
                        "{:?}: its source must be the vendor page it is quoted from (https://…)",
                        passage.text
                    ))
                } else {
                    None
                };
                if let Some(message) = problem {
                    findings.push(Finding {
                        rule: rules::VERBATIM,
                        document: shown.to_owned(),
                        pointer: format!("/actions/{index}/x-verbatim/{field}"),
                        message,
                    });
                }
            }
        }
    }
    findings
}

/// The translations `overlay` (shown as `shown`) makes of the English `document`, for
/// [`consistency`] to compare across the catalog.
pub fn translations_of(document: &Value, overlay: &Overlay, shown: &str) -> Vec<consistency::Translation> {
    overlay::translations(document, overlay)
        .into_iter()
        .map(|translated| consistency::Translation {
            variant: translated.action.variant.get(translated.field).cloned(),
            english: translated.english,
            text: translated.text,
            overlay: shown.to_owned(),
            pointer: format!("{}/{}", translated.pointer, translated.field),
        })
        .collect()
}

/// The passages every action of `overlay` marks verbatim.
pub fn verbatim_passages(overlay: &Overlay) -> impl Iterator<Item = &str> {
    overlay
        .actions
        .iter()
        .flat_map(|action| action.verbatim.values().flatten())
        .map(|passage| passage.text.as_str())
}
