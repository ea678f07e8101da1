//! The report for CI systems: JUnit XML, which GitLab, Jenkins and most CI servers show as
//! test results, and GitHub Actions workflow commands, which GitHub shows as annotations on
//! the changed lines of a pull request.

use std::fmt::Write as _;

use super::compare::{Change, Side};
use super::render::{Diff, Summary, place, shown, stale_message};
use super::rules::Verdict;
use crate::formats::{command_data, command_property, xml};

/// One line saying what a change is, for a message or an annotation.
fn message(change: &Change) -> String {
    let mut text = format!(
        "{}: {} ({}) in {} at {}{}: {} -> {} [{}]",
        change.verdict,
        change.rule.title,
        change.rule.id,
        change.operation,
        change.pointer,
        if change.side == Side::Before { " (before)" } else { "" },
        shown(change.before.as_ref()),
        shown(change.after.as_ref()),
        change.fingerprint
    );
    if let Some(reason) = &change.accepted {
        let _ = write!(text, "; accepted: {reason}");
    }
    text
}

/// A test suite with a test case per change, failing where the change fails `diff`, and a
/// failing case per stale accepted entry.
pub(super) fn junit(diff: &Diff, summary: &Summary) -> String {
    let failures = diff.changes.iter().filter(|change| change.fails()).count() + diff.stale.len();
    let tests = diff.changes.len() + diff.stale.len();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<testsuites name=\"cloudspec diff\" tests=\"{tests}\" failures=\"{failures}\">");
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
        xml(&format!("{} -> {}: {summary}", diff.base, diff.head))
    );
    for change in &diff.changes {
        let line = change.line.map(|line| format!(" line=\"{line}\"")).unwrap_or_default();
        let _ = write!(
            out,
            "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\"{line}",
            xml(&change.operation),
            xml(&format!("{} {}", change.rule.id, change.pointer)),
            xml(&change.document),
        );
        let text = xml(&message(change));
        if change.fails() {
            let _ = writeln!(
                out,
                ">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>",
                change.verdict,
                xml(&format!("{} {} at {}", change.verdict, change.rule.id, place(change))),
                text,
            );
        } else {
            let _ = writeln!(out, ">\n      <system-out>{text}</system-out>\n    </testcase>");
        }
    }
    for entry in &diff.stale {
        let _ = writeln!(
            out,
            "    <testcase classname=\"accepted changes\" name=\"{}\" file=\"{}\" line=\"{}\">\n      <failure type=\"stale\" message=\"{}\"/>\n    </testcase>",
            xml(&entry.fingerprint),
            xml(&entry.file),
            entry.line,
            xml(&stale_message(entry)),
        );
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// An annotation per change (an error where it fails `diff`, a warning where it is
/// potentially breaking, a notice otherwise) at its file and line, and an error per stale
/// accepted entry at its line.
pub(super) fn github(diff: &Diff, summary: &Summary) -> String {
    let mut out = String::new();
    for change in &diff.changes {
        let level = match change.verdict {
            _ if change.fails() => "error",
            Verdict::PotentiallyBreaking if change.accepted.is_none() => "warning",
            _ => "notice",
        };
        let line = change.line.map(|line| format!(",line={line}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "::{level} file={}{line},title={}::{}",
            command_property(&change.document),
            command_property(&format!("{} {}", change.verdict, change.rule.id)),
            command_data(&message(change)),
        );
    }
    for entry in &diff.stale {
        let _ = writeln!(
            out,
            "::error file={},line={},title=stale accepted change::{}",
            command_property(&entry.file),
            entry.line,
            command_data(&stale_message(entry)),
        );
    }
    let _ = writeln!(
        out,
        "cloudspec diff: {} -> {}: {} changes: {summary}",
        diff.base,
        diff.head,
        diff.changes.len()
    );
    out
}
