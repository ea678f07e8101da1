//! The findings of `lint` and of the editorial rules as the findings core reports them: a
//! subject a document, its findings in the order found. `lint` reports them alone; `check`
//! after its files.

use std::io::{self, Write};

use cloudspec_findings::render::{self, Sink};
use cloudspec_findings::{Counts, Format, Head, Level, Status, Styles, Subject, Tail, Tone};

use super::Finding;
use crate::exit;

/// The finding as the core reports it: labelled with its level (`error`, `warning`), at its
/// document and the pointer shown as people read it.
pub fn finding(finding: &Finding) -> cloudspec_findings::Finding {
    let rule = finding.rule;
    cloudspec_findings::Finding::new(
        rule.id,
        rule.level,
        rule.level.as_str(),
        &finding.document,
        &finding.message,
    )
    .at(cloudspec_schema::pointer::display(&finding.pointer))
}

/// How many errors and warnings were reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Levels {
    pub errors: usize,
    pub warnings: usize,
}

/// Writes `findings` to `sink`, a subject a document in the order the documents first come.
pub fn subjects(sink: &mut dyn Sink, findings: &[Finding]) -> io::Result<Levels> {
    let mut documents: Vec<&str> = Vec::new();
    for finding in findings {
        if !documents.contains(&finding.document.as_str()) {
            documents.push(&finding.document);
        }
    }
    for document in documents {
        let found: Vec<_> =
            findings.iter().filter(|finding| finding.document == document).map(self::finding).collect();
        sink.subject(&Subject::new(document), &found)?;
    }
    let count = |level| findings.iter().filter(|finding| finding.rule.level == level).count();
    Ok(Levels { errors: count(Level::Error), warnings: count(Level::Warning) })
}

/// The report of `lint` over `documents` documents, those that could not be built first (a
/// path and the error each): exit 1 if one could not be built or a finding is an error.
pub fn lint(
    out: &mut dyn Write,
    format: Format,
    styles: Styles,
    documents: usize,
    failures: &[(String, String)],
    findings: &[Finding],
) -> io::Result<u8> {
    let mut sink = render::sink(format, out, styles);
    sink.begin(&Head::new("cloudspec lint", "Lint"))?;
    for (path, error) in failures {
        let subject = Subject {
            notes: vec![format!("cannot build the document: {error}")],
            ..Subject::new(path).status(Status::new("Failure", Tone::Bad, true))
        };
        sink.subject(&subject, &[])?;
    }
    let Levels { errors, warnings } = subjects(sink.as_mut(), findings)?;
    let counts = Counts::new().head("documents", documents).part("failed", failures.len()).unsaid();
    let counts = counts.part("errors", errors).part("warnings", warnings);
    sink.end(&Tail { counts, ..Tail::default() })?;
    Ok(if errors > 0 || !failures.is_empty() { exit::INVALID } else { exit::OK })
}
