//! The docs' own example bodies, kept verbatim as `<status>.json` in an endpoint's fixture
//! directory: the one copy that the generated document embeds and the tests check.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::endpoint::Endpoint;
use crate::json::{self, JsonFileError};
use crate::workspace::{self, Workspace};

/// One documented example body.
#[derive(Debug)]
pub struct Fixture {
    /// The response status the file name gives.
    pub status: String,
    /// Relative to the workspace root.
    pub path: PathBuf,
    pub value: Value,
}

/// A fixture directory that does not hold what the pipeline expects.
#[derive(Debug, thiserror::Error)]
pub enum FixtureError {
    #[error(transparent)]
    Json(#[from] JsonFileError),
    #[error("{}: cannot list: {source}", path.display())]
    List { path: PathBuf, source: std::io::Error },
    #[error("{}: expected a file named after its response status, like 200.json or 400.json", path.display())]
    Name { path: PathBuf },
}

/// The documented examples of `endpoint`, ordered by status; none when it has no directory.
/// Every `.json` file directly in the directory must be named after its status.
pub fn documented(workspace: &Workspace, endpoint: &Endpoint) -> Result<Vec<Fixture>, FixtureError> {
    let dir = Workspace::fixture_dir(endpoint);
    let mut fixtures = Vec::new();
    for relative in files(workspace, &dir)? {
        let status = status_of(&relative).ok_or_else(|| FixtureError::Name { path: relative.clone() })?;
        let value = json::read(&workspace.path(&relative)).map_err(|error| relabel(error, &relative))?;
        fixtures.push(Fixture { status, path: relative, value });
    }
    fixtures.sort_by(|a, b| a.status.cmp(&b.status));
    Ok(fixtures)
}

/// The files (not directories) directly in `dir`, relative to the workspace root, sorted.
pub fn files(workspace: &Workspace, dir: &Path) -> Result<Vec<PathBuf>, FixtureError> {
    let absolute = workspace.path(dir);
    let entries = match std::fs::read_dir(&absolute) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(FixtureError::List { path: dir.to_owned(), source }),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| FixtureError::List { path: dir.to_owned(), source })?;
        let is_file =
            entry.file_type().map_err(|source| FixtureError::List { path: dir.to_owned(), source })?;
        if is_file.is_file() {
            files.push(dir.join(entry.file_name()));
        }
    }
    files.sort();
    Ok(files)
}

fn status_of(path: &Path) -> Option<String> {
    let stem = path.file_name()?.to_str()?.strip_suffix(".json")?;
    (stem.len() == 3 && stem.bytes().all(|byte| byte.is_ascii_digit())).then(|| stem.to_owned())
}

/// Errors name the file relative to the workspace root, as every other message does.
fn relabel(error: JsonFileError, relative: &Path) -> JsonFileError {
    error.with_path(PathBuf::from(workspace::display(relative)))
}
