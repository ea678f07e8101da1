//! Text for a terminal: a line a subject's verdict and a line a finding, each led by a
//! right-aligned label, then the tables, the summary, the stale entries and what to do.

use std::io::{self, Write};

use super::Sink;
use crate::{Finding, Head, Level, Styles, Subject, Tail, Tone};

pub(super) struct Text<'w> {
    out: &'w mut dyn Write,
    styles: Styles,
    width: usize,
    /// Whether the open subject's verdict was printed when it was opened.
    told: bool,
}

impl<'w> Text<'w> {
    pub fn new(out: &'w mut dyn Write, styles: Styles) -> Self {
        Self { out, styles, width: Head::WIDTH, told: false }
    }

    fn labelled(&mut self, tone: Tone, label: &str, text: &str) -> io::Result<()> {
        self.out.write_all(self.styles.labelled(tone, self.width, label, text).as_bytes())
    }

    fn status(&mut self, subject: &Subject) -> io::Result<bool> {
        let Some(status) = &subject.status else { return Ok(false) };
        self.labelled(status.tone, &status.label, &format!("{}{}", subject.name, status.detail))?;
        for line in subject.diff.iter().flat_map(|diff| diff.lines()) {
            let tone = match line.as_bytes().first() {
                Some(b'+') if !line.starts_with("+++") => Tone::Added,
                Some(b'-') if !line.starts_with("---") => Tone::Removed,
                Some(b'@') => Tone::Dim,
                _ => Tone::Plain,
            };
            writeln!(self.out, "{}", self.styles.paint(tone, line))?;
        }
        for line in subject.notes.iter().flat_map(|note| note.lines()) {
            writeln!(self.out, "{:>width$} {line}", "", width = self.width)?;
        }
        Ok(true)
    }
}

/// The tone of a finding's label.
fn tone(finding: &Finding) -> Tone {
    if finding.accepted.is_some() {
        return Tone::Dim;
    }
    match finding.level {
        Level::Error => Tone::Bad,
        Level::Warning | Level::Notice => Tone::Warn,
        Level::Info => Tone::Dim,
    }
}

impl Sink for Text<'_> {
    fn begin(&mut self, head: &Head) -> io::Result<()> {
        self.width = head.width;
        if let Some((label, text)) = &head.context {
            self.labelled(Tone::Dim, label, text)?;
        }
        Ok(())
    }

    fn open(&mut self, subject: &Subject) -> io::Result<()> {
        self.told = self.status(subject)?;
        Ok(())
    }

    fn finding(&mut self, finding: &Finding) -> io::Result<()> {
        let fingerprint = finding
            .fingerprint
            .as_ref()
            .map(|fingerprint| format!(" {}", self.styles.paint(Tone::Dim, &format!("[{fingerprint}]"))))
            .unwrap_or_default();
        let line = format!("{}{fingerprint}", super::line(finding));
        self.labelled(tone(finding), &finding.label, &line)?;
        if let Some(reason) = &finding.accepted {
            // Accepted: what was accepted and why; the details are for the other formats.
            return writeln!(self.out, "{:>width$} accepted: {reason}", "", width = self.width);
        }
        for detail in &finding.details {
            for (index, text) in detail.text.lines().enumerate() {
                let lead = if index == 0 { &*detail.lead } else { "" };
                let pad = if index == 0 { "" } else { &" ".repeat(detail.lead.chars().count()) };
                writeln!(self.out, "{:>width$} {pad}{lead}{text}", "", width = self.width)?;
            }
        }
        Ok(())
    }

    fn close(&mut self, subject: &Subject) -> io::Result<()> {
        if !self.told {
            self.status(subject)?;
        }
        self.told = false;
        if subject.more > 0 {
            let noun = if subject.more == 1 { "finding" } else { "findings" };
            self.labelled(Tone::Dim, "", &format!("and {} more {noun}", subject.more))?;
        }
        self.out.flush()
    }

    fn end(&mut self, tail: &Tail) -> io::Result<()> {
        for table in &tail.tables {
            for (label, text) in &table.text {
                self.labelled(Tone::Dim, label, text)?;
            }
        }
        self.labelled(Tone::Dim, "Summary", &tail.counts.to_string())?;
        for stale in &tail.stale {
            self.labelled(Tone::Bad, "Stale", &format!("{}:{}: {}", stale.file, stale.line, stale.message))?;
        }
        for fix in &tail.fixes {
            self.labelled(Tone::Warn, "Fix", fix)?;
        }
        self.out.flush()
    }
}
