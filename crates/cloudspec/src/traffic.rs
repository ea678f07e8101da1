//! What `validate --har` prints (the check is `cloudspec_traffic`'s), in the formats `diff`
//! has ([`crate::formats`]): text and
//! GitHub annotations are written entry by entry as the session is checked ([`streams`]);
//! Markdown, JSON and JUnit need the whole run and are written at the end. Field names of
//! the JSON are stable.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use serde_json::json;

use cloudspec_traffic::coverage::Coverage;
use cloudspec_traffic::finding::{EntryReport, Finding, Kind, Verdict};
use cloudspec_traffic::routes::Routes;
use cloudspec_traffic::{FileProblem, Summary};

use crate::contract::{self, ContractError};
use crate::endpoint::Endpoint;
use crate::formats::{Format, cell, command_data, command_property, xml};
use crate::paths;
use crate::report::labelled;
use crate::words::count;
use crate::workspace::Workspace;

/// The operations of every endpoint's English document under `spec/`.
pub fn routes(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Result<Routes, ContractError> {
    let documents = endpoints
        .iter()
        .map(|endpoint| {
            let document = paths::localized_document(endpoint, paths::SOURCE_LOCALE);
            let schemas = contract::read_document(workspace, &document)?;
            Ok((endpoint.key(), document, schemas))
        })
        .collect::<Result<Vec<_>, ContractError>>()?;
    Routes::new(documents).map_err(|(path, source)| ContractError::Schema { path, source })
}

/// A whole run: what the formats written at the end need.
#[derive(Debug)]
pub struct Run<'a> {
    /// Every entry, for the formats that need them at the end; empty for those that stream.
    pub entries: &'a [EntryReport],
    pub problems: &'a [FileProblem],
    pub summary: &'a Summary,
    pub coverage: &'a Coverage,
    /// Whether an unmatched entry fails.
    pub strict: bool,
}

/// Whether `format` writes each entry as it is checked, keeping none.
pub fn streams(format: Format) -> bool {
    matches!(format, Format::Text | Format::Github)
}

/// One entry, in a format that [`streams`].
pub fn entry(format: Format, entry: &EntryReport, strict: bool) -> String {
    match format {
        Format::Github => github_entry(entry, strict),
        _ => text_entry(entry),
    }
}

/// A problem of an archive, in a format that [`streams`].
pub fn problem(format: Format, problem: &FileProblem) -> String {
    if format == Format::Github {
        let place = match (problem.line, problem.column) {
            (Some(line), Some(column)) => format!(",line={line},col={column}"),
            _ => String::new(),
        };
        return format!(
            "::error file={}{place},title=HAR::{}\n",
            command_property(&problem.file),
            command_data(&problem.to_string())
        );
    }
    let mut out = String::new();
    labelled(&mut out, BAD, "Problem", &problem.to_string());
    out
}

/// The end of the report: for a format that [`streams`], the summary and coverage; for the
/// others, everything.
pub fn end(format: Format, run: &Run<'_>) -> String {
    match format {
        Format::Text => text_end(run),
        Format::Markdown => markdown(run),
        Format::Json => json(run),
        Format::Junit => junit(run),
        Format::Github => format!("cloudspec validate --har: {}\n", summary_line(run.summary)),
    }
}

const GOOD: Style = AnsiColor::Green.on_default().bold();
const BAD: Style = AnsiColor::Red.on_default().bold();
const NOTE: Style = AnsiColor::Yellow.on_default().bold();
const DIM: Style = Style::new().dimmed();

fn style(verdict: Verdict) -> Style {
    match verdict {
        Verdict::Valid => GOOD,
        Verdict::Invalid | Verdict::Unchecked => BAD,
        Verdict::Unmatched => NOTE,
    }
}

/// `2 files, 8 entries: 5 valid, 1 invalid, 1 unchecked, 1 unmatched; 3 violations, 1 notice`.
fn summary_line(summary: &Summary) -> String {
    let mut line = format!(
        "{}, {}: {} valid, {} invalid, {} unchecked, {} unmatched; {}",
        count(summary.files, "file"),
        count(summary.entries, "entry"),
        summary.valid,
        summary.invalid,
        summary.unchecked,
        summary.unmatched,
        count(summary.violations, "violation"),
    );
    for (n, noun) in
        [(summary.notices, "notice"), (summary.problems, "problem"), (summary.unreadable, "unreadable file")]
    {
        if n > 0 {
            let _ = write!(line, ", {}", count(n, noun));
        }
    }
    line
}

/// `/log/entries/3/response/content/text:1:34`: the place in the archive, and in the body.
fn place(finding: &Finding) -> String {
    match &finding.body {
        Some(body) => format!("{}:{}:{}", finding.har, body.line, body.column),
        None => finding.har.clone(),
    }
}

/// What the entry is: `session.har#3 GET https://... -> 200: provider/service/Operation`.
fn heading(entry: &EntryReport) -> String {
    if entry.method.is_empty() {
        return format!("{}#{} at {}:{}", entry.file, entry.index, entry.line, entry.column);
    }
    let status = entry.status.map_or_else(String::new, |status| format!(" -> {status}"));
    let operation = entry.operation.as_ref().map_or_else(String::new, |operation| format!(": {operation}"));
    format!("{}{status}{operation}", entry.label())
}

/// A finding on one line, its rule in `style`.
fn finding_line(finding: &Finding, style: Style) -> String {
    let rule =
        finding.rule.as_ref().map_or_else(String::new, |rule| format!("{style} (rule #{rule}){style:#}"));
    format!("{}: {}{rule}", place(finding), finding.message)
}

fn more(entry: &EntryReport) -> Option<String> {
    (entry.more > 0).then(|| format!("and {} more", count(entry.more, "finding")))
}

/// An entry that is not valid, or valid with notices: a session of thousands of conforming
/// entries prints its summary and coverage, not a line each.
fn text_entry(entry: &EntryReport) -> String {
    let mut out = String::new();
    if entry.verdict == Verdict::Valid && entry.findings.is_empty() {
        return out;
    }
    labelled(&mut out, style(entry.verdict), entry.verdict.as_str(), &heading(entry));
    for finding in &entry.findings {
        let label = if finding.kind == Kind::Notice { "Notice" } else { "" };
        labelled(&mut out, NOTE, label, &finding_line(finding, DIM));
    }
    if let Some(more) = more(entry) {
        labelled(&mut out, DIM, "", &more);
    }
    out
}

fn text_end(run: &Run<'_>) -> String {
    let mut out = String::new();
    for (operation, line) in run.coverage.lines() {
        labelled(&mut out, DIM, "Coverage", &format!("{operation}: {line}"));
    }
    labelled(&mut out, DIM, "Summary", &summary_line(run.summary));
    out
}

fn fails(entry: &EntryReport, strict: bool) -> bool {
    match entry.verdict {
        Verdict::Valid => false,
        Verdict::Invalid | Verdict::Unchecked => true,
        Verdict::Unmatched => strict,
    }
}

fn github_entry(entry: &EntryReport, strict: bool) -> String {
    let mut out = String::new();
    for finding in &entry.findings {
        let level = match finding.kind {
            Kind::Notice => "notice",
            _ if fails(entry, strict) => "error",
            _ => "warning",
        };
        let _ = writeln!(
            out,
            "::{level} file={},line={},col={},title={}::{}",
            command_property(&entry.file),
            entry.line,
            entry.column,
            command_property(&format!("{} {}", entry.verdict.as_str(), finding.check)),
            command_data(&format!("{}: {}: {}", heading(entry), place(finding), finding.message)),
        );
    }
    out
}

fn markdown(run: &Run<'_>) -> String {
    let mut out = format!("### Captured sessions: {}\n\n", summary_line(run.summary));
    for problem in run.problems {
        let _ = writeln!(out, "- **Problem:** {}", problem.to_string().replace('|', "\\|"));
    }
    if !run.problems.is_empty() {
        out.push('\n');
    }
    out.push_str("| Entry | Verdict | Operation | Where | Finding |\n|---|---|---|---|---|\n");
    for entry in run.entries {
        let verdict = if fails(entry, run.strict) {
            format!("**{}**", entry.verdict.as_str())
        } else {
            entry.verdict.as_str().to_owned()
        };
        let operation = entry.operation.as_deref().map_or_else(String::new, cell);
        let head = cell(&heading(entry));
        if entry.findings.is_empty() {
            let _ = writeln!(out, "| {head} | {verdict} | {operation} | | |");
        }
        for finding in &entry.findings {
            let kind = if finding.kind == Kind::Notice { "notice: " } else { "" };
            let _ = writeln!(
                out,
                "| {head} | {verdict} | {operation} | {} | {kind}{} |",
                cell(&place(finding)),
                cell(&finding.message)
            );
        }
        if let Some(more) = more(entry) {
            let _ = writeln!(out, "| {head} | {verdict} | {operation} | | {more} |");
        }
    }
    out.push_str("\n#### Coverage\n\n| Operation | Status | Documented | Seen |\n|---|---|---|---|\n");
    for row in run.coverage.rows() {
        let documented = if row.documented { "yes" } else { "**no**" };
        let _ = writeln!(out, "| {} | {} | {documented} | {} |", cell(&row.operation), row.status, row.seen);
    }
    out
}

fn json(run: &Run<'_>) -> String {
    crate::formats::json(&json!({
        "summary": run.summary,
        "problems": run.problems,
        "entries": run.entries,
        "coverage": run.coverage.rows(),
    }))
}

fn junit(run: &Run<'_>) -> String {
    let failures = run.entries.iter().filter(|entry| fails(entry, run.strict)).count() + run.problems.len();
    let tests = run.entries.len() + run.problems.len();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"cloudspec validate --har\" tests=\"{tests}\" failures=\"{failures}\">"
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
        xml(&summary_line(run.summary))
    );
    for entry in run.entries {
        let _ = write!(
            out,
            "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\"",
            xml(entry.operation.as_deref().unwrap_or("unmatched")),
            xml(&heading(entry)),
            xml(&entry.file),
            entry.line,
        );
        let mut lines: Vec<String> =
            entry.findings.iter().map(|finding| finding_line(finding, Style::new())).collect();
        lines.extend(more(entry));
        let text = xml(&lines.join("\n"));
        if fails(entry, run.strict) {
            let message = entry
                .findings
                .first()
                .map_or_else(String::new, |finding| finding_line(finding, Style::new()));
            let _ = writeln!(
                out,
                ">\n      <failure type=\"{}\" message=\"{}\">{text}</failure>\n    </testcase>",
                entry.verdict.as_str(),
                xml(&message),
            );
        } else if text.is_empty() {
            out.push_str("/>\n");
        } else {
            let _ = writeln!(out, ">\n      <system-out>{text}</system-out>\n    </testcase>");
        }
    }
    for problem in run.problems {
        let line = problem.line.map_or_else(String::new, |line| format!(" line=\"{line}\""));
        let _ = writeln!(
            out,
            "    <testcase classname=\"archive\" name=\"{}\" file=\"{}\"{line}>\n      <failure type=\"problem\" message=\"{}\"/>\n    </testcase>",
            xml(&problem.file),
            xml(&problem.file),
            xml(&problem.to_string()),
        );
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
