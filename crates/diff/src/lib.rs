//! A general OpenAPI change engine: what changed between two sets of OpenAPI 3.x documents,
//! each change classified by a rule with a verdict, so that a reviewer can tell at once
//! whether a change breaks clients.
//!
//! It knows nothing of where the documents come from (a directory, a git revision, the
//! types they are built from) nor of what a command does with the result: the caller reads
//! the two sides into [`DocumentSet`]s, calls [`diff`], and may [`locate`] the changes in the
//! new documents' text, apply the changes reviewers [`accepted`], and write the [`report`]
//! through `cloudspec_findings`' sinks in any format.
//!
//! [`operations`] matches operations across the sides and compares what they hold,
//! [`security`] their requirements, [`schema`], [`keywords`] and [`composition`] compare
//! schemas in a direction (through the [`effective`] schema at a place), [`lifecycle`] judges
//! removals by their sunset; [`rules`] is the catalogue of what a change can be.

// `pub` means reachable from outside, and outside uses it (the workspace's tests/surface.rs
// holds every public name to a use): what only this crate uses says `pub(crate)`.
#![warn(unreachable_pub)]

pub mod accepted;
mod compare;
mod composition;
mod date;
mod effective;
mod keywords;
mod lifecycle;
pub mod locate;
mod operations;
pub mod report;
pub mod rules;
mod schema;
mod security;

use std::collections::BTreeMap;

use serde_json::Value;

pub use compare::{Change, Side};
pub use date::Date;
pub use report::Diff;
pub use rules::Verdict;

/// Documents by the path they are shown with (`spec/huaweicloud/cph/ListPhoneImages.yaml`).
/// Operations are matched by method and path, then by operationId, never by file name, so
/// the two sides may name their files differently.
pub type DocumentSet = BTreeMap<String, Value>;

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
