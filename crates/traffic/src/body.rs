//! A body of an exchange, request or response, checked by the capture validator as a
//! `validate`d capture is: every violation and open-enum notice at its JSON pointer, line and
//! column in the body. A body the archive does not hold whole is unchecked, with the reason:
//! never valid.

use std::path::Path;

use cloudspec_capture::har::Content;
use cloudspec_capture::{Finding as Found, Outcome, Plan};

use crate::finding::{EntryReport, Finding, InBody, Kind};
use cloudspec_schema::json::JsonFileError;

/// Checks the body `content` (at `place` in the archive: `/log/entries/3/response/content`)
/// against `plan`; `check` names what is checked (`response-body`).
pub fn check(plan: &Plan, content: &Content, place: &str, check: &'static str, report: &mut EntryReport) {
    let text_place = format!("{place}/text");
    let unchecked = |reason: String| Finding::new(Kind::Unchecked, check, text_place.clone(), reason);
    let bytes = match content.bytes() {
        None => {
            let size = content
                .size
                .filter(|&size| size >= 0)
                .map_or_else(String::new, |size| format!(" of {size} bytes"));
            report.push(unchecked(format!(
                "the archive holds no text of the body{size}: the tool that captured it did not keep it"
            )));
            return;
        }
        Some(Err(reason)) => {
            report.push(unchecked(reason));
            return;
        }
        Some(Ok(bytes)) => bytes,
    };
    if let Some(size) = content.size.and_then(|size| usize::try_from(size).ok())
        && size > bytes.len()
    {
        report.push(unchecked(format!(
            "the archive holds {} of the body's {size} bytes: the tool cut it short",
            bytes.len()
        )));
        return;
    }
    let outcome = cloudspec_capture::check_body(
        plan,
        &bytes,
        Path::new(&text_place),
        &mut |found| {
            report.push(finding(found, check, &text_place));
        },
        &mut |_| {},
    );
    match outcome {
        Outcome::Valid | Outcome::Invalid => {}
        Outcome::Malformed(error) => {
            let (line, column) = match &error {
                JsonFileError::Syntax { line, column, .. } | JsonFileError::NotUtf8 { line, column, .. } => {
                    (*line, *column)
                }
                _ => (1, 1),
            };
            let mut finding =
                Finding::new(Kind::Violation, check, text_place.clone(), format!("not JSON: {error}"));
            finding.body = Some(InBody { pointer: String::new(), line, column });
            report.push(finding);
        }
        Outcome::TooLarge(error) => {
            let mut finding = unchecked(error.to_string());
            finding.body =
                Some(InBody { pointer: error.pointer.clone(), line: error.line, column: error.column });
            report.push(finding);
        }
        Outcome::Unreadable(error) => report.push(unchecked(error.to_string())),
    }
}

/// A violation or notice of the capture validator as a finding of the entry.
fn finding(found: Found, check: &'static str, place: &str) -> Finding {
    match found {
        Found::Violation(item) => {
            let violation = item.violation;
            let mut finding = Finding::new(Kind::Violation, check, place.to_owned(), violation.summary())
                .rule(violation.rule);
            finding.body = Some(InBody { pointer: violation.pointer, line: item.line, column: item.column });
            finding
        }
        Found::Notice(item) => {
            let notice = item.notice;
            let mut finding =
                Finding::new(Kind::Notice, check, place.to_owned(), notice.summary()).rule(notice.rule);
            finding.body = Some(InBody { pointer: notice.pointer, line: item.line, column: item.column });
            finding
        }
    }
}
