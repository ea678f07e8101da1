//! GitHub Actions workflow commands, which GitHub shows as annotations on the lines of a pull
//! request: one a finding, one a failing subject without findings, one a stale entry.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::Sink;
use crate::escape::{command_data, command_property};
use crate::{Finding, Head, Subject, Tail};

pub(super) struct Github<'w> {
    out: &'w mut dyn Write,
    tool: String,
    /// Whether the open subject has had a finding.
    found: bool,
}

impl<'w> Github<'w> {
    pub fn new(out: &'w mut dyn Write) -> Self {
        Self { out, tool: String::new(), found: false }
    }
}

/// `,line=3,col=5`, as much of it as is known.
fn position(line: Option<usize>, column: Option<usize>) -> String {
    let mut text = line.map(|line| format!(",line={line}")).unwrap_or_default();
    if let (Some(_), Some(column)) = (line, column) {
        let _ = write!(text, ",col={column}");
    }
    text
}

impl Sink for Github<'_> {
    fn begin(&mut self, head: &Head) -> io::Result<()> {
        self.tool = head.tool.to_string();
        Ok(())
    }

    fn open(&mut self, _: &Subject) -> io::Result<()> {
        self.found = false;
        Ok(())
    }

    fn finding(&mut self, finding: &Finding) -> io::Result<()> {
        self.found = true;
        if finding.accepted.is_some() {
            // A reviewer has seen it and said why: no annotation on the pull request.
            return Ok(());
        }
        let level = if finding.fails() { "error" } else { finding.level.github() };
        let title =
            [&*finding.label, &*finding.rule].into_iter().filter(|part| !part.is_empty()).collect::<Vec<_>>();
        let title = if title.is_empty() { "finding".to_owned() } else { title.join(" ") };
        writeln!(
            self.out,
            "::{level} file={}{},title={}::{}",
            command_property(&finding.file),
            position(finding.line, finding.column),
            command_property(&title),
            command_data(&super::message(finding)),
        )
    }

    fn close(&mut self, subject: &Subject) -> io::Result<()> {
        if let Some(status) = subject.status.as_ref().filter(|status| status.fails && !self.found) {
            let mut text = format!("{}: {}{}", status.label, subject.name, status.detail);
            for note in subject.notes.iter().chain(&subject.diff) {
                text.push('\n');
                text.push_str(note);
            }
            writeln!(
                self.out,
                "::error file={},title={}::{}",
                command_property(&subject.name),
                command_property(&status.label),
                command_data(&text),
            )?;
        }
        self.out.flush()
    }

    fn end(&mut self, tail: &Tail) -> io::Result<()> {
        for stale in &tail.stale {
            writeln!(
                self.out,
                "::error file={},line={},title=stale accepted entry::{}",
                command_property(&stale.file),
                stale.line,
                command_data(&format!("{}:{}: {}", stale.file, stale.line, stale.message)),
            )?;
        }
        writeln!(self.out, "{}: {}", self.tool, tail.counts)?;
        self.out.flush()
    }
}
