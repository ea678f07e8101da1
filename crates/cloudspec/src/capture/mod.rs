//! Captured response bodies checked against the contract a published document declares:
//! find the document and the schema ([`contract`]), read the capture ([`input`]), validate it
//! while parsing ([`stream`]), place each violation at its line and column, and report.

pub mod contract;
pub mod input;
pub mod progress;
pub mod report;
pub mod stream;

use crate::capture::contract::Contract;
use crate::capture::input::Source;
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

/// One capture and what checking it found.
#[derive(Debug)]
pub struct Checked {
    pub source: Source,
    pub outcome: Outcome,
}

/// Checks the capture `source` against `contract`.
pub fn check(contract: &Contract, source: Source, progress: &mut dyn Progress) -> Checked {
    let outcome = outcome(contract, &source, progress);
    progress.end();
    Checked { source, outcome }
}

fn outcome(contract: &Contract, source: &Source, progress: &mut dyn Progress) -> Outcome {
    let bytes = match input::read(source, progress) {
        Ok(bytes) => bytes,
        Err(error) => return Outcome::Unreadable(error),
    };
    let path = source.path();
    let text = match json::text(path, &bytes) {
        Ok(text) => text,
        Err(error) => return Outcome::Malformed(error),
    };
    let mut report = |offset: usize| progress.update(Phase::Validating, offset as u64);
    match validate_text(contract, text, &mut report) {
        Ok(located) if located.is_empty() => Outcome::Valid,
        Ok(located) => Outcome::Invalid(located),
        Err(error) => Outcome::Malformed(json::syntax(path, &error)),
    }
}

/// Every violation of the JSON `text` against `contract`, placed; `progress` hears the byte
/// offset reached now and then. The error is the parser's.
pub fn validate_text(
    contract: &Contract,
    text: &str,
    progress: &mut dyn FnMut(usize),
) -> Result<Vec<Located>, serde_json::Error> {
    let violations = contract.plan.violations(text, progress)?;
    Ok(if violations.is_empty() { Vec::new() } else { locate(text, violations) })
}

/// Places each violation at the line and column where its value starts, in file order.
pub fn locate(text: &str, violations: Vec<Violation>) -> Vec<Located> {
    let mut pointers: Vec<&str> = violations.iter().map(|violation| violation.pointer.as_str()).collect();
    pointers.dedup();
    let offsets = json::locate(text, &pointers);
    let mut placed: Vec<(usize, Violation)> = violations
        .into_iter()
        .map(|violation| (offsets.get(&violation.pointer).copied().unwrap_or(0), violation))
        .collect();
    placed.sort_by_key(|(offset, _)| *offset);
    let mut lines = Lines::default();
    placed
        .into_iter()
        .map(|(offset, violation)| {
            let (line, column) = lines.at(text.as_bytes(), offset);
            Located { violation, line, column }
        })
        .collect()
}
