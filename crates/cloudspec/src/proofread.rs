//! Proofreading the catalog: every localized document `check` built, and its 3.0 rendition,
//! held to its vendor's glossary and the editorial rules ([`crate::editorial`]), and the
//! translations of every overlay, and the names of the statuses, compared across the catalog.

use std::collections::BTreeMap;

use crate::document::Document;
use crate::downgrade::{self, Language};
use crate::editorial::{self, Glossary, Subject, consistency};
use crate::lint::Finding;
use crate::overlay;
use crate::paths;
use crate::workspace::Workspace;

/// Every finding on the localized documents among `documents` (as `check` builds them) and
/// their 3.0 renditions, and on the translations across the catalog. A document whose
/// glossary or overlay cannot be read failed to build, which `check` reports already.
pub(crate) fn findings(workspace: &Workspace, documents: &[Document]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut translations: BTreeMap<&str, Vec<consistency::Translation>> = BTreeMap::new();
    let mut named: BTreeMap<&str, Vec<(String, &serde_json::Value)>> = BTreeMap::new();
    for localized in documents {
        let endpoint = localized.endpoint;
        let Some(&locale) = endpoint
            .provider
            .locales
            .iter()
            .find(|&&locale| paths::localized_document(endpoint, locale) == localized.path)
        else {
            continue;
        };
        let Some(english) = documents.iter().find(|built| built.path == paths::document(endpoint)) else {
            continue;
        };
        let overlay_path = paths::overlay(endpoint, locale);
        let (Ok(glossary), Ok(overlay)) = (
            Glossary::load(workspace, endpoint.provider.id, locale),
            overlay::read(&workspace.path(&overlay_path), &overlay_path),
        ) else {
            continue;
        };
        let shown_overlay = overlay_path.to_string();
        let verbatim: Vec<&str> = editorial::verbatim_passages(&overlay).collect();
        let rendition =
            downgrade::downgrade_in(&localized.value, Language::Chinese(glossary.spacing.style)).value;
        let shown = localized.path.to_string();
        let shown_rendition = paths::rendition_3_0(endpoint, locale).to_string();
        for (path, document) in [(&shown, &localized.value), (&shown_rendition, &rendition)] {
            findings.extend(editorial::lint(Subject {
                path,
                document,
                glossary: &glossary,
                verbatim: &verbatim,
            }));
        }
        findings.extend(editorial::verbatim_findings(&overlay, &shown_overlay));
        named.entry(locale).or_default().push((shown, &localized.value));
        translations.entry(locale).or_default().extend(editorial::translations_of(
            &english.value,
            &overlay,
            &shown_overlay,
        ));
    }
    for translations in translations.values() {
        findings.extend(consistency::findings(translations));
    }
    for documents in named.values() {
        findings.extend(editorial::status_names(
            documents.iter().map(|(path, document)| (path.as_str(), *document)),
        ));
    }
    findings
}
