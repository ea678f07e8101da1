//! The docs' own example bodies, kept verbatim as `<status>.json` in an endpoint's fixture
//! directory: the one copy that the generated document embeds and the tests check.
//!
//! Where each comes from is said once, in the table of `tests/fixtures/README.md`, which is
//! read here: its summary and source become the embedded example's, so the page a reader
//! sees and the table a maintainer edits cannot disagree.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use serde_json::Value;

use cloudspec_endpoint::Endpoint;

use crate::relpath::RelPath;
use crate::workspace::{self, Workspace};
use cloudspec_schema::json::{self, JsonFileError};

/// One documented example body.
#[derive(Debug)]
pub struct Fixture {
    /// The response status the file name gives.
    pub status: String,
    pub path: RelPath,
    pub value: Value,
    /// Where it comes from: its row of the fixtures' README.
    pub provenance: Provenance,
}

/// A row of the table in [`README`]: where one documented example comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    /// A few words, written as the example's summary: `The page's example, verbatim`.
    pub summary: String,
    /// The whole story, written into the example's description.
    pub source: String,
    /// The row's line in the README, for messages.
    pub line: usize,
}

/// The file whose table says where each documented example comes from, relative to the
/// workspace root. A row reads `` | `<provider>/<service>/<OperationId>/<status>.json` | summary |
/// source | ``.
pub const README: &str = "tests/fixtures/README.md";

/// A fixture directory that does not hold what the pipeline expects.
#[derive(Debug, thiserror::Error)]
pub enum FixtureError {
    #[error(transparent)]
    Json(#[from] JsonFileError),
    #[error(transparent)]
    List(#[from] crate::walk::WalkError),
    #[error("{path}: expected a file named after its response status, like 200.json or 400.json")]
    Name { path: RelPath },
    #[error("{README}: cannot read: {source}")]
    ReadReadme { source: std::io::Error },
    #[error(transparent)]
    Row(#[from] RowError),
    #[error("{path}: {README} has no row saying where it comes from")]
    NoProvenance { path: RelPath },
}

/// A row of [`README`] that says nothing usable. One that names its fixture fails only the
/// endpoint of that fixture, so a slip in one row reports one document, not the catalog.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RowError {
    #[error(
        "{README}:{line}: expected a row `| `<provider>/<service>/<OperationId>/<status>.json` | \
        summary | source |` with nothing empty"
    )]
    Malformed { line: usize },
    #[error("{README}:{line}: a second row for `{fixture}`")]
    Duplicate { line: usize, fixture: String },
}

/// The table's rows by fixture path below `tests/fixtures/`: where each example comes from, or
/// what is wrong with its row.
pub type Rows = BTreeMap<String, Result<Provenance, RowError>>;

/// The documented examples of `endpoint`, ordered by status; none when it has no directory.
/// Every `.json` file directly in the directory must be named after its status, and have a
/// row in [`README`].
pub fn documented(workspace: &Workspace, endpoint: &Endpoint) -> Result<Vec<Fixture>, FixtureError> {
    let dir = crate::paths::fixture_dir(endpoint);
    let relatives = crate::walk::listing(workspace.root(), &dir)?;
    let rows = if relatives.is_empty() { Arc::default() } else { table(workspace)? };
    let mut fixtures = Vec::new();
    for relative in relatives.into_iter().map(RelPath::new) {
        let status = crate::paths::documented_status(&relative)
            .map(str::to_owned)
            .ok_or_else(|| FixtureError::Name { path: relative.clone() })?;
        let value = json::read(&workspace.path(&relative)).map_err(|error| relabel(error, &relative))?;
        let key = below_fixtures(&relative);
        let provenance = match rows.get(&key) {
            Some(Ok(provenance)) => provenance.clone(),
            Some(Err(error)) => return Err(error.clone().into()),
            None => return Err(FixtureError::NoProvenance { path: relative.clone() }),
        };
        fixtures.push(Fixture { status, path: relative, value, provenance });
    }
    fixtures.sort_by(|a, b| a.status.cmp(&b.status));
    Ok(fixtures)
}

/// The table as last read, by the README's path, with the modification time and length it was
/// read at.
type Tables = Vec<(PathBuf, Option<SystemTime>, u64, Arc<Rows>)>;

/// [`provenance`], read again only when the file changed: every endpoint's document needs its
/// rows, and reading the whole table for each made a catalog's cost grow with its square.
fn table(workspace: &Workspace) -> Result<Arc<Rows>, FixtureError> {
    static TABLES: Mutex<Tables> = Mutex::new(Vec::new());
    let path = workspace.path(README);
    let metadata = std::fs::metadata(&path).map_err(|source| FixtureError::ReadReadme { source })?;
    let (modified, length) = (metadata.modified().ok(), metadata.len());
    let mut tables = TABLES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((.., rows)) = tables
        .iter()
        .find(|(at, time, size, _)| *at == path && modified.is_some() && *time == modified && *size == length)
    {
        return Ok(Arc::clone(rows));
    }
    let rows = Arc::new(provenance(workspace)?);
    tables.retain(|(at, ..)| *at != path);
    tables.push((path, modified, length, Arc::clone(&rows)));
    Ok(rows)
}

/// Every row of [`README`]'s table, by fixture path below `tests/fixtures/`. A row whose
/// fixture cannot be read from it fails the whole table: no endpoint can tell it is not its own.
pub fn provenance(workspace: &Workspace) -> Result<Rows, FixtureError> {
    let text = std::fs::read_to_string(workspace.path(README))
        .map_err(|source| FixtureError::ReadReadme { source })?;
    let mut rows = Rows::new();
    for (index, written) in text.lines().enumerate() {
        let line = index + 1;
        let Some(row) = written.strip_prefix("| `") else { continue };
        let cells: Vec<&str> = row.strip_suffix('|').unwrap_or(row).split(" | ").map(str::trim).collect();
        let fixture = cells.first().and_then(|cell| cell.strip_suffix('`'));
        let Some(fixture) =
            fixture.filter(|fixture| crate::paths::documented_status(Path::new(fixture)).is_some())
        else {
            return Err(RowError::Malformed { line }.into());
        };
        let read = match cells.as_slice() {
            [_, summary, source] if !summary.is_empty() && !source.is_empty() => {
                Ok(Provenance { summary: (*summary).to_owned(), source: (*source).to_owned(), line })
            }
            _ => Err(RowError::Malformed { line }),
        };
        if rows.contains_key(fixture) {
            rows.insert(fixture.to_owned(), Err(RowError::Duplicate { line, fixture: fixture.to_owned() }));
        } else {
            rows.insert(fixture.to_owned(), read);
        }
    }
    Ok(rows)
}

/// `huaweicloud/cph/ListPhoneImages/200.json` for `tests/fixtures/huaweicloud/cph/...`.
pub fn below_fixtures(relative: &Path) -> String {
    let shown = workspace::display(relative);
    shown.strip_prefix(&format!("{}/", crate::paths::FIXTURES_DIR)).unwrap_or(&shown).to_owned()
}

/// Errors name the file relative to the workspace root, as every other message does.
fn relabel(error: JsonFileError, relative: &RelPath) -> JsonFileError {
    error.with_path(PathBuf::from(relative.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table is read once while the file is unchanged, and again when it changes.
    #[test]
    fn the_table_is_read_again_when_it_changes() {
        let root = tempfile::tempdir().expect("temporary directory");
        let workspace = Workspace::new(root.path());
        let readme = workspace.path(README);
        std::fs::create_dir_all(readme.parent().expect("a parent")).expect("create tests/fixtures");
        let row =
            |summary: &str| format!("| `example/things/ListThings/200.json` | {summary} | The page. |\n");
        std::fs::write(&readme, row("First")).expect("write the table");
        let first = table(&workspace).expect("a table");
        assert!(Arc::ptr_eq(&first, &table(&workspace).expect("a table")), "read twice while unchanged");
        std::fs::write(&readme, row("Second, longer")).expect("rewrite the table");
        let second = table(&workspace).expect("a table");
        assert_eq!(
            second["example/things/ListThings/200.json"].as_ref().map(|row| row.summary.as_str()),
            Ok("Second, longer")
        );
    }

    /// The rows read from a table (a fixture and its row's line), or what fails it.
    type Read<'a> = Result<Vec<(&'a str, Result<usize, RowError>)>, RowError>;

    /// A row that names its fixture is that fixture's alone, right or wrong; one that names
    /// none fails the table.
    #[test]
    fn a_row_is_held_against_the_fixture_it_names() {
        let good = "| `a/b/C/200.json` | The page's example | The page. |";
        let cases: [(&str, Read<'_>); 5] = [
            (good, Ok(vec![("a/b/C/200.json", Ok(1))])),
            (
                "| `a/b/C/200.json` | | The page. |",
                Ok(vec![("a/b/C/200.json", Err(RowError::Malformed { line: 1 }))]),
            ),
            (
                "| `a/b/C/200.json` | The page's example |",
                Ok(vec![("a/b/C/200.json", Err(RowError::Malformed { line: 1 }))]),
            ),
            (
                "| `a/b/C/200.json` | One | The page. |\n| `a/b/C/200.json` | Two | The page. |",
                Ok(vec![(
                    "a/b/C/200.json",
                    Err(RowError::Duplicate { line: 2, fixture: "a/b/C/200.json".into() }),
                )]),
            ),
            ("| `a/b/C/ok.json` | One | The page. |", Err(RowError::Malformed { line: 1 })),
        ];
        for (table, expected) in cases {
            let root = tempfile::tempdir().expect("temporary directory");
            let workspace = Workspace::new(root.path());
            let readme = workspace.path(README);
            std::fs::create_dir_all(readme.parent().expect("a parent")).expect("create tests/fixtures");
            std::fs::write(&readme, table).expect("write the table");
            let read = match provenance(&workspace) {
                Ok(rows) => Ok(rows
                    .into_iter()
                    .map(|(fixture, row)| (fixture, row.map(|row| row.line)))
                    .collect::<Vec<_>>()),
                Err(FixtureError::Row(error)) => Err(error),
                Err(error) => panic!("{table}: {error}"),
            };
            let expected =
                expected.map(|rows| rows.into_iter().map(|(f, r)| (f.to_owned(), r)).collect::<Vec<_>>());
            assert_eq!(read, expected, "{table}");
        }
    }
}
