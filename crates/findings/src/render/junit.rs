//! JUnit XML, which GitLab, Jenkins and most CI servers show as test results: a test case a
//! subject, failing where it fails, and a failing case a stale entry.

use std::io::{self, Write};

use super::kept::Report;
use crate::escape::xml;
use crate::{Finding, Subject, Tail};

pub(super) fn write(out: &mut dyn Write, report: &Report, tail: &Tail) -> io::Result<()> {
    let failing = |(subject, findings): &&(Subject, Vec<Finding>)| super::fails(subject, findings);
    let failures = report.subjects.iter().filter(failing).count() + tail.stale.len();
    let tests = report.subjects.len() + tail.stale.len();
    let tool = xml(&report.head.tool);
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<testsuites name=\"{tool}\" tests=\"{tests}\" failures=\"{failures}\">")?;
    writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
        xml(&tail.counts.to_string())
    )?;
    for (subject, findings) in &report.subjects {
        case(out, &tool, subject, findings)?;
    }
    for stale in &tail.stale {
        writeln!(
            out,
            "    <testcase classname=\"accepted entries\" name=\"{}:{}\" file=\"{}\" line=\"{}\">\n      \
             <failure type=\"stale\" message=\"{}\"/>\n    </testcase>",
            xml(&stale.file),
            stale.line,
            xml(&stale.file),
            stale.line,
            xml(&stale.message),
        )?;
    }
    writeln!(out, "  </testsuite>\n</testsuites>")
}

fn case(out: &mut dyn Write, tool: &str, subject: &Subject, findings: &[Finding]) -> io::Result<()> {
    let first = findings.first();
    let file = first.map_or(subject.name.as_str(), |finding| finding.file.as_str());
    let line =
        first.and_then(|finding| finding.line).map(|line| format!(" line=\"{line}\"")).unwrap_or_default();
    write!(
        out,
        "    <testcase classname=\"{tool}\" name=\"{}\" file=\"{}\"{line}",
        xml(&subject.name),
        xml(file)
    )?;
    let mut lines: Vec<String> = subject.notes.iter().chain(&subject.diff).cloned().collect();
    lines.extend(
        findings.iter().map(|finding| format!("{}: {}", finding.shown_label(), super::message(finding))),
    );
    if subject.more > 0 {
        lines.push(format!("and {} more", subject.more));
    }
    let text = xml(&lines.join("\n"));
    if super::fails(subject, findings) {
        let message = findings.iter().find(|finding| finding.fails()).map_or_else(
            || {
                let status = subject.status.as_ref();
                status.map(|status| format!("{}{}", status.label, status.detail)).unwrap_or_default()
            },
            |finding| format!("{}: {}", finding.shown_label(), super::line(finding)),
        );
        let kind = subject.status.as_ref().map_or("finding", |status| &status.label);
        writeln!(
            out,
            ">\n      <failure type=\"{}\" message=\"{}\">{text}</failure>\n    </testcase>",
            xml(kind),
            xml(&message)
        )
    } else if text.is_empty() {
        writeln!(out, "/>")
    } else {
        writeln!(out, ">\n      <system-out>{text}</system-out>\n    </testcase>")
    }
}
