//! Keeping `spec/` in step with the code: [`resolve`] compares and writes nothing (`check`
//! reports what it found), [`apply`] writes atomically and removes only the files the
//! pipeline wrote itself (`generate`).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use cloudspec_endpoint::Endpoint;

use crate::document::{BuildError, Document};
use crate::emit::{self, Output};
use crate::outputs;
use crate::paths::{self, SPEC_DIR};
use crate::relpath::RelPath;
use crate::walk::{self, WalkError};
use crate::workspace::Workspace;

/// What `check` found for one file under `spec/`.
#[derive(Debug)]
pub enum Checked {
    /// Byte for byte what `generate` would write.
    Fresh,
    /// Differs from what `generate` would write; the unified diff from the file to that.
    Stale { diff: String },
    /// `generate` would create it.
    Missing,
    /// No endpoint generates it (an endpoint that fails to build keeps its files). `generated`
    /// says whether the pipeline wrote it (and so
    /// `generate` removes it) or it came from elsewhere (and must be removed by hand).
    Orphaned { generated: bool },
    /// The document could not be built.
    Failed(BuildError),
    /// The file exists but cannot be read.
    Unreadable(std::io::Error),
    /// A directory under `spec/` that cannot be listed (the row's path is the directory's): its
    /// orphans are unknown, so nothing is written or removed for it.
    Unlisted(std::io::Error),
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
    /// A directory under `spec/` that cannot be listed, left alone ([`Checked::Unlisted`]).
    Unlisted(std::io::Error),
}

/// One row of a report: a file under `spec/` and what happened to it.
#[derive(Debug)]
pub struct Row<T> {
    pub path: RelPath,
    pub outcome: T,
}

/// What the code says `spec/` should hold, compared with what it holds: the one computation
/// behind `check`, which reports it, and `generate`, which [`apply`]s it.
#[derive(Debug, Default)]
pub struct Resolution {
    /// Every file the endpoints generate (or a failure, on the path of the file it
    /// prevented), then every orphan under `spec/`.
    pub rows: Vec<Row<Checked>>,
    /// The OpenAPI 3.1 documents built (each endpoint's English one and its locales'), so
    /// that they can be linted without building them again.
    pub documents: Vec<Document>,
    /// What `generate` writes, by path.
    texts: BTreeMap<RelPath, String>,
}

/// Builds every endpoint's files and compares each with `spec/` (on every core:
/// [`crate::parallel`]), then finds the orphans; the files of an endpoint that failed are not
/// orphans: nothing says they are stale. Writes nothing.
pub fn resolve(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Resolution {
    let mut resolution = Resolution::default();
    let mut failed = Vec::new();
    let captures = outputs::captures(workspace);
    let built = cloudspec_parallel::map(endpoints, |&endpoint| {
        let built = outputs::build_with(workspace, &captures, endpoint);
        let outcomes: Vec<Checked> = built.outputs.iter().map(|output| compare(workspace, output)).collect();
        (endpoint, built, outcomes)
    });
    for (endpoint, built, outcomes) in built {
        for (output, outcome) in built.outputs.into_iter().zip(outcomes) {
            resolution.rows.push(Row { path: output.path.clone(), outcome });
            resolution.texts.insert(output.path, output.text);
        }
        resolution.documents.extend(built.documents);
        if !built.failures.is_empty() {
            failed.push(endpoint);
        }
        for (path, error) in built.failures {
            resolution.rows.push(Row { path, outcome: Checked::Failed(error) });
        }
    }
    let expected: BTreeSet<&Path> = resolution.texts.keys().map(RelPath::as_path).collect();
    match orphans(workspace, &expected, |path| failed.iter().any(|endpoint| paths::owns(endpoint, path))) {
        Ok(orphans) => resolution.rows.extend(orphans.into_iter().map(|path| {
            let generated =
                std::fs::read(workspace.path(&path)).is_ok_and(|bytes| emit::is_generated(&bytes));
            Row { path: RelPath::new(path), outcome: Checked::Orphaned { generated } }
        })),
        Err(WalkError { path, source }) => {
            resolution.rows.push(Row { path: RelPath::new(path), outcome: Checked::Unlisted(source) });
        }
    }
    resolution
}

/// Brings `spec/` in step with the code as `resolution` found it: writes every file that is
/// stale or missing, removes the orphans the pipeline wrote, leaves everything else. The
/// files are written on every core ([`crate::parallel`]), each on its own.
pub fn apply(workspace: &Workspace, resolution: Resolution) -> Vec<Row<Generated>> {
    let Resolution { rows, texts, .. } = resolution;
    // What each row's file became on disk, where anything was done to it.
    let done = cloudspec_parallel::map(&rows, |Row { path, outcome }| match outcome {
        Checked::Missing | Checked::Stale { .. } | Checked::Unreadable(_) => {
            texts.get(path).map(|text| write_file(workspace, path, text))
        }
        Checked::Orphaned { generated: true } => Some(std::fs::remove_file(workspace.path(path))),
        Checked::Fresh
        | Checked::Orphaned { generated: false }
        | Checked::Failed(_)
        | Checked::Unlisted(_) => None,
    });
    rows.into_iter()
        .zip(done)
        .map(|(Row { path, outcome }, done)| {
            let succeeded = match outcome {
                Checked::Fresh => Generated::Unchanged,
                Checked::Missing => Generated::Created,
                Checked::Stale { .. } | Checked::Unreadable(_) => Generated::Updated,
                Checked::Orphaned { generated: true } => Generated::Removed,
                Checked::Orphaned { generated: false } => Generated::KeptForeign,
                Checked::Failed(error) => Generated::Failed(error),
                Checked::Unlisted(error) => Generated::Unlisted(error),
            };
            let outcome = match done {
                Some(Err(error)) => Generated::Io(error),
                // A stale or missing file with no text to write is no file of the code's.
                None if matches!(succeeded, Generated::Created | Generated::Updated) => {
                    Generated::KeptForeign
                }
                Some(Ok(())) | None => succeeded,
            };
            Row { path, outcome }
        })
        .collect()
}

fn compare(workspace: &Workspace, output: &Output) -> Checked {
    match std::fs::read(workspace.path(&output.path)) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Checked::Missing,
        Err(error) => Checked::Unreadable(error),
        Ok(bytes) if bytes == output.text.as_bytes() => Checked::Fresh,
        Ok(bytes) => {
            let on_disk = String::from_utf8_lossy(&bytes);
            let shown = &output.path;
            let diff = similar::TextDiff::from_lines(on_disk.as_ref(), output.text.as_str())
                .unified_diff()
                .context_radius(3)
                .header(&format!("a/{shown}"), &format!("b/{shown}"))
                .to_string();
            Checked::Stale { diff }
        }
    }
}

/// Write then rename, so that a reader never sees half a file and a failed write leaves the
/// old one in place. No fsync: `spec/` is rebuilt from the code at will, and one per file
/// made generating 1,000 documents take 4 s instead of 1. `relative` is relative to the workspace root.
pub(crate) fn write_file(workspace: &Workspace, relative: &Path, text: &str) -> std::io::Result<()> {
    let target = workspace.path(relative);
    let dir = target.parent().unwrap_or(workspace.root());
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::Builder::new().prefix(".cloudspec-").suffix(".tmp").tempfile_in(dir)?;
    file.write_all(text.as_bytes())?;
    file.persist(&target).map_err(|error| error.error)?;
    Ok(())
}

/// The files under `spec/` that no endpoint generates, relative to the root, sorted: not
/// `expected`, and not `kept` (the files of an endpoint that failed, which nothing says are
/// stale). A directory that cannot be listed is an error: what it holds is unknown.
fn orphans(
    workspace: &Workspace,
    expected: &BTreeSet<&Path>,
    kept: impl Fn(&Path) -> bool,
) -> Result<Vec<PathBuf>, WalkError> {
    let found = walk::files(workspace.root(), Path::new(SPEC_DIR))?;
    Ok(found.into_iter().filter(|path| !expected.contains(path.as_path()) && !kept(path)).collect())
}
