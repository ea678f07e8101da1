//! A body of an exchange, request or response, checked by the capture validator as a
//! `validate`d capture is: every violation and open-enum notice at its JSON pointer, line and
//! column in the body. The body was checked as its text was read (`cloudspec_capture::har::body`),
//! or held and is checked here; a body the archive does not hold whole is unchecked, with the
//! reason: never valid.

use std::path::Path;

use cloudspec_capture::har::Content;
use cloudspec_capture::{Finding as Found, Outcome, Plan};

use crate::finding::{EntryReport, Finding, InBody, Kind, MAX_FINDINGS};
use cloudspec_schema::json::JsonFileError;

/// Checks the body `content` (at `place` in the archive: `/log/entries/3/response/content`)
/// against `plan`; `check` names what is checked (`response-body`). `read` is the plan the
/// text was checked against as it was read (`None` when it was held or read past): a text
/// checked against another (the archive repeats a member that decides which) is unchecked.
pub fn check(
    plan: &Plan,
    content: &mut Content,
    read: Option<&Plan>,
    place: &str,
    check: &'static str,
    report: &mut EntryReport,
) {
    let text_place = format!("{place}/text");
    let unchecked = |reason: String| Finding::new(Kind::Unchecked, check, text_place.clone(), reason);
    let Some(text) = content.text.take() else {
        let size = content
            .size
            .filter(|&size| size >= 0)
            .map_or_else(String::new, |size| format!(" of {size} bytes"));
        report.push(unchecked(format!(
            "the archive holds no text of the body{size}: the tool that captured it did not keep it"
        )));
        return;
    };
    if !text.is_held() && !read.is_some_and(|read| std::ptr::eq(read, plan)) {
        report.push(unchecked(
            "the archive gives again, after the body's text, a member that decides what the body is \
             held to: the text was read against another"
                .to_owned(),
        ));
        return;
    }
    let checked = match text.checked(plan, content.encoding.as_deref(), Path::new(&text_place), MAX_FINDINGS)
    {
        Ok(checked) => checked,
        Err(reason) => {
            report.push(unchecked(reason));
            return;
        }
    };
    let outcome = match checked.outcome {
        Ok(outcome) => outcome,
        Err(reason) => {
            report.push(unchecked(reason));
            return;
        }
    };
    if let Some(size) = content.size.and_then(|size| u64::try_from(size).ok())
        && size > checked.length
    {
        report.push(unchecked(format!(
            "the archive holds {} of the body's {size} bytes: the tool cut it short",
            checked.length
        )));
        return;
    }
    for found in checked.kept.findings {
        report.push(finding(found, check, &text_place));
    }
    report.count_more(Kind::Violation, checked.kept.more.violations);
    report.count_more(Kind::Notice, checked.kept.more.notices);
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
