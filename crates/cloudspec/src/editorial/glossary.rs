//! A vendor's terminology in a locale, as data: `i18n/<locale>/<provider>.yaml` holds the
//! vendor's terms (the word its Chinese pages use, the words a translator must not use in its
//! place, and the page each comes from) and how it spaces Chinese from Latin text;
//! `i18n/<locale>/common.yaml` holds the calques of English no vendor writes. The build
//! refuses a forbidden term in a localized document.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::spacing::Spacing;
use crate::workspace::Workspace;

/// The directory of glossaries, one folder per locale.
pub const DIR: &str = "i18n";

/// The file of the terms every vendor shares.
const COMMON: &str = "common";

/// One vendor's file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VendorFile {
    vendor: String,
    spacing: SpacingRule,
    terms: Vec<Term>,
}

/// The terms every vendor shares.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CommonFile {
    terms: Vec<Term>,
}

/// How the vendor spaces Chinese from Latin text, and the page that shows it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpacingRule {
    pub style: Spacing,
    /// Words of the vendor's page that show the convention.
    pub example: String,
    pub source: String,
}

/// A term: what to write, what not to, and where the vendor writes it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub preferred: String,
    #[serde(default)]
    pub forbidden: Vec<String>,
    /// The English it translates, where there is one.
    #[serde(default)]
    pub english: Option<String>,
    /// The vendor page that uses the preferred term.
    pub source: String,
    /// Why, where the forbidden words need explaining (a calque, a renamed page).
    #[serde(default)]
    pub note: Option<String>,
}

/// A vendor's glossary in a locale, with the terms every vendor shares.
#[derive(Clone, Debug)]
pub struct Glossary {
    pub vendor: String,
    pub spacing: SpacingRule,
    /// The vendor's own terms.
    pub terms: Vec<Term>,
    /// The terms every vendor shares (`common.yaml`).
    pub common: Vec<Term>,
}

/// Why a glossary cannot be read. Each names the file.
#[derive(Debug, thiserror::Error)]
pub enum GlossaryError {
    #[error("{}: cannot read the glossary: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}:{line}:{column}: expected a glossary ({expected}): {message}", path.display())]
    Syntax { path: PathBuf, line: usize, column: usize, expected: &'static str, message: String },
    #[error("{}: term {term:?} is both preferred and forbidden", path.display())]
    Contradiction { path: PathBuf, term: String },
}

/// `i18n/<locale>/<name>.yaml`.
pub fn path(locale: &str, name: &str) -> PathBuf {
    Path::new(DIR).join(locale).join(format!("{name}.yaml"))
}

impl Glossary {
    /// The glossary of the provider `provider` (its id) in `locale`.
    pub fn load(workspace: &Workspace, provider: &str, locale: &str) -> Result<Self, GlossaryError> {
        let vendor_path = path(locale, provider);
        let vendor: VendorFile =
            read(workspace, &vendor_path, "vendor, spacing {style, example, source} and terms")?;
        let common_path = path(locale, COMMON);
        let common: CommonFile = read(workspace, &common_path, "terms")?;
        for (file, terms) in [(&vendor_path, &vendor.terms), (&common_path, &common.terms)] {
            if let Some(term) = terms.iter().find(|term| term.forbidden.contains(&term.preferred)) {
                return Err(GlossaryError::Contradiction {
                    path: file.clone(),
                    term: term.preferred.clone(),
                });
            }
        }
        Ok(Self { vendor: vendor.vendor, spacing: vendor.spacing, terms: vendor.terms, common: common.terms })
    }

    /// Every forbidden word with the term that replaces it.
    pub(crate) fn forbidden(&self) -> impl Iterator<Item = (&str, &Term)> {
        self.terms
            .iter()
            .chain(&self.common)
            .flat_map(|term| term.forbidden.iter().map(move |word| (word.as_str(), term)))
    }
}

fn read<T: serde::de::DeserializeOwned>(
    workspace: &Workspace,
    path: &Path,
    expected: &'static str,
) -> Result<T, GlossaryError> {
    let syntax = |error: crate::yaml::NotText| GlossaryError::Syntax {
        path: path.to_owned(),
        line: error.line,
        column: error.column,
        expected,
        message: error.message,
    };
    let bytes = std::fs::read(workspace.path(path))
        .map_err(|source| GlossaryError::Read { path: path.to_owned(), source })?;
    crate::yaml::parse(crate::yaml::text(&bytes).map_err(syntax)?).map_err(syntax)
}

/// The publishers' guide's table of `glossaries`: each vendor's spacing and terms, then the terms every
/// vendor shares.
pub fn table(glossaries: &[Glossary]) -> String {
    use std::fmt::Write as _;
    let cell = |text: &str| text.replace('|', "\\|");
    let mut out = String::from("| Vendor | Write | Not | For | Source |\n|---|---|---|---|---|\n");
    for glossary in glossaries {
        let spacing = match glossary.spacing.style {
            Spacing::None => "no space between Chinese and Latin text",
            Spacing::Space => "one space between Chinese and Latin text",
        };
        let _ = writeln!(
            out,
            "| {} | {spacing}: {} | | | {} |",
            glossary.vendor,
            cell(&glossary.spacing.example),
            glossary.spacing.source
        );
        for term in &glossary.terms {
            let _ = writeln!(out, "| {} | {} |", glossary.vendor, row(term));
        }
    }
    for term in glossaries.first().map_or(&[][..], |glossary| glossary.common.as_slice()) {
        let _ = writeln!(out, "| every vendor | {} |", row(term));
    }
    out
}

fn row(term: &Term) -> String {
    let cell = |text: &str| text.replace('|', "\\|");
    format!(
        "{} | {} | {} | {}",
        cell(&term.preferred),
        cell(&term.forbidden.join("、")),
        cell(term.english.as_deref().unwrap_or("")),
        term.source
    )
}
