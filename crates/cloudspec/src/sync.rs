//! Keeping `spec/` in step with the code: `check` compares and writes nothing,
//! `generate` writes atomically and removes only the files it wrote itself.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::document::{self, BuildError, Document};
use crate::endpoint::Endpoint;
use crate::render;
use crate::workspace::{self, SPEC_DIR, Workspace};

/// What `check` found for one file under `spec/`.
#[derive(Debug)]
pub enum Checked {
    /// Byte for byte what `generate` would write.
    Fresh,
    /// Differs from what `generate` would write; the unified diff from the file to that.
    Stale { diff: String },
    /// `generate` would create it.
    Missing,
    /// No endpoint generates it. `generated` says whether the pipeline wrote it (and so
    /// `generate` removes it) or it came from elsewhere (and must be removed by hand).
    Orphaned { generated: bool },
    /// The document could not be built.
    Failed(BuildError),
    /// The file exists but cannot be read.
    Unreadable(std::io::Error),
}

/// What `generate` did to one file under `spec/`.
#[derive(Debug)]
pub enum Generated {
    Unchanged,
    Created,
    Updated,
    /// An orphan the pipeline had written, removed.
    Removed,
    /// An orphan the pipeline did not write, left alone.
    KeptForeign,
    /// The document could not be built; the file on disk, if any, is untouched.
    Failed(BuildError),
    /// Writing or removing failed; the file on disk is untouched.
    Io(std::io::Error),
}

/// One row of a report: a file under `spec/` and what happened to it.
#[derive(Debug)]
pub struct Row<T> {
    /// Relative to the workspace root.
    pub path: PathBuf,
    pub outcome: T,
}

/// Compares every endpoint's document with `spec/`; writes nothing.
pub fn check(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Vec<Row<Checked>> {
    check_keeping(workspace, endpoints).0
}

/// [`check`], keeping the documents it built so that they can be linted without building
/// them again.
pub fn check_keeping(
    workspace: &Workspace,
    endpoints: &[&'static Endpoint],
) -> (Vec<Row<Checked>>, Vec<Document>) {
    let mut built = Vec::new();
    let mut rows = Vec::new();
    let mut expected = BTreeSet::new();
    for &endpoint in endpoints {
        let path = Workspace::document_path(endpoint);
        expected.insert(path.clone());
        let outcome = match document::build(workspace, endpoint) {
            Err(error) => Checked::Failed(error),
            Ok(document) => {
                let outcome = compare(workspace, &document);
                built.push(document);
                outcome
            }
        };
        rows.push(Row { path, outcome });
    }
    for path in orphans(workspace, &expected) {
        let generated = std::fs::read(workspace.path(&path)).is_ok_and(|bytes| render::is_generated(&bytes));
        rows.push(Row { path, outcome: Checked::Orphaned { generated } });
    }
    (rows, built)
}

fn compare(workspace: &Workspace, document: &Document) -> Checked {
    match std::fs::read(workspace.path(&document.path)) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Checked::Missing,
        Err(error) => Checked::Unreadable(error),
        Ok(bytes) if bytes == document.text.as_bytes() => Checked::Fresh,
        Ok(bytes) => {
            let on_disk = String::from_utf8_lossy(&bytes);
            let shown = workspace::display(&document.path);
            let diff = similar::TextDiff::from_lines(on_disk.as_ref(), document.text.as_str())
                .unified_diff()
                .context_radius(3)
                .header(&format!("a/{shown}"), &format!("b/{shown}"))
                .to_string();
            Checked::Stale { diff }
        }
    }
}

/// Writes every endpoint's document that changed, and removes orphans the pipeline wrote.
pub fn generate(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Vec<Row<Generated>> {
    let mut rows = Vec::new();
    let mut expected = BTreeSet::new();
    for &endpoint in endpoints {
        let path = Workspace::document_path(endpoint);
        expected.insert(path.clone());
        let outcome = match document::build(workspace, endpoint) {
            Err(error) => Generated::Failed(error),
            Ok(document) => match compare(workspace, &document) {
                Checked::Fresh => Generated::Unchanged,
                Checked::Missing => {
                    write(workspace, &document).map_or_else(Generated::Io, |()| Generated::Created)
                }
                _ => write(workspace, &document).map_or_else(Generated::Io, |()| Generated::Updated),
            },
        };
        rows.push(Row { path, outcome });
    }
    for path in orphans(workspace, &expected) {
        let absolute = workspace.path(&path);
        let outcome = match std::fs::read(&absolute) {
            Ok(bytes) if render::is_generated(&bytes) => {
                std::fs::remove_file(&absolute).map_or_else(Generated::Io, |()| Generated::Removed)
            }
            Ok(_) => Generated::KeptForeign,
            Err(error) => Generated::Io(error),
        };
        rows.push(Row { path, outcome });
    }
    rows
}

/// Write then rename, so that a reader never sees half a document and a failed write
/// leaves the old one in place.
fn write(workspace: &Workspace, document: &Document) -> std::io::Result<()> {
    let target = workspace.path(&document.path);
    let dir = target.parent().unwrap_or(workspace.root());
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::Builder::new().prefix(".cloudspec-").suffix(".tmp").tempfile_in(dir)?;
    file.write_all(document.text.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist(&target).map_err(|error| error.error)?;
    Ok(())
}

/// Files under `spec/` that no endpoint generates, relative to the root, sorted.
fn orphans(workspace: &Workspace, expected: &BTreeSet<PathBuf>) -> Vec<PathBuf> {
    let mut found = Vec::new();
    walk(workspace, Path::new(SPEC_DIR), &mut found);
    found.retain(|path| !expected.contains(path));
    found.sort();
    found
}

fn walk(workspace: &Workspace, dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(workspace.path(dir)) else { return };
    for entry in entries.flatten() {
        let relative = dir.join(entry.file_name());
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => walk(workspace, &relative, found),
            Ok(_) => found.push(relative),
            Err(_) => {}
        }
    }
}
