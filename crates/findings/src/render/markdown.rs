//! Markdown, to paste into a review: a heading with the summary, the stale entries and what
//! to do as a list, a table of findings, and the report's own tables.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::kept::Report;
use crate::escape::{cell, prose};
use crate::{Finding, Subject, Tail};

pub(super) fn write(out: &mut dyn Write, report: &Report, tail: &Tail) -> io::Result<()> {
    writeln!(out, "### {}: {}\n", report.head.title, prose(&tail.counts.to_string()))?;
    if let Some((label, text)) = &report.head.context {
        writeln!(out, "{label}: {}\n", prose(text))?;
    }
    let items = tail
        .stale
        .iter()
        .map(|stale| format!("**Stale:** {}:{}: {}", stale.file, stale.line, stale.message))
        .chain(tail.fixes.iter().map(|fix| format!("**Fix:** {fix}")))
        .collect::<Vec<_>>();
    for item in &items {
        writeln!(out, "- {}", prose(item))?;
    }
    if !items.is_empty() {
        writeln!(out)?;
    }
    findings(out, &report.subjects)?;
    for table in &tail.tables {
        writeln!(out, "\n#### {}\n", table.title)?;
        writeln!(out, "| {} |", table.columns.join(" | "))?;
        writeln!(out, "|{}", "---|".repeat(table.columns.len()))?;
        for row in &table.rows {
            let cells: Vec<String> = row.iter().map(|text| prose(text)).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
    }
    Ok(())
}

/// The table of findings, a row each, and a row for each subject with a verdict but none.
fn findings(out: &mut dyn Write, subjects: &[(Subject, Vec<Finding>)]) -> io::Result<()> {
    if subjects.iter().all(|(subject, findings)| findings.is_empty() && subject.status.is_none()) {
        return writeln!(out, "No findings.");
    }
    writeln!(out, "| Subject | Verdict | Rule | Where | Finding |\n|---|---|---|---|---|")?;
    for (subject, findings) in subjects {
        let name = cell(&subject.name);
        if let Some(status) = subject.status.as_ref().filter(|_| findings.is_empty()) {
            let verdict = bold(&status.label, status.fails);
            let detail = Some(status.detail_text()).filter(|detail| !detail.is_empty());
            let notes = detail.into_iter().chain(subject.notes.iter().map(String::as_str));
            let notes = notes.map(prose).collect::<Vec<_>>().join("<br>");
            writeln!(out, "| {name} | {verdict} | | | {notes} |")?;
        }
        for finding in findings {
            let mut verdict = bold(finding.shown_label(), finding.fails());
            if let Some(reason) = &finding.accepted {
                let _ = write!(verdict, " (accepted: {})", prose(reason));
            }
            let mut text = prose(&finding.message);
            for detail in &finding.details {
                text.push_str("<br>");
                text.push_str(&prose(&format!("{}{}", detail.lead, detail.text)));
            }
            writeln!(
                out,
                "| {name} | {verdict} | {} | {} | {text} |",
                cell(&finding.rule),
                cell(&finding.place())
            )?;
        }
        if subject.more > 0 {
            writeln!(out, "| {name} | | | | and {} more |", subject.more)?;
        }
    }
    Ok(())
}

fn bold(text: &str, strong: bool) -> String {
    if strong { format!("**{text}**") } else { text.to_owned() }
}
