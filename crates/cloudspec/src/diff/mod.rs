//! `diff`: what changed between the documents at a git revision and those of the working
//! tree, each change classified by a rule with a verdict, so that a reviewer can tell at once
//! whether a change breaks clients.
//!
//! [`git`] and [`documents`] read the two sides; [`operations`] matches operations and
//! compares what they hold, [`security`] their requirements, [`schema`], [`keywords`] and
//! [`composition`] compare schemas in a direction, [`lifecycle`] judges removals by their
//! sunset; [`accepted`] reads the changes reviewers accepted; [`render`] writes text,
//! Markdown, JSON, JUnit XML or GitHub Actions annotations, each change at the line
//! [`locate`] finds.

pub mod accepted;
mod ci_formats;
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
pub mod render;
pub mod rules;
mod schema;
mod security;

use std::collections::BTreeMap;
use std::path::PathBuf;

pub use compare::{Change, Side, fingerprint};
pub use date::Date;
pub use documents::{DocumentSet, SourceError};
pub use render::Format;
pub use rules::{Rule, Verdict};

use crate::endpoint::Endpoint;
use crate::paths::SPEC_DIR;
use crate::report::{Report, exit};
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

/// What `cargo xtask diff` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, clap::Args)]
pub struct Options {
    /// The revision to compare with [default: the merge base of HEAD and main].
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,
    /// Read the new documents from this directory instead of generating them from the working tree.
    #[arg(long = "after", value_name = "DIR")]
    pub after_dir: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Exit 0 even when a change is breaking.
    #[arg(long)]
    pub allow_breaking: bool,
    /// The accepted breaking changes [default: .cloudspec/diff-accepted.yaml, if it exists].
    #[arg(long, value_name = "FILE")]
    pub accepted: Option<PathBuf>,
    /// Judge `x-sunset` dates as on this day (YYYY-MM-DD) [default: today, in UTC].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<Date>,
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| format!("{text:?} is not a date: expected YYYY-MM-DD"))
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
    let mut changes = diff(&before, &after, options.today.unwrap_or_else(Date::today));
    locate(&mut changes, &texts(workspace, &after, options.after_dir.is_some()));
    let (path, required) = match &options.accepted {
        Some(path) => (path.clone(), true),
        None => (PathBuf::from(accepted::ACCEPTED_FILE), false),
    };
    let entries = accepted::load(&workspace.path(&path), &documents::shown(&path), required)?;
    let stale = accepted::apply(&mut changes, &entries)?;
    let report = render::Diff { base, head, changes, stale };
    Ok(self::report(&report, options.format, options.allow_breaking))
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
                crate::render::yaml(value).ok()
            };
            text.map(|text| (path.clone(), text))
        })
        .collect()
}

/// The report in `format`, and its exit code: [`exit::BREAKING`] when a change is breaking
/// and not accepted, unless `allow_breaking`; else [`exit::STALE`] when an accepted change
/// is no longer there.
pub fn report(diff: &render::Diff, format: Format, allow_breaking: bool) -> Report {
    let summary = render::Summary::of(&diff.changes);
    let text = match format {
        Format::Text => render::text(diff, &summary),
        Format::Markdown => render::markdown(diff, &summary),
        Format::Json => render::json(diff, &summary),
        Format::Junit => ci_formats::junit(diff, &summary),
        Format::Github => ci_formats::github(diff, &summary),
    };
    let exit_code = if diff.changes.iter().any(compare::Change::fails) && !allow_breaking {
        exit::BREAKING
    } else if diff.stale.is_empty() {
        exit::OK
    } else {
        exit::STALE
    };
    Report::new(text, exit_code)
}
