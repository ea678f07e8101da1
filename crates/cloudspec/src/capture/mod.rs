//! Captured response bodies checked against the contract a published document declares:
//! find the document and the schema ([`contract`]), read the capture ([`input`]), validate it
//! while parsing ([`stream`]), place each violation at its line and column, and report.

pub mod contract;
pub mod input;
pub mod known;
pub mod progress;
pub mod report;
pub mod stream;

use crate::capture::contract::Contract;
use crate::capture::input::Source;
use crate::capture::known::Notice;
use crate::capture::progress::{Phase, Progress};
use crate::json::{self, JsonFileError, Lines};
use crate::validate::Violation;

/// A violation and where its value starts in the capture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub violation: Violation,
    pub line: usize,
    pub column: usize,
}

/// What checking one capture found.
#[derive(Debug)]
pub enum Outcome {
    /// The capture conforms.
    Valid,
    /// The capture breaks the schema: every violation, in the order of the file.
    Invalid(Vec<Located>),
    /// The capture is not JSON text: empty, a byte-order mark, not UTF-8, a syntax error, too
    /// deeply nested, or a number out of range.
    Malformed(JsonFileError),
    /// The capture could not be read.
    Unreadable(JsonFileError),
}

/// A value off an open enum's list ([`known`]) and where it starts in the capture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Noted {
    pub notice: Notice,
    pub line: usize,
    pub column: usize,
}

/// One capture and what checking it found.
#[derive(Debug)]
pub struct Checked {
    pub source: Source,
    pub outcome: Outcome,
    /// Values the contract accepts but does not document, valid or not the capture.
    pub notices: Vec<Noted>,
}

/// Checks the capture `source` against `contract`.
pub fn check(contract: &Contract, source: Source, progress: &mut dyn Progress) -> Checked {
    let (outcome, notices) = outcome(contract, &source, progress);
    progress.end();
    Checked { source, outcome, notices }
}

fn outcome(contract: &Contract, source: &Source, progress: &mut dyn Progress) -> (Outcome, Vec<Noted>) {
    let bytes = match input::read(source, progress) {
        Ok(bytes) => bytes,
        Err(error) => return (Outcome::Unreadable(error), Vec::new()),
    };
    let path = source.path();
    let text = match json::text(path, &bytes) {
        Ok(text) => text,
        Err(error) => return (Outcome::Malformed(error), Vec::new()),
    };
    let mut report = |offset: usize| progress.update(Phase::Validating, offset as u64);
    match check_text(contract, text, &mut report) {
        Ok((located, notices)) if located.is_empty() => (Outcome::Valid, notices),
        Ok((located, notices)) => (Outcome::Invalid(located), notices),
        Err(error) => (Outcome::Malformed(json::syntax(path, &error)), Vec::new()),
    }
}

/// Every violation of the JSON `text` against `contract`, placed; `progress` hears the byte
/// offset reached now and then. The error is the parser's.
pub fn validate_text(
    contract: &Contract,
    text: &str,
    progress: &mut dyn FnMut(usize),
) -> Result<Vec<Located>, serde_json::Error> {
    check_text(contract, text, progress).map(|(located, _)| located)
}

/// [`validate_text`], and every value off an open enum's list, placed.
pub fn check_text(
    contract: &Contract,
    text: &str,
    progress: &mut dyn FnMut(usize),
) -> Result<(Vec<Located>, Vec<Noted>), serde_json::Error> {
    let (violations, notices) = contract.plan.findings(text, progress)?;
    let located = locate(text, violations);
    let noted = place(text, notices, |notice| &notice.pointer)
        .into_iter()
        .map(|(notice, line, column)| Noted { notice, line, column })
        .collect();
    Ok((located, noted))
}

/// Places each violation at the line and column where its value starts, in file order.
pub fn locate(text: &str, violations: Vec<Violation>) -> Vec<Located> {
    place(text, violations, |violation| &violation.pointer)
        .into_iter()
        .map(|(violation, line, column)| Located { violation, line, column })
        .collect()
}

/// Each item with the line and column where the value at its pointer starts, in file order.
fn place<T>(text: &str, items: Vec<T>, pointer: fn(&T) -> &str) -> Vec<(T, usize, usize)> {
    if items.is_empty() {
        return Vec::new();
    }
    let mut pointers: Vec<&str> = items.iter().map(pointer).collect();
    pointers.dedup();
    let offsets = json::locate(text, &pointers);
    let mut placed: Vec<(usize, T)> =
        items.into_iter().map(|item| (offsets.get(pointer(&item)).copied().unwrap_or(0), item)).collect();
    placed.sort_by_key(|(offset, _)| *offset);
    let mut lines = Lines::default();
    placed
        .into_iter()
        .map(|(offset, item)| {
            let (line, column) = lines.at(text.as_bytes(), offset);
            (item, line, column)
        })
        .collect()
}
