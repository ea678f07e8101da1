//! What `diff` prints: text for a terminal (ANSI styles, stripped off-terminal by the
//! CLI's writer), Markdown to paste into a review, JSON for machines; the formats for CI
//! systems are in [`super::ci_formats`]; [`super::report`] picks one. Field names of the JSON are
//! stable.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use serde::Serialize;
use serde_json::Value;

use super::accepted::Accepted;
use super::compare::{Change, Side};
use super::rules::Verdict;
use crate::formats::cell;

pub use crate::formats::Format;

/// The changes between two sets of documents, and what the two sides are.
#[derive(Debug, Serialize)]
pub struct Diff {
    /// What the old side is, in words: `spec/ at main`.
    pub base: String,
    /// What the new side is, in words.
    pub head: String,
    pub changes: Vec<Change>,
    /// Entries of the accepted-changes file that match no change.
    pub stale: Vec<Accepted>,
}

/// How many changes of each verdict.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub breaking: usize,
    pub potentially_breaking: usize,
    pub non_breaking: usize,
    pub docs_only: usize,
    /// Changes of any verdict that the accepted-changes file accepts.
    pub accepted: usize,
}

impl Summary {
    pub fn of(changes: &[Change]) -> Self {
        let mut summary = Self::default();
        for change in changes {
            summary.accepted += usize::from(change.accepted.is_some());
            *match change.verdict {
                Verdict::Breaking => &mut summary.breaking,
                Verdict::PotentiallyBreaking => &mut summary.potentially_breaking,
                Verdict::NonBreaking => &mut summary.non_breaking,
                Verdict::DocsOnly => &mut summary.docs_only,
            } += 1;
        }
        summary
    }

    fn counts(&self) -> [(usize, Verdict); 4] {
        [
            (self.breaking, Verdict::Breaking),
            (self.potentially_breaking, Verdict::PotentiallyBreaking),
            (self.non_breaking, Verdict::NonBreaking),
            (self.docs_only, Verdict::DocsOnly),
        ]
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts: Vec<String> =
            self.counts().iter().map(|(count, verdict)| format!("{count} {verdict}")).collect();
        if self.accepted > 0 {
            parts.push(format!("{} accepted", self.accepted));
        }
        f.write_str(&parts.join(", "))
    }
}

/// What a stale entry says, in every format.
pub(super) fn stale_message(entry: &Accepted) -> String {
    format!(
        "{}:{}: accepted change {} ({} in {} at {}) matches no change: remove the entry",
        entry.file, entry.line, entry.fingerprint, entry.rule, entry.operation, entry.pointer
    )
}

const WIDTH: usize = 20;
/// Values longer than this are cut in text and Markdown; JSON carries them whole.
const SHOWN: usize = 100;

fn style(verdict: Verdict) -> Style {
    match verdict {
        Verdict::Breaking => AnsiColor::Red.on_default().bold(),
        Verdict::PotentiallyBreaking => AnsiColor::Yellow.on_default().bold(),
        Verdict::NonBreaking => AnsiColor::Green.on_default(),
        Verdict::DocsOnly => Style::new().dimmed(),
    }
}

pub(super) fn place(change: &Change) -> String {
    let side = match change.side {
        Side::After => "",
        Side::Before => " (before)",
    };
    format!("{}#{}{side}", change.document, change.pointer)
}

pub(super) fn shown(value: Option<&Value>) -> String {
    let Some(value) = value else { return "(none)".to_owned() };
    let text = value.to_string();
    if text.chars().count() <= SHOWN {
        return text;
    }
    let cut: String = text.chars().take(SHOWN).collect();
    format!("{cut}…")
}

pub(super) fn text(diff: &Diff, summary: &Summary) -> String {
    let dim = Style::new().dimmed();
    let mut out = String::new();
    let _ = writeln!(out, "{dim}{:>WIDTH$}{dim:#} {} -> {}", "Comparing", diff.base, diff.head);
    let mut operation = None;
    for change in &diff.changes {
        if operation != Some(&change.operation) {
            operation = Some(&change.operation);
            let _ = writeln!(out, "{:>WIDTH$} {}", "Operation", change.operation);
        }
        let style = style(change.verdict);
        let _ = writeln!(
            out,
            "{style}{:>WIDTH$}{style:#} {} {} {dim}[{}]{dim:#}",
            change.verdict.as_str(),
            change.rule.id,
            place(change),
            change.fingerprint
        );
        let _ = writeln!(out, "{:>WIDTH$} - {}", "", shown(change.before.as_ref()));
        let _ = writeln!(out, "{:>WIDTH$} + {}", "", shown(change.after.as_ref()));
        if let Some(reason) = &change.accepted {
            let _ = writeln!(out, "{:>WIDTH$} accepted: {reason}", "");
        }
    }
    let total = diff.changes.len();
    let _ = writeln!(out, "{dim}{:>WIDTH$}{dim:#} {total} changes: {summary}", "Summary");
    let bad = Style::new().bold();
    for entry in &diff.stale {
        let _ = writeln!(out, "{bad}{:>WIDTH$}{bad:#} {}", "Stale", stale_message(entry));
    }
    out
}

pub(super) fn markdown(diff: &Diff, summary: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### API changes: {summary}\n");
    let _ = writeln!(out, "From {} to {}.\n", diff.base, diff.head);
    for entry in &diff.stale {
        let _ = writeln!(out, "- **Stale:** {}", stale_message(entry).replace('|', "\\|"));
    }
    if !diff.stale.is_empty() {
        out.push('\n');
    }
    if diff.changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    out.push_str(
        "| Verdict | Rule | Operation | Where | Before | After | Fingerprint |\n|---|---|---|---|---|---|---|\n",
    );
    for change in &diff.changes {
        let mut verdict = match change.verdict {
            Verdict::Breaking if change.accepted.is_none() => format!("**{}**", change.verdict),
            _ => change.verdict.to_string(),
        };
        if let Some(reason) = &change.accepted {
            let _ = write!(verdict, " (accepted: {})", reason.replace('|', "\\|").replace('\n', " "));
        }
        let _ = writeln!(
            out,
            "| {verdict} | `{}` | {} | {} | {} | {} | `{}` |",
            change.rule.id,
            cell(&change.operation),
            cell(&place(change)),
            cell(&shown(change.before.as_ref())),
            cell(&shown(change.after.as_ref())),
            change.fingerprint,
        );
    }
    out
}

pub(super) fn json(diff: &Diff, summary: &Summary) -> String {
    let value = serde_json::json!({
        "base": diff.base,
        "head": diff.head,
        "summary": summary,
        "changes": diff.changes,
        "stale": diff.stale,
    });
    crate::formats::json(&value)
}
