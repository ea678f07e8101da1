//! `cargo xtask validate`: checks captured response bodies against the schema the committed
//! document declares ([`crate::published`]), with the capture validator (`cloudspec-capture`),
//! or whole captured sessions (`--har`, [`crate::traffic`]). A capture is a subject of the
//! report: each violation and each notice is handed on as it is found, at its file, line and
//! column, and the capture's verdict (Valid, Invalid, Malformed, Unchecked or Unreadable)
//! closes it; then the summary and the exit code. Handed on as it goes, so that a capture with
//! millions of violations needs no memory for them (the formats that keep the report keep a
//! bounded number). A notice (a value off an open enum's list) is counted apart and is no
//! reason to fail.

use std::io;
use std::path::PathBuf;

use cloudspec_capture::input::Source;
use cloudspec_capture::progress::Silent;
use cloudspec_capture::{Checked, Located, Noted, Outcome};
use cloudspec_findings::render::{Sink, sink};
use cloudspec_findings::{Counts, Detail, Finding, Format, Head, Level, Status, Subject, Tail, Tone};
use cloudspec_traffic::{Checker, FileProblem};

use cloudspec_schema::json::JsonFileError;
use cloudspec_schema::words::count;

use super::{Context, InCheckout, Output, exit};
use crate::published;
use crate::traffic;
use crate::workspace::Workspace;

/// What `validate` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, clap::Args)]
pub struct Options {
    /// The operation: its operationId, or provider/service/OperationId when several share it.
    #[arg(required_unless_present = "har")]
    pub operation: Option<String>,
    /// The response status the captures are bodies of.
    #[arg(long, default_value = "200")]
    pub status: String,
    /// The locale of the document to hold the captures to (en: spec/<provider>/<service>/<OperationId>.yaml).
    #[arg(long, default_value = published::DEFAULT_LOCALE)]
    pub locale: String,
    /// The captured JSON bodies; - reads standard input.
    #[arg(required_unless_present = "har", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Captured sessions (HAR 1.2; - reads standard input) in place of OPERATION and FILEs:
    /// each entry's request and response checked against the operation that serves it.
    #[arg(
        long,
        value_name = "FILE",
        num_args = 1..,
        conflicts_with_all = ["operation", "files", "status", "locale"]
    )]
    pub har: Vec<PathBuf>,
    /// With --har: an entry no operation serves fails the check (it is only listed otherwise).
    #[arg(long)]
    pub strict: bool,
    /// How to print the report.
    #[arg(long, default_value = "text", value_parser = super::format())]
    pub format: Format,
}

impl InCheckout for Options {
    fn run_in(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        if !self.har.is_empty() {
            let routes = match traffic::routes(workspace, context.endpoints) {
                Ok(routes) => routes,
                Err(error) => return output.error(error, exit::USAGE),
            };
            let mut sink = sink(self.format, output.out, output.styles);
            return sessions(self, &routes, sink.as_mut());
        }
        if self.strict {
            return output.error("--strict checks sessions: it goes with --har", exit::USAGE);
        }
        let operation = self.operation.as_deref().unwrap_or_default();
        let contract =
            match published::load(workspace, context.endpoints, operation, &self.status, &self.locale) {
                Ok(contract) => contract,
                Err(error) => return output.error(error, exit::USAGE),
            };
        let mut sink = sink(self.format, output.out, output.styles);
        sink.begin(&Head {
            context: Some(("Contract".into(), contract.describe())),
            ..Head::new("cloudspec validate", "Captures")
        })?;
        let mut tally = Tally::default();
        for file in &self.files {
            let source = Source::from_arg(file.clone());
            let name = source.path().display().to_string();
            sink.open(&Subject::new(&name))?;
            // The walk cannot be stopped: after a failed write, the rest is only counted.
            let mut written = Ok(());
            let checked = cloudspec_capture::check(&contract.plan, source, output.progress, &mut |found| {
                if written.is_ok() {
                    written = sink.finding(&finding(&name, &found));
                }
            });
            written?;
            sink.close(&tally.verdict(&name, &checked))?;
        }
        sink.end(&tally.tail())?;
        Ok(tally.exit_code())
    }
}

/// `validate --har`: each archive read entry by entry, each entry handed to `sink` as soon as
/// it is checked, the problems of each archive after its entries; the summary, coverage and
/// exit code at the end.
fn sessions(
    options: &Options,
    routes: &cloudspec_traffic::routes::Routes,
    sink: &mut dyn Sink,
) -> io::Result<u8> {
    sink.begin(&Head::new("cloudspec validate --har", "Captured sessions"))?;
    // A session of thousands of conforming entries is read, in a terminal or a log, as its
    // summary and coverage: text and annotations print no line for an entry with nothing to say.
    let quiet = options.format.streams();
    let mut checker = Checker::new(routes);
    for file in &options.har {
        let source = Source::from_arg(file.clone());
        let name = source.path().display().to_string();
        let mut written = Ok(());
        let problems = match cloudspec_capture::input::open(&source, &mut Silent) {
            Ok(mut reader) => checker.check(&name, &mut reader, &mut |entry| {
                if written.is_err()
                    || (quiet
                        && entry.verdict == cloudspec_traffic::finding::Verdict::Valid
                        && entry.findings.is_empty())
                {
                    return;
                }
                let findings: Vec<Finding> = entry
                    .findings
                    .iter()
                    .map(|found| traffic::finding(entry, found, options.strict))
                    .collect();
                written = sink.subject(&traffic::subject(entry, options.strict), &findings);
            }),
            Err(error) => {
                checker.unreadable();
                let message = match error {
                    JsonFileError::Read { source, .. } => format!("cannot read: {source}"),
                    error => error.to_string(),
                };
                vec![FileProblem { file: name.clone(), line: None, column: None, message }]
            }
        };
        written?;
        if !problems.is_empty() {
            let findings: Vec<Finding> = problems.iter().map(traffic::problem).collect();
            sink.subject(&Subject::new(&name), &findings)?;
        }
    }
    sink.end(&traffic::tail(&checker.summary, &checker.coverage))?;
    Ok(if checker.summary.unreadable > 0 {
        exit::USAGE
    } else if checker.summary.fails(options.strict) {
        exit::INVALID
    } else {
        exit::OK
    })
}

/// One finding in the capture `name`: a violation, or a value an open enum does not list
/// (accepted, and told); each with the rule of the document it is held to.
fn finding(name: &str, found: &cloudspec_capture::Finding) -> Finding {
    let (finding, rule) = match found {
        cloudspec_capture::Finding::Violation(Located { violation, line, column }) => (
            Finding::new("", Level::Error, "", name, violation.summary()).line(Some(*line), Some(*column)),
            violation.rule.clone(),
        ),
        cloudspec_capture::Finding::Notice(Noted { notice, line, column }) => (
            Finding::new("", Level::Notice, "Notice", name, notice.summary())
                .line(Some(*line), Some(*column)),
            notice.rule.clone(),
        ),
    };
    if rule.is_empty() { finding } else { finding.detail(Detail::new("rule", "rule ", format!("#{rule}"))) }
}

/// The captures checked so far, for the verdict of each and the summary.
#[derive(Debug, Default)]
struct Tally {
    files: usize,
    valid: usize,
    invalid: usize,
    unreadable: usize,
    violations: usize,
    notices: usize,
}

impl Tally {
    /// The capture `name`, with its verdict, after its findings.
    fn verdict(&mut self, name: &str, checked: &Checked) -> Subject {
        self.files += 1;
        self.violations += checked.violations;
        self.notices += checked.notices;
        let found = found(checked.violations, checked.notices);
        let after = if found.is_empty() { String::new() } else { format!(" (after {found})") };
        // An error names the capture first, as the line does already.
        let error = |error: String| match error.strip_prefix(name) {
            Some(rest) => format!("{rest}{after}"),
            None => format!(": {error}{after}"),
        };
        let (label, tone, detail) = match &checked.outcome {
            Outcome::Valid => {
                self.valid += 1;
                let noticed = if checked.notices == 0 { String::new() } else { format!(": {found}") };
                ("Valid", Tone::Good, noticed)
            }
            Outcome::Invalid => {
                self.invalid += 1;
                ("Invalid", Tone::Bad, format!(": {found}"))
            }
            Outcome::Malformed(failure) => {
                self.invalid += 1;
                ("Malformed", Tone::Bad, error(failure.to_string()))
            }
            Outcome::TooLarge(failure) => {
                self.invalid += 1;
                ("Unchecked", Tone::Bad, error(failure.to_string()))
            }
            Outcome::Unreadable(failure) => {
                self.unreadable += 1;
                ("Unreadable", Tone::Bad, error(failure.to_string()))
            }
        };
        let fails = !matches!(checked.outcome, Outcome::Valid);
        Subject::new(name).status(Status::new(label, tone, fails).detail(detail))
    }

    /// The summary line and the counts.
    fn tail(&self) -> Tail {
        let counts = Counts::new().head("files", self.files).noun("file", "files").part("valid", self.valid);
        let counts = counts.part("invalid", self.invalid).part("unreadable", self.unreadable);
        let counts = counts.head("violations", self.violations).noun("violation", "violations");
        Tail {
            counts: counts.head("notices", self.notices).noun("notice", "notices").unless_zero(),
            ..Tail::default()
        }
    }

    /// 0 when every capture conforms (notices or not), 1 when one does not (or is not JSON,
    /// or could not be checked), 2 when one cannot be read.
    fn exit_code(&self) -> u8 {
        if self.unreadable > 0 {
            exit::USAGE
        } else if self.invalid > 0 {
            exit::INVALID
        } else {
            exit::OK
        }
    }
}

/// `2 violations`, `1 violation, 1 notice`, `1 notice`; empty when nothing was found.
fn found(violations: usize, notices: usize) -> String {
    match (violations, notices) {
        (0, 0) => String::new(),
        (_, 0) => count(violations, "violation"),
        (0, _) => count(notices, "notice"),
        _ => format!("{}, {}", count(violations, "violation"), count(notices, "notice")),
    }
}
