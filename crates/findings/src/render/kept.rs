//! The formats that need the whole report: they keep it, and write it at the end.

use std::io::{self, Write};

use super::{KEPT, Sink};
use crate::{Finding, Head, Subject, Tail};

/// A whole report, as kept.
#[derive(Debug, Default)]
pub(super) struct Report {
    pub head: Head,
    pub subjects: Vec<(Subject, Vec<Finding>)>,
}

/// Writes a whole report and its tail.
pub(super) type Write_ = fn(&mut dyn Write, &Report, &Tail) -> io::Result<()>;

pub(super) struct Kept<'w> {
    out: &'w mut dyn Write,
    write: Write_,
    report: Report,
    open: Option<(Subject, Vec<Finding>)>,
}

impl<'w> Kept<'w> {
    pub fn new(out: &'w mut dyn Write, write: Write_) -> Self {
        Self { out, write, report: Report::default(), open: None }
    }
}

impl Sink for Kept<'_> {
    fn begin(&mut self, head: &Head) -> io::Result<()> {
        self.report.head = head.clone();
        Ok(())
    }

    fn open(&mut self, subject: &Subject) -> io::Result<()> {
        self.open = Some((Subject { more: 0, ..subject.clone() }, Vec::new()));
        Ok(())
    }

    fn finding(&mut self, finding: &Finding) -> io::Result<()> {
        if let Some((subject, findings)) = &mut self.open {
            if findings.len() < KEPT {
                findings.push(finding.clone());
            } else {
                subject.more += 1;
            }
        }
        Ok(())
    }

    fn close(&mut self, subject: &Subject) -> io::Result<()> {
        let (opened, findings) =
            self.open.take().unwrap_or_else(|| (Subject { more: 0, ..subject.clone() }, Vec::new()));
        let mut closed = subject.clone();
        closed.more += opened.more;
        self.report.subjects.push((closed, findings));
        Ok(())
    }

    fn end(&mut self, tail: &Tail) -> io::Result<()> {
        (self.write)(self.out, &self.report, tail)?;
        self.out.flush()
    }
}
