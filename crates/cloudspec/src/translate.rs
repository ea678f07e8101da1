//! `cargo xtask translate`: brings a locale's overlay in step with the English document, so
//! that a translator edits one file. Current translations are kept; every new or changed
//! English string gets an entry that holds the English behind `TODO(translate): `, which the
//! build refuses until it is translated.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use cloudspec_endpoint::Endpoint;

use crate::document::{self, BuildError};
use crate::editorial::spacing::Spacing;
use crate::editorial::typeset::typeset;
use crate::overlay::{self, OverlayError, UNTRANSLATED};
use crate::sync;
use crate::workspace::Workspace;

/// What refreshing one overlay did.
#[derive(Debug)]
pub(crate) struct Refreshed {
    /// Relative to the workspace root.
    pub path: PathBuf,
    pub changed: bool,
    /// The strings that still read `TODO(translate): ...`, in the document's order.
    pub untranslated: Vec<Untranslated>,
    /// How many strings new to the overlay were filled from the translation memory.
    pub remembered: usize,
}

/// A string of the English document its overlay leaves to translate.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Untranslated {
    /// The JSON pointer of the string in the English document: `/paths/~1v1~1images/get/summary`.
    pub(crate) pointer: String,
    pub(crate) english: String,
}

/// Why `translate` was asked for something it cannot do: a wrong command line.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub(crate) enum SelectError {
    #[error(
        "locale {0:?} is the language of the doc comments, which every translation starts from; \
        name a locale to translate into, such as zh-CN"
    )]
    Source(String),
    #[error(
        "locale {locale:?}: no provider publishes its documentation in it, so there is nothing to \
        translate; locales with overlays: {}",
        list_or_none(.published)
    )]
    UnknownLocale { locale: String, published: Vec<String> },
    #[error("{endpoint}: its provider does not publish its pages in {locale:?}; it does in: \
        {}", list_or_none(.published))]
    NotPublished { endpoint: String, locale: String, published: Vec<String> },
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() { "none".to_owned() } else { items.join(", ") }
}

/// The endpoints whose overlays for `locale` to refresh: `chosen`, or else every endpoint
/// whose provider publishes `locale`. A locale that no provider (or not the chosen
/// endpoint's) publishes is an error, not a silent nothing.
pub(crate) fn select(
    endpoints: &[&'static Endpoint],
    locale: &str,
    chosen: Vec<&'static Endpoint>,
) -> Result<Vec<&'static Endpoint>, SelectError> {
    if locale == crate::paths::SOURCE_LOCALE {
        return Err(SelectError::Source(locale.to_owned()));
    }
    let publishing = |endpoint: &&'static Endpoint| endpoint.provider.locales.contains(&locale);
    if let Some(endpoint) = chosen.iter().find(|endpoint| !publishing(endpoint)) {
        return Err(SelectError::NotPublished {
            endpoint: endpoint.key(),
            locale: locale.to_owned(),
            published: endpoint.provider.locales.iter().map(|&locale| locale.to_owned()).collect(),
        });
    }
    if !chosen.is_empty() {
        return Ok(chosen);
    }
    let selected: Vec<&'static Endpoint> = endpoints.iter().copied().filter(publishing).collect();
    if selected.is_empty() {
        let mut published: Vec<String> = endpoints
            .iter()
            .flat_map(|endpoint| endpoint.provider.locales)
            .map(|&locale| locale.to_owned())
            .collect();
        published.sort();
        published.dedup();
        return Err(SelectError::UnknownLocale { locale: locale.to_owned(), published });
    }
    Ok(selected)
}

/// The translation memory of `locale`: every current translation of the catalog's overlays,
/// by its English. An English string translated two ways is left out: a translator chooses.
pub(crate) fn memory(workspace: &Workspace, endpoints: &[&'static Endpoint], locale: &str) -> Memory {
    let mut found: BTreeMap<String, Option<String>> = BTreeMap::new();
    for &endpoint in endpoints {
        let path = workspace.path(crate::paths::overlay(endpoint, locale));
        let (Ok(document), Ok(existing)) = (
            document::build(workspace, endpoint),
            overlay::read(&path, &crate::paths::overlay(endpoint, locale)),
        ) else {
            continue;
        };
        for translated in overlay::translations(&document.value, &existing) {
            let current = translated.action.source.get(translated.field).and_then(serde_json::Value::as_str)
                == Some(cloudspec_findings::fingerprint(&translated.english).as_str());
            if !current || translated.text.starts_with(UNTRANSLATED) {
                continue;
            }
            found
                .entry(translated.english)
                .and_modify(|known| {
                    if known.as_deref() != Some(translated.text.as_str()) {
                        *known = None;
                    }
                })
                .or_insert(Some(translated.text));
        }
    }
    found.into_iter().filter_map(|(english, text)| Some((english, text?))).collect()
}

/// Translations by their English.
pub(crate) type Memory = BTreeMap<String, String>;

/// What the pipeline and `new` add to a vendor's text, in the catalog's Chinese: the reason
/// phrase of a status description, and the sentence that says a list is open.
const ADDED: [(&str, &str); 2] = [
    ("OK: ", "成功："),
    (cloudspec_endpoint::open::OPEN_NOTE, "取值列表是开放的（`x-extensible-enum`）：API可能返回其他取值。"),
];

/// A vendor's Chinese `text` with what was added to it in English written in Chinese.
fn added_in_chinese(text: &str) -> String {
    ADDED.iter().fold(text.to_owned(), |text, (english, chinese)| text.replace(english, chinese))
}

/// Whether `text` is already written in `locale`: a Chinese locale's text with Chinese
/// characters, which `new` writes from a vendor's Chinese contract until a person writes
/// the English.
fn written_in(text: &str, locale: &str) -> bool {
    locale.starts_with("zh") && text.chars().any(crate::editorial::text::is_han)
}

/// Rewrites the overlay of `locale` for `endpoint` (creating it if need be), filling what it
/// lacks from `memory`.
pub(crate) fn refresh(
    workspace: &Workspace,
    endpoint: &'static Endpoint,
    locale: &str,
    memory: &Memory,
) -> Result<Refreshed, BuildError> {
    let document = document::build(workspace, endpoint)?;
    let path = crate::paths::overlay(endpoint, locale);
    let absolute = workspace.path(&path);
    let existing = if absolute.exists() { Some(overlay::read(&absolute, &path)?) } else { None };
    let title = format!("{} {}", endpoint.key(), "translation");
    // Text already in the locale (a vendor's Chinese, which `new` writes from its contract)
    // is its own translation, set by the editorial rules of the vendor's glossary.
    let spacing = crate::editorial::glossary::Glossary::load(workspace, endpoint.provider.id, locale)
        .map_or(Spacing::None, |glossary| glossary.spacing.style);
    let remembered = Cell::new(0);
    let skeleton = overlay::skeleton(&document.value, existing.as_ref(), locale, &title, &|english| {
        let recalled = memory.get(english).cloned();
        remembered.set(remembered.get() + usize::from(recalled.is_some()));
        recalled.or_else(|| written_in(english, locale).then(|| typeset(&added_in_chinese(english), spacing)))
    });
    let untranslated = untranslated(&document.value, &skeleton, &path);
    let text = yaml_serde::to_string(&skeleton).map_err(BuildError::Render)?;
    let text = crate::yaml::quote_ambiguous(&text);
    let changed = write_if_changed(workspace, &path, &text)?;
    Ok(Refreshed { path: path.into(), changed, untranslated, remembered: remembered.get() })
}

/// What `overlay` leaves to translate of `english`, as the build finds it: the strings that
/// read `TODO(translate): ` or that it lacks.
fn untranslated(english: &Value, overlay: &overlay::Overlay, path: &Path) -> Vec<Untranslated> {
    let Err(OverlayError::Findings { findings, .. }) = overlay::apply(english, overlay, path) else {
        return Vec::new();
    };
    findings
        .into_iter()
        .filter_map(|finding| match finding {
            overlay::Finding::Untranslated { pointer, field, english } => {
                Some(Untranslated { pointer: format!("{pointer}/{field}"), english })
            }
            _ => None,
        })
        .collect()
}

/// Writes `text` to the overlay at `path` unless it already holds it; whether it wrote.
fn write_if_changed(workspace: &Workspace, path: &Path, text: &str) -> Result<bool, OverlayError> {
    let changed = std::fs::read_to_string(workspace.path(path)).ok().as_deref() != Some(text);
    if changed {
        sync::write_file(workspace, path, text)
            .map_err(|source| OverlayError::Write { path: path.to_owned(), source })?;
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A write that fails says so, naming the overlay: not "cannot read".
    #[test]
    fn a_failed_write_is_reported_as_one() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let workspace = Workspace::new(dir.path());
        std::fs::write(dir.path().join("blocker"), "a file where a directory must be").expect("write");
        let path = Path::new("blocker/module.zh-CN.overlay.yaml");
        let error = write_if_changed(&workspace, path, "actions: []\n").expect_err("the directory is a file");
        assert!(
            error.to_string().starts_with("blocker/module.zh-CN.overlay.yaml: cannot write: "),
            "{error}"
        );
        let written = Path::new("module.zh-CN.overlay.yaml");
        assert!(write_if_changed(&workspace, written, "actions: []\n").expect("writes"));
        assert!(!write_if_changed(&workspace, written, "actions: []\n").expect("reads"), "unchanged");
    }
}
