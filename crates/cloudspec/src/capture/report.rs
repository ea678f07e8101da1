//! What `validate` prints: each capture Valid, Invalid (with every violation at its file,
//! line and column), Malformed or Unreadable, then a summary; and the exit code.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use crate::capture::contract::Contract;
use crate::capture::{Checked, Outcome};
use crate::pointer;
use crate::report::{Report, exit, labelled};
use crate::validate::count;

const GOOD: Style = AnsiColor::Green.on_default().bold();
const BAD: Style = AnsiColor::Red.on_default().bold();
const NOTE: Style = AnsiColor::Yellow.on_default().bold();
const DIM: Style = Style::new().dimmed();

/// The report of `validate` over `checked`: exit 0 when every capture conforms, 1 when one
/// does not (or is not JSON), 2 when one cannot be read. A value off an open enum's list is a
/// notice: reported, and no reason to fail.
pub fn validate(contract: &Contract, checked: &[Checked]) -> Report {
    let mut out = String::new();
    labelled(&mut out, DIM, "Contract", &contract.describe());
    let (mut valid, mut invalid, mut unreadable, mut violations, mut noticed) = (0, 0, 0, 0, 0);
    for Checked { source, outcome, notices } in checked {
        let name = source.path().display().to_string();
        match outcome {
            Outcome::Valid => {
                valid += 1;
                labelled(&mut out, GOOD, "Valid", &name);
            }
            Outcome::Invalid(located) => {
                invalid += 1;
                violations += located.len();
                labelled(&mut out, BAD, "Invalid", &format!("{name}: {}", count(located.len(), "violation")));
                for item in located {
                    let violation = &item.violation;
                    let _ = writeln!(
                        out,
                        "{:>12} {name}:{}:{}: {}: {}: expected {}, found {}{DIM} (rule #{}){DIM:#}",
                        "",
                        item.line,
                        item.column,
                        pointer::display(&violation.pointer),
                        violation.keyword,
                        violation.expected,
                        violation.found,
                        violation.rule,
                    );
                }
            }
            Outcome::Malformed(error) => {
                invalid += 1;
                labelled(&mut out, BAD, "Malformed", &error.to_string());
            }
            Outcome::Unreadable(error) => {
                unreadable += 1;
                labelled(&mut out, BAD, "Unreadable", &error.to_string());
            }
        }
        noticed += notices.len();
        for item in notices {
            let notice = &item.notice;
            labelled(
                &mut out,
                NOTE,
                "Notice",
                &format!(
                    "{name}:{}:{}: {}: {} is not among the documented values ({}); accepted, as the list is open{DIM} (rule #{}){DIM:#}",
                    item.line,
                    item.column,
                    pointer::display(&notice.pointer),
                    notice.found,
                    notice.known,
                    notice.rule,
                ),
            );
        }
    }
    let _ = writeln!(
        out,
        "{DIM}{:>12}{DIM:#} {}: {valid} valid, {invalid} invalid, {unreadable} unreadable; {}{}",
        "Summary",
        count(checked.len(), "file"),
        count(violations, "violation"),
        if noticed == 0 { String::new() } else { format!(", {}", count(noticed, "notice")) },
    );
    let exit_code = if unreadable > 0 {
        exit::USAGE
    } else if invalid > 0 {
        exit::INVALID
    } else {
        exit::OK
    };
    Report { text: out, exit_code }
}
