//! The five formats, behind one [`Sink`]: a report is begun with its [`Head`], each subject is
//! opened, given its findings and closed, and the report ends with its [`Tail`]. Text and
//! GitHub annotations print as they are told ([`Format::streams`]); Markdown, JSON and JUnit
//! need the whole report and keep it, at most [`KEPT`] findings a subject.

mod github;
mod json;
mod junit;
mod kept;
mod markdown;
mod text;

use std::io::{self, Write};

use crate::{Finding, Format, Head, Styles, Subject, Tail};

/// The most findings a format that keeps the report keeps of one subject; the rest are
/// counted in [`Subject::more`].
pub const KEPT: usize = 1000;

/// Where a report goes, in one format. Call [`Sink::begin`] once, then for each subject
/// [`Sink::open`], its findings and [`Sink::close`] (whose subject may now carry a status it
/// lacked when opened), then [`Sink::end`] once. Write errors are returned, never dropped.
pub trait Sink {
    fn begin(&mut self, head: &Head) -> io::Result<()>;
    fn open(&mut self, subject: &Subject) -> io::Result<()>;
    fn finding(&mut self, finding: &Finding) -> io::Result<()>;
    fn close(&mut self, subject: &Subject) -> io::Result<()>;
    fn end(&mut self, tail: &Tail) -> io::Result<()>;

    /// A whole subject at once: opened, its findings, closed.
    fn subject(&mut self, subject: &Subject, findings: &[Finding]) -> io::Result<()> {
        self.open(subject)?;
        for finding in findings {
            self.finding(finding)?;
        }
        self.close(subject)
    }
}

/// A sink writing `format` to `out`; `styles` paints text (the other formats are never
/// painted).
pub fn sink<'w>(format: Format, out: &'w mut dyn Write, styles: Styles) -> Box<dyn Sink + 'w> {
    match format {
        Format::Text => Box::new(text::Text::new(out, styles)),
        Format::Github => Box::new(github::Github::new(out)),
        Format::Markdown => Box::new(kept::Kept::new(out, markdown::write)),
        Format::Json => Box::new(kept::Kept::new(out, json::write)),
        Format::Junit => Box::new(kept::Kept::new(out, junit::write)),
    }
}

/// A finding in one line: where, which rule, what.
/// A finding of no file (a problem of the run as a whole) is its rule and message alone.
fn line(finding: &Finding) -> String {
    let rule = if finding.rule.is_empty() { String::new() } else { format!(" [{}]", finding.rule) };
    let line = format!("{}{rule} {}", finding.place(), finding.message);
    line.trim_start().to_owned()
}

/// A finding in one line with its details and why it was accepted, for a message.
fn message(finding: &Finding) -> String {
    let mut text = line(finding);
    for detail in &finding.details {
        text.push_str("; ");
        text.push_str(&detail.lead);
        text.push_str(&detail.text);
    }
    if let Some(reason) = &finding.accepted {
        text.push_str("; accepted: ");
        text.push_str(reason);
    }
    text
}

/// Whether the subject fails the run: by its status, or by a finding.
fn fails(subject: &Subject, findings: &[Finding]) -> bool {
    subject.status.as_ref().is_some_and(|status| status.fails) || findings.iter().any(Finding::fails)
}

#[cfg(test)]
mod tests;
