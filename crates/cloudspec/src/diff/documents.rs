//! The two sides of a diff: sets of documents, read from a directory, from a git revision
//! (see `git`), or built from the endpoints of the working tree.

use std::path::{Path, PathBuf};

use serde_json::Value;

use cloudspec_diff::DocumentSet;
use cloudspec_endpoint::Endpoint;

use crate::document::{self, BuildError};
use crate::workspace::{self, Workspace};

/// Why one side of a diff could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: cannot read: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("{path}: not a YAML document: {message}")]
    Yaml { path: String, message: String },
    #[error("{path}: cannot build the document:\n{error}")]
    Build { path: String, error: Box<BuildError> },
    #[error("{0}")]
    Git(String),
    /// The accepted-changes file cannot be read, or says something that cannot be right.
    #[error(transparent)]
    Accepted(#[from] crate::datafile::DataFileError),
    #[error("--after {dir}: {reason}")]
    NoDocuments { dir: String, reason: String },
}

impl SourceError {
    /// Whether the command line was wrong (exit 2) rather than a side unreadable (exit 1).
    pub(crate) fn is_usage(&self) -> bool {
        matches!(self, Self::NoDocuments { .. })
    }
}

/// Whether `path` names a contract document: `<OperationId>.yaml`, the English OpenAPI 3.1
/// document. The locales' twins (`<OperationId>.zh-CN.yaml`) and the 3.0 renditions
/// (`<OperationId>.openapi-3.0.yaml`) derive from it, so they are not compared: a change
/// that matters to clients shows in the contract itself.
pub(crate) fn is_contract(path: &Path) -> bool {
    crate::paths::SpecFile::parse(path).is_some_and(|file| file.is_contract())
}

/// Parses one document; `path` (and the revision, if any) is named in the error.
pub fn parse(path: &str, text: &str) -> Result<Value, SourceError> {
    crate::yaml::parse(text)
        .map_err(|error| SourceError::Yaml { path: path.to_owned(), message: error.to_string() })
}

/// Every contract document below `dir` (relative to the workspace root, or absolute), by its
/// path relative to the root. A directory that does not exist or holds no contract document
/// is an error ([`SourceError::NoDocuments`]): compared with it, every operation would read
/// as removed, which a typo must not tell a reviewer.
pub fn from_dir(workspace: &Workspace, dir: &Path) -> Result<DocumentSet, SourceError> {
    let absolute = workspace.path(dir);
    let no_documents =
        |reason: &str| SourceError::NoDocuments { dir: workspace::display(dir), reason: reason.to_owned() };
    if !absolute.is_dir() {
        return Err(no_documents(if absolute.exists() { "not a directory" } else { "no such directory" }));
    }
    let files: Vec<PathBuf> = crate::walk::files(workspace.root(), dir)
        .map_err(|error| SourceError::Read { path: workspace::display(&error.path), source: error.source })?
        .into_iter()
        .filter(|path| is_contract(path))
        .collect();
    if files.is_empty() {
        return Err(no_documents(
            "holds no contract document (<provider>/<service>/<OperationId>.yaml, as under spec/)",
        ));
    }
    // Parsed on every core, as `check` builds them: reading is most of what `diff` costs.
    cloudspec_parallel::map(&files, |relative| read(workspace, relative)).into_iter().collect()
}

/// One document of a directory, by the path it is shown with.
fn read(workspace: &Workspace, relative: &Path) -> Result<(String, Value), SourceError> {
    let shown = workspace::display(relative);
    let bytes = std::fs::read(workspace.path(relative))
        .map_err(|source| SourceError::Read { path: shown.clone(), source })?;
    let text = crate::yaml::text(&bytes)
        .map_err(|error| SourceError::Yaml { path: shown.clone(), message: error.to_string() })?;
    let value = parse(&shown, text)?;
    Ok((shown, value))
}

/// The documents the endpoints generate from the working tree, without writing them.
pub fn built(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Result<DocumentSet, SourceError> {
    let mut set = DocumentSet::new();
    for &endpoint in endpoints {
        let path = crate::paths::document(endpoint).to_string();
        let built = document::build(workspace, endpoint)
            .map_err(|error| SourceError::Build { path: path.clone(), error: Box::new(error) })?;
        set.insert(path, built.value);
    }
    Ok(set)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::is_contract;

    #[test]
    fn only_english_openapi_3_1_documents_are_compared() {
        assert!(is_contract(Path::new("spec/huaweicloud/cph/ListPhoneImages.yaml")));
        for derived in [
            "spec/huaweicloud/cph/ListPhoneImages.zh-CN.yaml",
            "spec/huaweicloud/cph/ListPhoneImages.openapi-3.0.yaml",
            "spec/huaweicloud/cph/ListPhoneImages.zh-CN.openapi-3.0.yaml",
            "spec/huaweicloud/cph/ListPhoneImages.CphError.schema.json",
            "spec/huaweicloud/cph/.yaml",
        ] {
            assert!(!is_contract(Path::new(derived)), "{derived}");
        }
    }
}
