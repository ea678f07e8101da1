//! Keeping `spec/` in step with the code: `check` compares and writes nothing,
//! `generate` writes atomically and removes only the files it wrote itself.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::document::{BuildError, Document};
use crate::endpoint::Endpoint;
use crate::outputs::{self, Output};
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
    /// No endpoint generates it (an endpoint that fails to build keeps its files). `generated` says whether the pipeline wrote it (and so
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

/// Compares every endpoint's files with `spec/`; writes nothing.
pub fn check(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Vec<Row<Checked>> {
    check_keeping(workspace, endpoints).0
}

/// [`check`], keeping the OpenAPI 3.1 documents it built (each endpoint's English one and its
/// locales') so that they can be linted without building them again.
pub fn check_keeping(
    workspace: &Workspace,
    endpoints: &[&'static Endpoint],
) -> (Vec<Row<Checked>>, Vec<Document>) {
    sweep(
        workspace,
        endpoints,
        |output| compare(workspace, output),
        Checked::Failed,
        |absolute| Checked::Orphaned {
            generated: std::fs::read(absolute).is_ok_and(|bytes| render::is_generated(&bytes)),
        },
    )
}

/// Writes every endpoint's file that changed, and removes orphans the pipeline wrote.
pub fn generate(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Vec<Row<Generated>> {
    sweep(
        workspace,
        endpoints,
        |output| match compare(workspace, output) {
            Checked::Fresh => Generated::Unchanged,
            Checked::Missing => write(workspace, output).map_or_else(Generated::Io, |()| Generated::Created),
            _ => write(workspace, output).map_or_else(Generated::Io, |()| Generated::Updated),
        },
        Generated::Failed,
        |absolute| match std::fs::read(absolute) {
            Ok(bytes) if render::is_generated(&bytes) => {
                std::fs::remove_file(absolute).map_or_else(Generated::Io, |()| Generated::Removed)
            }
            Ok(_) => Generated::KeptForeign,
            Err(error) => Generated::Io(error),
        },
    )
    .0
}

/// Builds every endpoint's files and visits each, or each failure (on the path of the file it
/// prevented); then visits every orphan under `spec/` by its absolute path. The files of an
/// endpoint that failed are not orphans: nothing says they are stale. Returns the rows and the
/// OpenAPI 3.1 documents built.
fn sweep<T>(
    workspace: &Workspace,
    endpoints: &[&'static Endpoint],
    mut on_output: impl FnMut(&Output) -> T,
    mut on_failure: impl FnMut(BuildError) -> T,
    mut on_orphan: impl FnMut(&Path) -> T,
) -> (Vec<Row<T>>, Vec<Document>) {
    let mut rows = Vec::new();
    let mut documents = Vec::new();
    let mut expected = BTreeSet::new();
    let mut failed = Vec::new();
    for &endpoint in endpoints {
        let built = outputs::build(workspace, endpoint);
        for output in built.outputs {
            let outcome = on_output(&output);
            expected.insert(output.path.clone());
            rows.push(Row { path: output.path, outcome });
        }
        documents.extend(built.documents);
        if !built.failures.is_empty() {
            failed.push(endpoint);
        }
        for (path, error) in built.failures {
            rows.push(Row { path, outcome: on_failure(error) });
        }
    }
    for path in orphans(workspace, &expected) {
        if failed.iter().any(|endpoint| outputs::owns(endpoint, &path)) {
            continue;
        }
        let outcome = on_orphan(&workspace.path(&path));
        rows.push(Row { path, outcome });
    }
    (rows, documents)
}

fn compare(workspace: &Workspace, output: &Output) -> Checked {
    match std::fs::read(workspace.path(&output.path)) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Checked::Missing,
        Err(error) => Checked::Unreadable(error),
        Ok(bytes) if bytes == output.text.as_bytes() => Checked::Fresh,
        Ok(bytes) => {
            let on_disk = String::from_utf8_lossy(&bytes);
            let shown = workspace::display(&output.path);
            let diff = similar::TextDiff::from_lines(on_disk.as_ref(), output.text.as_str())
                .unified_diff()
                .context_radius(3)
                .header(&format!("a/{shown}"), &format!("b/{shown}"))
                .to_string();
            Checked::Stale { diff }
        }
    }
}

fn write(workspace: &Workspace, output: &Output) -> std::io::Result<()> {
    write_file(workspace, &output.path, &output.text)
}

/// Write then rename, so that a reader never sees half a file and a failed write leaves the
/// old one in place. No fsync: `spec/` is rebuilt from the code at will, and one per file
/// made generating 1,000 documents take 4 s instead of 1. `relative` is relative to the workspace root.
pub fn write_file(workspace: &Workspace, relative: &Path, text: &str) -> std::io::Result<()> {
    let target = workspace.path(relative);
    let dir = target.parent().unwrap_or(workspace.root());
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::Builder::new().prefix(".cloudspec-").suffix(".tmp").tempfile_in(dir)?;
    file.write_all(text.as_bytes())?;
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
