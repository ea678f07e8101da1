//! The report for CI systems: JUnit XML, which GitLab, Jenkins and most CI servers show as
//! test results, and GitHub Actions workflow commands, which GitHub shows as annotations on
//! the changed lines of a pull request.

use std::fmt::Write as _;

use super::compare::{Change, Side};
use super::render::{Diff, Summary, place, shown, stale_message};
use super::rules::Verdict;

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

/// Text inside an XML attribute or element.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 admits no other control characters, even escaped.
            '\t' | '\n' | '\r' => out.push(character),
            _ if character.is_control() => out.push(' '),
            _ => out.push(character),
        }
    }
    out
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

/// The data of a workflow command: what would end the line is percent-encoded.
fn command_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property of a workflow command: also what would end the property.
fn command_property(text: &str) -> String {
    command_data(text).replace(':', "%3A").replace(',', "%2C")
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

#[cfg(test)]
mod tests {
    use super::{command_data, command_property, xml};

    #[test]
    fn what_would_end_a_command_or_an_attribute_is_escaped() {
        assert_eq!(command_data("50% of\r\nlines"), "50%25 of%0D%0Alines");
        assert_eq!(command_property("spec/a,b:c.yaml"), "spec/a%2Cb%3Ac.yaml");
        assert_eq!(xml("<a href=\"x\">&'\u{1}</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos; &lt;/a&gt;");
    }
}
