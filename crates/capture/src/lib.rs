//! Captured response bodies checked against the schema a published document declares
//! (compiled and split into a [`Plan`]): open the capture as a stream ([`input`]),
//! and read it ([`reader`]) while walking it against the schema split for that ([`stream`],
//! [`walk`]), handing on each violation, and each value off an open enum's list ([`known`]),
//! placed at its line and column, as it is found. Memory stays bounded whatever the capture's
//! size ([`walk::HELD`]).

pub mod har;
pub mod input;
pub mod known;
mod names;
pub mod progress;
pub mod reader;
pub mod stream;
pub mod walk;

use std::path::{Path, PathBuf};

use crate::input::Source;
use crate::known::Notice;
use crate::progress::Progress;
use cloudspec_schema::json::JsonFileError;
use cloudspec_schema::pointer;
use cloudspec_schema::validate::Violation;

pub use crate::stream::Plan;
use crate::walk::{Counts, Failure, Stop};

/// A violation and where its value starts in the capture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub violation: Violation,
    pub line: usize,
    pub column: usize,
}

/// A value off an open enum's list ([`known`]) and where it starts in the capture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Noted {
    pub notice: Notice,
    pub line: usize,
    pub column: usize,
}

/// What the walk hands on as it reads: a violation, or a notice of a value the schema accepts
/// but no page documents, which is no reason to fail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    Violation(Located),
    Notice(Noted),
}

/// Every finding of a check, kept: for tests and callers that expect few.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Findings {
    pub violations: Vec<Located>,
    pub notices: Vec<Noted>,
}

impl Findings {
    /// Keeps `finding` with the others of its kind.
    pub fn push(&mut self, finding: Finding) {
        match finding {
            Finding::Violation(located) => self.violations.push(located),
            Finding::Notice(noted) => self.notices.push(noted),
        }
    }
}

/// What checking one capture found.
#[derive(Debug)]
pub enum Outcome {
    /// The capture conforms.
    Valid,
    /// The capture breaks the schema (or repeats a member name): the violations were handed
    /// on as they were found.
    Invalid,
    /// The capture is not JSON text: empty, a byte-order mark, not UTF-8, a syntax error, too
    /// deeply nested, or a number out of range. Nothing after the first bad byte was read.
    Malformed(JsonFileError),
    /// A value that must be held to be checked is larger than validate holds.
    TooLarge(TooLarge),
    /// The capture could not be read.
    Unreadable(JsonFileError),
}

/// A value too large to check in bounded memory, and where it starts.
#[derive(Debug, thiserror::Error)]
#[error(
    "{}:{line}:{column}: {}: {what} is larger than {} MiB, the most validate holds of a capture at \
    once; the capture was checked up to here",
    path.display(), pointer::display(pointer), walk::HELD >> 20
)]
pub struct TooLarge {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub pointer: String,
    pub what: String,
}

/// One capture, how many violations and notices it has, and what checking it found.
#[derive(Debug)]
pub struct Checked {
    pub source: Source,
    /// The violations handed on, also when the capture turned out malformed after them.
    pub violations: usize,
    /// The notices handed on: values off an open enum's list, valid or not the capture.
    pub notices: usize,
    pub outcome: Outcome,
}

/// Checks the capture `source` against `plan` while reading it; each violation and each
/// notice goes to `sink` as soon as it is found.
pub fn check(
    plan: &Plan,
    source: Source,
    progress: &mut dyn Progress,
    sink: &mut dyn FnMut(Finding),
) -> Checked {
    let (counts, outcome) = match input::open(&source, progress) {
        Ok(stream) => judge(source.path(), plan.check(stream, sink, &mut |done| progress.update(done))),
        Err(error) => (Counts::default(), Outcome::Unreadable(error)),
    };
    progress.end();
    Checked { source, violations: counts.violations, notices: counts.notices, outcome }
}

/// [`check`], keeping every finding: for tests and callers that expect few.
pub fn check_all(plan: &Plan, source: Source, progress: &mut dyn Progress) -> (Checked, Findings) {
    let mut findings = Findings::default();
    let checked = check(plan, source, progress, &mut |finding| findings.push(finding));
    (checked, findings)
}

/// Every violation and notice of the JSON `text` against `plan`, in the order found; the
/// outcome when the text is not a conforming or non-conforming JSON body.
pub fn validate_text(plan: &Plan, text: &str, progress: &mut dyn FnMut(u64)) -> Result<Findings, Outcome> {
    let mut findings = Findings::default();
    match check_body(
        plan,
        text.as_bytes(),
        Path::new("<text>"),
        &mut |finding| findings.push(finding),
        progress,
    ) {
        Outcome::Valid | Outcome::Invalid => Ok(findings),
        outcome => Err(outcome),
    }
}

/// Checks a body already in memory (a HAR entry's, named `name` in messages) against `plan`;
/// each violation and notice goes to `sink` as it is found.
pub fn check_body(
    plan: &Plan,
    body: &[u8],
    name: &Path,
    sink: &mut dyn FnMut(Finding),
    progress: &mut dyn FnMut(u64),
) -> Outcome {
    judge(name, plan.check_slice(body, sink, progress)).1
}

/// The outcome of a walk, and what it handed on. Notices alone leave a capture valid.
pub(crate) fn judge(path: &Path, result: Result<Counts, Failure>) -> (Counts, Outcome) {
    use crate::reader::Error;
    let Failure { stop, pointer, counts } = match result {
        Ok(counts) if counts.violations == 0 => return (counts, Outcome::Valid),
        Ok(counts) => return (counts, Outcome::Invalid),
        Err(failure) => failure,
    };
    let path = path.to_owned();
    let too_large = |path, at: reader::Position, what| {
        Outcome::TooLarge(TooLarge { path, line: at.line, column: at.column, pointer, what })
    };
    let stop = match stop {
        Stop::Reader(error) => Ok(*error),
        Stop::TooLarge { at, what } => Err((at, what)),
    };
    let outcome = match stop {
        Ok(Error::Io(source)) => Outcome::Unreadable(JsonFileError::Read { path, source }),
        Ok(Error::Syntax { at, message }) => {
            Outcome::Malformed(JsonFileError::Syntax { path, line: at.line, column: at.column, message })
        }
        Ok(Error::NotUtf8 { at, byte }) => {
            Outcome::Malformed(JsonFileError::NotUtf8 { path, line: at.line, column: at.column, byte })
        }
        Ok(Error::Empty) => Outcome::Malformed(JsonFileError::Empty { path }),
        Ok(Error::ByteOrderMark) => Outcome::Malformed(JsonFileError::ByteOrderMark { path }),
        Ok(Error::TooLong { at, what, .. }) => too_large(path, at, format!("a {what}")),
        Err((at, what)) => too_large(path, at, what),
    };
    (counts, outcome)
}
