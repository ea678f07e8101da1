//! `diff`: what changed between the documents at a git revision and those of the working
//! tree, each change classified by a rule with a verdict, so that a reviewer can tell at once
//! whether a change breaks clients.
//!
//! [`git`] and [`documents`] read the two sides; [`operations`] matches operations and
//! compares what they hold, [`security`] their requirements, [`schema`], [`keywords`] and
//! [`composition`] compare schemas in a direction, [`lifecycle`] judges removals by their
//! sunset; [`accepted`] reads the changes reviewers accepted; [`report`] turns the changes
//! into findings, each at the line [`locate`] finds, for any format to print.

pub mod accepted;
mod compare;
mod composition;
mod date;
pub mod documents;
mod effective;
pub mod git;
mod keywords;
mod lifecycle;
pub mod locate;
mod operations;
pub mod report;
pub mod rules;
mod schema;
mod security;

use std::collections::BTreeMap;
use std::path::PathBuf;

pub use compare::{Change, Side, fingerprint};
pub use date::Date;
pub use documents::DocumentSet;
pub use documents::SourceError;
pub use report::Diff;
pub use rules::{Rule, Verdict};

use cloudspec_endpoint::Endpoint;

use crate::paths::SPEC_DIR;
use crate::workspace::Workspace;

/// Every change from `before` to `after`, operation by operation; sunsets are judged on
/// `today`.
pub fn diff(before: &DocumentSet, after: &DocumentSet, today: Date) -> Vec<Change> {
    operations::compare(before, after, today)
}

/// Sets the line of each change whose document's new text is in `texts` (by the path the
/// documents are shown with). A removal gets the line of the nearest place still there.
pub fn locate(changes: &mut [Change], texts: &BTreeMap<String, String>) {
    for change in changes {
        change.line = texts.get(&change.document).and_then(|text| locate::line(text, &change.pointer));
    }
}

/// What to compare, as the command line says it.
#[derive(Clone, Debug, Default)]
pub struct Sides {
    /// The revision of the old side; the merge base of HEAD and main when `None`.
    pub base: Option<String>,
    /// The directory of the new side; the documents built from the working tree when `None`.
    pub after_dir: Option<PathBuf>,
    /// The accepted-changes file; [`accepted::ACCEPTED_FILE`], if it exists, when `None`.
    pub accepted: Option<PathBuf>,
}

/// Reads both sides, compares them (judging sunsets on `today`) and applies the accepted
/// changes.
pub fn run(
    workspace: &Workspace,
    endpoints: &[&'static Endpoint],
    options: &Sides,
    today: Date,
) -> Result<Diff, SourceError> {
    let repo = workspace.root();
    // The directory first: a wrong --after is the command line's fault, whatever git says.
    let after_dir = match &options.after_dir {
        Some(dir) => {
            Some((documents::from_dir(workspace, dir)?, format!("{}/", crate::workspace::display(dir))))
        }
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
    let mut changes = diff(&before, &after, today);
    locate(&mut changes, &texts(workspace, &after, options.after_dir.is_some()));
    let (path, required) = match &options.accepted {
        Some(path) => (path.clone(), true),
        None => (PathBuf::from(accepted::ACCEPTED_FILE), false),
    };
    let entries = accepted::load(workspace.root(), &path, required)?;
    let stale = accepted::apply(&mut changes, &entries)?;
    Ok(Diff { base, head, changes, stale })
}

/// The text of each new document, to find lines in: the files read, or the YAML `generate`
/// would write for a built document.
fn texts(workspace: &Workspace, after: &DocumentSet, from_files: bool) -> BTreeMap<String, String> {
    after
        .iter()
        .filter_map(|(path, value)| {
            let text = if from_files {
                std::fs::read_to_string(workspace.path(path)).ok()
            } else {
                crate::emit::yaml(value).ok()
            };
            text.map(|text| (path.clone(), text))
        })
        .collect()
}
