//! What `diff` reports, in the findings' one shape: a subject per operation, whose verdict is
//! that of its worst change; a finding per change, labelled with its verdict, with the values
//! before and after; the stale accepted entries and the counts at the end. Any format of
//! [`cloudspec_findings::render`] prints it.

use std::io;

use cloudspec_findings::render::Sink;
use cloudspec_findings::{Counts, Detail, Finding, Head, Status, Subject, Tail, Tone};
use serde_json::{Value, json};

use crate::accepted::{self, Accepted};
use crate::compare::{Change, Side};
use crate::rules::Verdict;

/// The changes between two sets of documents, and what the two sides are.
#[derive(Debug)]
pub struct Diff {
    /// What the old side is, in words: `spec/ at main`.
    pub base: String,
    /// What the new side is, in words.
    pub head: String,
    pub changes: Vec<Change>,
    /// Entries of the accepted-changes file that match no change.
    pub stale: Vec<Accepted>,
}

/// The width text aligns its labels to: `potentially breaking` is the longest.
const WIDTH: usize = 20;
/// Values longer than this are cut where they are shown; JSON carries them whole.
const SHOWN: usize = 100;

/// Writes the report of `diff` to `sink`.
pub fn write(diff: &Diff, sink: &mut dyn Sink) -> io::Result<()> {
    let head = Head {
        context: Some(("Comparing".into(), format!("{} -> {}", diff.base, diff.head))),
        width: WIDTH,
        ..Head::new("cloudspec diff", "API changes")
    };
    sink.begin(&head)?;
    for changes in diff.changes.chunk_by(|a, b| a.operation == b.operation) {
        let subject = Subject::new(changes[0].operation.clone()).status(status(changes));
        sink.open(&subject)?;
        for change in changes {
            sink.finding(&finding(change))?;
        }
        sink.close(&subject)?;
    }
    sink.end(&tail(diff))
}

/// An operation's verdict: that of its worst change, failing when a change fails.
fn status(changes: &[Change]) -> Status {
    let worst = changes.iter().map(|change| change.verdict).min().unwrap_or(Verdict::DocsOnly);
    let fails = changes.iter().any(Change::fails);
    let tone = match worst {
        Verdict::Breaking if fails => Tone::Bad,
        Verdict::PotentiallyBreaking => Tone::Warn,
        Verdict::NonBreaking => Tone::Good,
        Verdict::Breaking | Verdict::DocsOnly => Tone::Dim,
    };
    Status::new(worst.as_str(), tone, fails)
}

fn finding(change: &Change) -> Finding {
    let mut message = change.rule.summary.to_owned();
    if change.side == Side::Before {
        message.push_str(" (the pointer is into the old version)");
    }
    let mut finding =
        Finding::new(change.rule.id, change.rule.level, change.verdict.as_str(), &*change.document, message)
            .at(change.pointer.clone())
            .line(change.line, None)
            .fingerprint(change.fingerprint.clone())
            .detail(value("before", "- ", change.before.as_ref()))
            .detail(value("after", "+ ", change.after.as_ref()));
    finding.accepted.clone_from(&change.accepted);
    finding
}

/// A value as a detail: shown cut, carried whole; `(none)` when there is none.
fn value(name: &'static str, lead: &'static str, value: Option<&Value>) -> Detail {
    let Some(value) = value else { return Detail::new(name, lead, "(none)".to_owned()) };
    let text = value.to_string();
    let shown = if text.chars().count() <= SHOWN {
        text
    } else {
        format!("{}…", text.chars().take(SHOWN).collect::<String>())
    };
    Detail::new(name, lead, shown).value(value.clone())
}

/// The counts: of each verdict, under JSON's stable names, and of the changes accepted.
fn tail(diff: &Diff) -> Tail {
    let changes = &diff.changes;
    let of = |verdict| changes.iter().filter(|change| change.verdict == verdict).count();
    let mut counts = Counts::new().head("changes", changes.len());
    for verdict in Verdict::ALL {
        counts = counts.part(verdict.key(), of(verdict)).says(verdict.as_str());
    }
    let accepted = changes.iter().filter(|change| change.accepted.is_some()).count();
    let mut data = serde_json::Map::new();
    data.insert("base".into(), json!(diff.base));
    data.insert("head".into(), json!(diff.head));
    Tail {
        counts: counts.part("accepted", accepted).unless_zero(),
        stale: diff.stale.iter().map(|entry| entry.stale(&accepted::named(entry))).collect(),
        data,
        ..Tail::default()
    }
}
