//! `cargo xtask translate`: brings a locale's overlay in step with the English document, so
//! that a translator edits one file. Current translations are kept; every new or changed
//! English string gets an entry that holds the English behind `TODO(translate): `, which the
//! build refuses until it is translated.

use std::path::{Path, PathBuf};

use crate::document::{self, BuildError};
use crate::endpoint::Endpoint;
use crate::overlay::{self, OverlayError, UNTRANSLATED};
use crate::sync;
use crate::workspace::Workspace;

/// What refreshing one overlay did.
#[derive(Debug)]
pub struct Refreshed {
    /// Relative to the workspace root.
    pub path: PathBuf,
    pub changed: bool,
    /// Strings that still read `TODO(translate): ...`.
    pub untranslated: usize,
}

/// Why `translate` was asked for something it cannot do: a wrong command line.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SelectError {
    #[error(
        "locale {0:?} is the language of the doc comments, which every translation starts from; name a locale to translate into, such as zh-CN"
    )]
    Source(String),
    #[error(
        "locale {locale:?}: no provider publishes its documentation in it, so there is nothing to translate; locales with overlays: {}",
        list_or_none(.published)
    )]
    UnknownLocale { locale: String, published: Vec<String> },
    #[error("{endpoint}: its provider does not publish its pages in {locale:?}; it does in: {}", list_or_none(.published))]
    NotPublished { endpoint: String, locale: String, published: Vec<String> },
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() { "none".to_owned() } else { items.join(", ") }
}

/// The endpoints whose overlays for `locale` to refresh: `chosen`, or else every endpoint
/// whose provider publishes `locale`. A locale that no provider (or not the chosen
/// endpoint's) publishes is an error, not a silent nothing.
pub fn select(
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

/// Rewrites the overlay of `locale` for `endpoint` (creating it if need be).
pub fn refresh(
    workspace: &Workspace,
    endpoint: &'static Endpoint,
    locale: &str,
) -> Result<Refreshed, BuildError> {
    let document = document::build(workspace, endpoint)?;
    let path = crate::paths::overlay(endpoint, locale);
    let absolute = workspace.path(&path);
    let existing = if absolute.exists() { Some(overlay::read(&absolute, &path)?) } else { None };
    let title = format!("{} {}", endpoint.key(), "translation");
    let skeleton = overlay::skeleton(&document.value, existing.as_ref(), locale, &title);
    let untranslated = skeleton
        .actions
        .iter()
        .filter_map(|action| action.update.as_ref()?.as_object())
        .flat_map(|update| update.values())
        .filter(|text| text.as_str().is_some_and(|text| text.starts_with(UNTRANSLATED)))
        .count();
    let text = yaml_serde::to_string(&skeleton).map_err(BuildError::Render)?;
    let text = crate::yaml11::quote_ambiguous(&text);
    let changed = write_if_changed(workspace, &path, &text)?;
    Ok(Refreshed { path, changed, untranslated })
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
