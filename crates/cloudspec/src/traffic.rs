//! What `validate --har` reports (the check is `cloudspec_traffic`'s), in the findings core's
//! shape: a [`Subject`] an entry with its verdict and findings, a finding a problem of an
//! archive, the coverage a [`Table`], for the core to print in any format. The strings come
//! from `cloudspec_traffic` with their secrets redacted.

use std::borrow::Cow;

use cloudspec_findings::{Counts, Detail, Finding, Level, Status, Subject, Table, Tail, Tone};

use cloudspec_traffic::coverage::Coverage;
use cloudspec_traffic::finding::{self, EntryReport, Kind, Verdict};
use cloudspec_traffic::routes::Routes;
use cloudspec_traffic::{FileProblem, Summary};

use cloudspec_endpoint::Endpoint;

use crate::paths;
use crate::published::{self, PublishedError};
use crate::workspace::Workspace;

/// The operations of every endpoint's English document under `spec/`.
pub fn routes(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Result<Routes, PublishedError> {
    let documents = endpoints
        .iter()
        .map(|endpoint| {
            let document = paths::localized_document(endpoint, paths::SOURCE_LOCALE);
            let schemas = published::read_document(workspace, &document)?;
            Ok((endpoint.key(), document.into(), schemas))
        })
        .collect::<Result<Vec<_>, PublishedError>>()?;
    Routes::new(documents).map_err(|(path, source)| PublishedError::Schema { path, source })
}

/// Whether the entry fails the run: an unmatched one only when `strict`.
fn fails(verdict: Verdict, strict: bool) -> bool {
    match verdict {
        Verdict::Valid => false,
        Verdict::Invalid | Verdict::Unchecked => true,
        Verdict::Unmatched => strict,
    }
}

/// The entry as a subject: what it is, and its verdict.
pub fn subject(entry: &EntryReport, strict: bool) -> Subject {
    let tone = match entry.verdict {
        Verdict::Valid => Tone::Good,
        Verdict::Invalid | Verdict::Unchecked => Tone::Bad,
        Verdict::Unmatched => Tone::Warn,
    };
    let status = Status::new(entry.verdict.as_str(), tone, fails(entry.verdict, strict));
    // JSON keeps what the entry is, field by field; its findings are the subject's.
    let mut fields = serde_json::to_value(entry).unwrap_or_default();
    if let Some(fields) = fields.as_object_mut() {
        fields.remove("findings");
        fields.remove("more");
    }
    let data = [("entry".to_owned(), fields)].into_iter().collect();
    Subject { more: entry.more, data, ..Subject::new(heading(entry)).status(status) }
}

/// One finding of the entry: the check that found it as its rule, at the entry in the archive
/// and the JSON pointer of what was checked; the place in a body and the rule of the document
/// it breaks with the message.
pub fn finding(entry: &EntryReport, found: &finding::Finding, strict: bool) -> Finding {
    let (level, label) = match found.kind {
        Kind::Notice => (Level::Notice, "Notice"),
        _ if fails(entry.verdict, strict) => (Level::Error, ""),
        _ => (Level::Warning, ""),
    };
    let message = match &found.body {
        Some(body) => format!("body {}:{}: {}", body.line, body.column, found.message),
        None => found.message.clone(),
    };
    let finding = Finding::new(found.check, level, label, &entry.file, message)
        .at(&found.har)
        .line(Some(entry.line), Some(entry.column));
    match &found.rule {
        Some(rule) => finding.detail(Detail::new("rule", "rule ", format!("#{rule}"))),
        None => finding,
    }
}

/// A problem of an archive as a whole: it fails the run.
pub fn problem(problem: &FileProblem) -> Finding {
    Finding::new("", Level::Error, "Problem", &problem.file, &problem.message)
        .line(problem.line, problem.column)
}

/// The summary, the counts and the coverage.
pub fn tail(summary: &Summary, coverage: &Coverage) -> Tail {
    let rows = coverage.rows();
    let table = Table {
        name: Cow::Borrowed("coverage"),
        title: Cow::Borrowed("Coverage"),
        columns: ["Operation", "Status", "Documented", "Seen"].map(Cow::Borrowed).to_vec(),
        rows: rows
            .iter()
            .map(|row| {
                let documented = if row.documented { "yes" } else { "no" };
                vec![row.operation.clone(), row.status.clone(), documented.to_owned(), row.seen.to_string()]
            })
            .collect(),
        text: coverage
            .lines()
            .into_iter()
            .map(|(operation, line)| (Cow::Borrowed("Coverage"), format!("{operation}: {line}")))
            .collect(),
    };
    Tail {
        counts: counts(summary),
        tables: vec![table],
        // JSON's coverage keeps its types: `documented` a boolean, `seen` a number.
        data: [("coverage".to_owned(), serde_json::to_value(&rows).unwrap_or_default())]
            .into_iter()
            .collect(),
        ..Tail::default()
    }
}

/// `2 files, 8 entries: 5 valid, 1 invalid, 1 unchecked, 1 unmatched; 3 violations, 1 notice`.
fn counts(summary: &Summary) -> Counts {
    Counts::new()
        .head("files", summary.files)
        .noun("file", "files")
        .head("entries", summary.entries)
        .noun("entry", "entries")
        .part("valid", summary.valid)
        .part("invalid", summary.invalid)
        .part("unchecked", summary.unchecked)
        .part("unmatched", summary.unmatched)
        .head("violations", summary.violations)
        .noun("violation", "violations")
        .head("notices", summary.notices)
        .noun("notice", "notices")
        .unless_zero()
        .head("problems", summary.problems)
        .noun("problem", "problems")
        .unless_zero()
        .head("unreadable", summary.unreadable)
        .noun("unreadable file", "unreadable files")
        .unless_zero()
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
