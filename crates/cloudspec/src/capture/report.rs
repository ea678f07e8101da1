//! What `validate` prints: each violation as it is found, at its file, line and column; then
//! each capture's verdict (Valid, Invalid, Malformed, Unchecked or Unreadable), a summary,
//! and the exit code. Printed as it goes, so that a capture with millions of violations
//! needs no memory for them.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use crate::capture::contract::Contract;
use crate::capture::{Checked, Located, Outcome};
use crate::pointer;
use crate::report::{Report, exit, labelled};
use crate::validate::count;

const GOOD: Style = AnsiColor::Green.on_default().bold();
const BAD: Style = AnsiColor::Red.on_default().bold();
const DIM: Style = Style::new().dimmed();

/// The first line: what the captures are held to.
pub fn contract(contract: &Contract) -> String {
    let mut out = String::new();
    labelled(&mut out, DIM, "Contract", &contract.describe());
    out
}

/// One violation of the capture `name`.
pub fn violation(name: &str, item: &Located) -> String {
    let violation = &item.violation;
    let rule = if violation.rule.is_empty() { String::new() } else { format!(" (rule #{})", violation.rule) };
    format!(
        "{:>12} {name}:{}:{}: {}: {}: expected {}, found {}{DIM}{rule}{DIM:#}\n",
        "",
        item.line,
        item.column,
        pointer::display(&violation.pointer),
        violation.keyword,
        violation.expected,
        violation.found,
    )
}

/// The captures checked so far, for the verdict of each and the summary.
#[derive(Debug, Default)]
pub struct Tally {
    files: usize,
    valid: usize,
    invalid: usize,
    unreadable: usize,
    violations: usize,
}

impl Tally {
    /// The verdict on one capture, after its violations.
    pub fn verdict(&mut self, checked: &Checked) -> String {
        let mut out = String::new();
        let name = checked.source.path().display().to_string();
        self.files += 1;
        self.violations += checked.violations;
        let found = count(checked.violations, "violation");
        match &checked.outcome {
            Outcome::Valid => {
                self.valid += 1;
                labelled(&mut out, GOOD, "Valid", &name);
            }
            Outcome::Invalid => {
                self.invalid += 1;
                labelled(&mut out, BAD, "Invalid", &format!("{name}: {found}"));
            }
            Outcome::Malformed(error) => {
                self.invalid += 1;
                labelled(&mut out, BAD, "Malformed", &format!("{error}{}", after(checked.violations)));
            }
            Outcome::TooLarge(error) => {
                self.invalid += 1;
                labelled(&mut out, BAD, "Unchecked", &format!("{error}{}", after(checked.violations)));
            }
            Outcome::Unreadable(error) => {
                self.unreadable += 1;
                labelled(&mut out, BAD, "Unreadable", &format!("{error}{}", after(checked.violations)));
            }
        }
        out
    }

    /// The summary line, and the exit code: 0 when every capture conforms, 1 when one does
    /// not (or is not JSON, or could not be checked), 2 when one cannot be read.
    pub fn summary(&self) -> Report {
        let mut text = String::new();
        let _ = writeln!(
            text,
            "{DIM}{:>12}{DIM:#} {}: {} valid, {} invalid, {} unreadable; {}",
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
        Report { text, exit_code }
    }
}

/// For a capture that stopped after violations were reported: how many.
fn after(violations: usize) -> String {
    if violations == 0 { String::new() } else { format!(" (after {})", count(violations, "violation")) }
}
