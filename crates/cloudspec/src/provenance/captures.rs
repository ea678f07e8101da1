//! The sources as files: every page an endpoint is written from, captured as text under
//! `sources/`, and the research notes (`sources/facts/cloud-apis.md`) whose every line names
//! its public source. `sources/index.yaml` gives each capture's URL and capture date; a
//! capture without an entry, or an entry without its file, is an error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::datafile::{self, DataFileError};
use crate::workspace::{self, Workspace};

/// The directory of captures, relative to the workspace root.
pub(crate) const SOURCES_DIR: &str = "sources";
/// The index of captures, relative to [`SOURCES_DIR`].
pub(crate) const INDEX: &str = "index.yaml";
/// The research notes a `facts:` citation quotes, relative to [`SOURCES_DIR`].
pub(crate) const FACTS: &str = "facts/cloud-apis.md";

/// What the index says of one capture.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub title: String,
    /// Where the page is published; `none` for our own notes.
    pub url: String,
    /// When it was captured (`YYYY-MM-DD`).
    pub captured: String,
    /// How the capture was made, and what it leaves out.
    #[serde(default)]
    pub note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Index {
    pages: BTreeMap<String, Entry>,
}

/// One capture, read.
#[derive(Debug)]
pub struct Capture {
    pub id: String,
    pub entry: Entry,
    /// The text with every run of white space made one space.
    pub normalised: String,
}

/// Every capture under `sources/`.
#[derive(Debug, Default)]
pub struct Captures {
    pages: BTreeMap<String, Capture>,
}

/// Why the captures cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum CaptureError {
    #[error(transparent)]
    File(#[from] DataFileError),
    #[error("{}: the capture {id} has no entry in {}; add its title, URL and capture \
        date", workspace::display(.path), workspace::display(.index))]
    Unlisted { path: PathBuf, index: PathBuf, id: String },
    #[error("{}: lists {id}, which is no file under {SOURCES_DIR}/", workspace::display(.index))]
    Missing { index: PathBuf, id: String },
}

impl Captures {
    /// Reads the index and every capture it lists.
    pub fn read(workspace: &Workspace) -> Result<Self, CaptureError> {
        let dir = Path::new(SOURCES_DIR);
        let index_path = dir.join(INDEX);
        let text = std::fs::read_to_string(workspace.path(&index_path))
            .map_err(|source| DataFileError::Read { path: index_path.clone(), source })?;
        let index: Index = datafile::parse(&index_path, &text)?;
        let mut pages = BTreeMap::new();
        for (id, entry) in index.pages {
            let path = dir.join(&id);
            let text = match std::fs::read_to_string(workspace.path(&path)) {
                Ok(text) => text,
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                    return Err(CaptureError::Missing { index: index_path, id });
                }
                Err(source) => return Err(DataFileError::Read { path, source }.into()),
            };
            pages.insert(id.clone(), Capture { id, entry, normalised: normalise(&text) });
        }
        let files = crate::walk::files(workspace.root(), dir)
            .map_err(|error| DataFileError::Read { path: error.path, source: error.source })?;
        for path in files {
            let id = workspace::display(path.strip_prefix(dir).unwrap_or(&path));
            if id != INDEX && !id.ends_with("README.md") && !pages.contains_key(&id) {
                return Err(CaptureError::Unlisted { path, index: index_path, id });
            }
        }
        Ok(Self { pages })
    }

    /// The capture `id` (its path under `sources/`).
    pub fn page(&self, id: &str) -> Option<&Capture> {
        self.pages.get(id)
    }

    /// Every capture, by id.
    pub fn all(&self) -> impl Iterator<Item = &Capture> {
        self.pages.values()
    }

    /// A set of captures made in memory, for tests.
    pub fn of(pages: impl IntoIterator<Item = (String, String)>) -> Self {
        let entry =
            Entry { title: String::new(), url: String::new(), captured: String::new(), note: String::new() };
        let pages = pages
            .into_iter()
            .map(|(id, text)| {
                (id.clone(), Capture { id, entry: entry.clone(), normalised: normalise(&text) })
            })
            .collect();
        Self { pages }
    }
}

impl Capture {
    /// Whether `quote` occurs in the capture, white space aside.
    pub fn quotes(&self, quote: &str) -> bool {
        let quote = normalise(quote);
        !quote.is_empty() && self.normalised.contains(&quote)
    }
}

/// `text` with every run of white space made one space, and none at either end.
pub(super) fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
