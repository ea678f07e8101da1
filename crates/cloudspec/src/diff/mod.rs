//! `diff`: what changed between the documents at a git revision and those of the working
//! tree, each change classified by a rule with a verdict, so that a reviewer can tell at once
//! whether a change breaks clients.
//!
//! [`git`] and [`documents`] read the two sides; [`operations`] matches operations and
//! compares what they hold, [`schema`] compares schemas in a direction; [`render`] writes
//! text, Markdown or JSON.

mod compare;
pub mod documents;
pub mod git;
mod operations;
pub mod render;
pub mod rules;
mod schema;

use std::path::PathBuf;

pub use compare::{Change, Side};
pub use documents::{DocumentSet, SourceError};
pub use render::Format;
pub use rules::{Rule, Verdict};

use crate::endpoint::Endpoint;
use crate::report::Report;
use crate::workspace::{SPEC_DIR, Workspace};

/// Every change from `before` to `after`, operation by operation.
pub fn diff(before: &DocumentSet, after: &DocumentSet) -> Vec<Change> {
    operations::compare(before, after)
}

/// What `cargo xtask diff` was asked to do.
#[derive(Debug)]
pub struct Options {
    /// The revision to compare with; the merge base of `HEAD` and the main branch if `None`.
    pub base: Option<String>,
    /// Read the new documents from this directory instead of generating them.
    pub after_dir: Option<PathBuf>,
    pub format: Format,
    /// Exit 0 even when a change is breaking.
    pub allow_breaking: bool,
}

/// Reads both sides, compares them and renders the report.
pub fn run(
    workspace: &Workspace,
    endpoints: &[&'static Endpoint],
    options: &Options,
) -> Result<Report, SourceError> {
    let repo = workspace.root();
    // The directory first: a wrong --after is the command line's fault, whatever git says.
    let after_dir = match &options.after_dir {
        Some(dir) => Some((documents::from_dir(workspace, dir)?, format!("{}/", documents::shown(dir)))),
        None => None,
    };
    let (revision, base) = if let Some(revision) = &options.base {
        (revision.clone(), format!("{SPEC_DIR}/ at {revision}"))
    } else {
        let id = git::merge_base(repo)?;
        let short = id.get(..12).unwrap_or(&id).to_owned();
        (id, format!("{SPEC_DIR}/ at {short} (merge base of HEAD and {})", git::MAIN_BRANCH))
    };
    let before = git::documents_at(repo, &revision, SPEC_DIR)?;
    let (after, head) = match after_dir {
        Some(after) => after,
        None => (
            documents::built(workspace, endpoints)?,
            "the documents generated from the working tree".to_owned(),
        ),
    };
    let report = render::Diff { base, head, changes: diff(&before, &after) };
    Ok(render::report(&report, options.format, options.allow_breaking))
}
