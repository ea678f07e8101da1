//! `cargo xtask translate`: brings a locale's overlay in step with the English document, so
//! that a translator edits one file. Current translations are kept; every new or changed
//! English string gets an entry that holds the English behind `TODO(translate): `, which the
//! build refuses until it is translated.

use std::path::PathBuf;

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

/// Rewrites the overlay of `locale` for `endpoint` (creating it if need be).
pub fn refresh(
    workspace: &Workspace,
    endpoint: &'static Endpoint,
    locale: &str,
) -> Result<Refreshed, BuildError> {
    let document = document::build(workspace, endpoint)?;
    let path = endpoint.overlay_path(locale);
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
    let changed = std::fs::read_to_string(&absolute).ok().as_deref() != Some(text.as_str());
    if changed {
        sync::write_file(workspace, &path, &text)
            .map_err(|source| BuildError::Overlay(OverlayError::Read { path: path.clone(), source }))?;
    }
    Ok(Refreshed { path, changed, untranslated })
}
