//! `diff`: what changed between the documents at a git revision and those of the working
//! tree (or of a directory), classified by the engine ([`cloudspec_diff`]). This is the glue:
//! [`git`] and [`documents`] read the two sides, [`accepted`] reads the changes reviewers
//! accepted from their file, [`run`] puts them together and [`exit_code`] says how the
//! command ends.

pub mod accepted;
pub mod documents;
pub mod git;

use std::collections::BTreeMap;
use std::path::PathBuf;

use cloudspec_diff::{Change, Date, Diff, DocumentSet};
use cloudspec_endpoint::Endpoint;

use crate::exit;
use crate::paths::SPEC_DIR;
use crate::workspace::Workspace;

use documents::SourceError;

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
    let mut changes = cloudspec_diff::diff(&before, &after, today);
    cloudspec_diff::locate(&mut changes, &texts(workspace, &after, options.after_dir.is_some()));
    let (path, required) = match &options.accepted {
        Some(path) => (path.clone(), true),
        None => (PathBuf::from(accepted::ACCEPTED_FILE), false),
    };
    let entries = accepted::load(workspace.root(), &path, required)?;
    let stale = accepted::apply(&mut changes, &entries)?;
    Ok(Diff { base, head, changes, stale })
}

/// The exit code: [`exit::BREAKING`] when a change is breaking and not accepted, unless
/// `allow_breaking`; else [`exit::STALE`] when an accepted change is no longer there.
pub fn exit_code(diff: &Diff, allow_breaking: bool) -> u8 {
    if diff.changes.iter().any(Change::fails) && !allow_breaking {
        exit::BREAKING
    } else if diff.stale.is_empty() {
        exit::OK
    } else {
        exit::STALE
    }
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
