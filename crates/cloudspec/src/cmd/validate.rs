//! `cargo xtask validate`: checks captured response bodies against the schema the committed
//! document declares ([`crate::contract`]), with the capture validator (`cloudspec-capture`).
//! What it prints: each violation and each notice as it is found, at its file, line and
//! column; then each capture's verdict (Valid, Invalid, Malformed, Unchecked or Unreadable), a
//! summary, and the exit code. Handed on as it goes, so that a capture with millions of
//! violations needs no memory for them. A notice (a value off an open enum's list) is counted
//! apart and is no reason to fail.

use std::fmt::Write as _;
use std::path::PathBuf;

use anstyle::{AnsiColor, Style};
use cloudspec_capture::input::Source;
use cloudspec_capture::progress::{Progress, Silent};
use cloudspec_capture::{Checked, Finding, Located, Noted, Outcome};

use crate::contract::{self, Contract};
use crate::endpoint::Endpoint;
use crate::formats::Format;
use crate::json::JsonFileError;
use crate::report::{Report, exit, labelled};
use crate::traffic;
use crate::words::count;
use crate::workspace::Workspace;
use cloudspec_traffic::{Checker, FileProblem};

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
    #[arg(long, default_value = contract::DEFAULT_LOCALE)]
    pub locale: String,
    /// The captured JSON bodies; - reads standard input.
    #[arg(required_unless_present = "har", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Captured sessions (HAR 1.2; - reads standard input) in place of OPERATION and FILEs:
    /// each entry's request and response checked against the operation that serves it.
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with_all = ["operation", "files", "status", "locale"])]
    pub har: Vec<PathBuf>,
    /// With --har: an entry no operation serves fails the check (it is only listed otherwise).
    #[arg(long)]
    pub strict: bool,
    /// With --har: how to print the report.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Checks each capture in turn; what to print goes to `out` as it is found (the contract,
/// each finding, each verdict, flushed after each capture), and the report holds the summary
/// and the exit code.
pub fn run(
    workspace: &Workspace,
    endpoints: &[&'static Endpoint],
    options: &Options,
    progress: &mut dyn Progress,
    out: &mut dyn std::io::Write,
) -> Report {
    if !options.har.is_empty() {
        return sessions(workspace, endpoints, options, out);
    }
    if options.strict || options.format != Format::Text {
        return Report::error("--strict and --format check sessions: they go with --har", exit::USAGE);
    }
    let operation = options.operation.as_deref().unwrap_or_default();
    let contract = match contract::load(workspace, endpoints, operation, &options.status, &options.locale) {
        Ok(contract) => contract,
        Err(error) => return Report::error(error, exit::USAGE),
    };
    let _ = out.write_all(self::contract(&contract).as_bytes());
    let mut tally = Tally::default();
    for file in &options.files {
        let source = Source::from_arg(file.clone());
        let name = source.path().display().to_string();
        let checked = cloudspec_capture::check(&contract.plan, source, progress, &mut |finding| {
            let _ = out.write_all(self::finding(&name, &finding).as_bytes());
        });
        let _ = out.write_all(tally.verdict(&checked).as_bytes());
        let _ = out.flush();
    }
    tally.summary()
}

/// `validate --har`: each archive read entry by entry, each entry checked and, in a format
/// that streams, printed as soon as it is; the summary, coverage and exit code at the end.
fn sessions(
    workspace: &Workspace,
    endpoints: &[&'static Endpoint],
    options: &Options,
    out: &mut dyn std::io::Write,
) -> Report {
    let routes = match traffic::routes(workspace, endpoints) {
        Ok(routes) => routes,
        Err(error) => return Report::error(error, exit::USAGE),
    };
    let format = options.format;
    let streams = traffic::streams(format);
    let mut checker = Checker::new(&routes);
    let (mut entries, mut problems) = (Vec::new(), Vec::new());
    for file in &options.har {
        let source = Source::from_arg(file.clone());
        let name = source.path().display().to_string();
        let found = match cloudspec_capture::input::open(&source, &mut Silent) {
            Ok(mut reader) => checker.check(&name, &mut reader, &mut |entry| {
                if streams {
                    let _ = out.write_all(traffic::entry(format, entry, options.strict).as_bytes());
                } else {
                    entries.push(entry.clone());
                }
            }),
            Err(error) => {
                checker.unreadable();
                let message = match error {
                    JsonFileError::Read { source, .. } => format!("cannot read: {source}"),
                    error => error.to_string(),
                };
                vec![FileProblem { file: name, line: None, column: None, message }]
            }
        };
        for problem in found {
            if streams {
                let _ = out.write_all(traffic::problem(format, &problem).as_bytes());
            }
            problems.push(problem);
        }
        let _ = out.flush();
    }
    let run = traffic::Run {
        entries: &entries,
        problems: &problems,
        summary: &checker.summary,
        coverage: &checker.coverage,
        strict: options.strict,
    };
    let exit_code = if checker.summary.unreadable > 0 {
        exit::USAGE
    } else if checker.summary.fails(options.strict) {
        exit::INVALID
    } else {
        exit::OK
    };
    Report::new(traffic::end(format, &run), exit_code)
}

const GOOD: Style = AnsiColor::Green.on_default().bold();
const BAD: Style = AnsiColor::Red.on_default().bold();
const NOTE: Style = AnsiColor::Yellow.on_default().bold();
const DIM: Style = Style::new().dimmed();

/// The first line: what the captures are held to.
fn contract(contract: &Contract) -> String {
    let mut out = String::new();
    labelled(&mut out, DIM, "Contract", &contract.describe());
    out
}

/// One finding in the capture `name`, violation or notice.
fn finding(name: &str, finding: &Finding) -> String {
    match finding {
        Finding::Violation(item) => violation(name, item),
        Finding::Notice(item) => notice(name, item),
    }
}

/// One violation of the capture `name`.
fn violation(name: &str, item: &Located) -> String {
    let violation = &item.violation;
    let rule = if violation.rule.is_empty() { String::new() } else { format!(" (rule #{})", violation.rule) };
    format!("{:>12} {name}:{}:{}: {}{DIM}{rule}{DIM:#}\n", "", item.line, item.column, violation.summary())
}

/// One value of the capture `name` that an open enum does not list: accepted, and told.
fn notice(name: &str, item: &Noted) -> String {
    let notice = &item.notice;
    let mut out = String::new();
    labelled(
        &mut out,
        NOTE,
        "Notice",
        &format!(
            "{name}:{}:{}: {}{DIM} (rule #{}){DIM:#}",
            item.line,
            item.column,
            notice.summary(),
            notice.rule
        ),
    );
    out
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
    /// The verdict on one capture, after its violations.
    fn verdict(&mut self, checked: &Checked) -> String {
        let mut out = String::new();
        let name = checked.source.path().display().to_string();
        self.files += 1;
        self.violations += checked.violations;
        self.notices += checked.notices;
        let noticed = if checked.notices == 0 {
            String::new()
        } else {
            format!(": {}", count(checked.notices, "notice"))
        };
        let found = found(checked.violations, checked.notices);
        let after = if found.is_empty() { String::new() } else { format!(" (after {found})") };
        match &checked.outcome {
            Outcome::Valid => {
                self.valid += 1;
                labelled(&mut out, GOOD, "Valid", &format!("{name}{noticed}"));
            }
            Outcome::Invalid => {
                self.invalid += 1;
                labelled(&mut out, BAD, "Invalid", &format!("{name}: {found}"));
            }
            Outcome::Malformed(error) => {
                self.invalid += 1;
                labelled(&mut out, BAD, "Malformed", &format!("{error}{after}"));
            }
            Outcome::TooLarge(error) => {
                self.invalid += 1;
                labelled(&mut out, BAD, "Unchecked", &format!("{error}{after}"));
            }
            Outcome::Unreadable(error) => {
                self.unreadable += 1;
                labelled(&mut out, BAD, "Unreadable", &format!("{error}{after}"));
            }
        }
        out
    }

    /// The summary line, and the exit code: 0 when every capture conforms (notices or not),
    /// 1 when one does not (or is not JSON, or could not be checked), 2 when one cannot be
    /// read.
    fn summary(&self) -> Report {
        let mut text = String::new();
        let notices =
            if self.notices == 0 { String::new() } else { format!(", {}", count(self.notices, "notice")) };
        let _ = writeln!(
            text,
            "{DIM}{:>12}{DIM:#} {}: {} valid, {} invalid, {} unreadable; {}{notices}",
            "Summary",
            count(self.files, "file"),
            self.valid,
            self.invalid,
            self.unreadable,
            count(self.violations, "violation"),
        );
        let exit_code = if self.unreadable > 0 {
            exit::USAGE
        } else if self.invalid > 0 {
            exit::INVALID
        } else {
            exit::OK
        };
        Report::new(text, exit_code)
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
