//! What `check` and `generate` report of each file under `spec/`: a [`Subject`] a file with
//! its verdict (Fresh, Stale, Missing, Orphaned, Failure; Unchanged, Created, Updated,
//! Removed, Kept), then the summary and what to do, for the findings core to print in any
//! format.

use std::io;
use std::path::PathBuf;

use cloudspec_findings::render::Sink;
use cloudspec_findings::{Counts, Status, Subject, Tail, Tone};

use crate::exit;
use crate::relpath::RelPath;
use crate::sync::{Checked, Generated, Row};
use crate::workspace;

/// The command that brings `spec/` in step with the code.
pub(crate) const FIX: &str = "cargo xtask generate";

/// A file's subject: its path as shown, its verdict, and what follows it on the line (`note`).
fn file(path: &RelPath, note: &str, label: &'static str, tone: Tone, fails: bool) -> Subject {
    Subject::new(path.to_string()).status(Status::new(label, tone, fails).detail(note))
}

/// The note of a directory under `spec/` that cannot be listed: nothing in it can be called an
/// orphan, so `check` and `generate` fail rather than pass over it.
fn unlisted(error: &io::Error) -> String {
    format!(": cannot list the directory: {error}")
}

/// What `check` found of the files: for its summary, fixes and exit code.
#[derive(Debug, Default)]
pub struct Checks {
    pub files: usize,
    pub fresh: usize,
    /// Stale, missing, and orphans cloudspec wrote: `generate` fixes them.
    pub stale: usize,
    /// Files cloudspec did not write: moved out by hand.
    pub foreign: usize,
    pub failed: usize,
    /// The overlays whose want of a translation made a document fail.
    overlays: Vec<PathBuf>,
}

/// `check`'s subject of each file, written to `sink` in order.
pub fn check(sink: &mut dyn Sink, rows: &[Row<Checked>]) -> io::Result<Checks> {
    let mut checks = Checks { files: rows.len(), ..Checks::default() };
    for row in rows {
        let (label, tone, note, count) = match &row.outcome {
            Checked::Fresh => ("Fresh", Tone::Good, String::new(), &mut checks.fresh),
            Checked::Stale { .. } => ("Stale", Tone::Warn, String::new(), &mut checks.stale),
            Checked::Missing => ("Missing", Tone::Warn, String::new(), &mut checks.stale),
            Checked::Orphaned { generated: true } => {
                ("Orphaned", Tone::Warn, " (no endpoint generates it)".to_owned(), &mut checks.stale)
            }
            Checked::Orphaned { generated: false } => {
                let note = " (not written by cloudspec: remove or move it by hand)";
                ("Orphaned", Tone::Warn, note.to_owned(), &mut checks.foreign)
            }
            Checked::Failed(_) => ("Failure", Tone::Bad, String::new(), &mut checks.failed),
            Checked::Unreadable(error) => {
                ("Failure", Tone::Bad, format!(": cannot read: {error}"), &mut checks.failed)
            }
            Checked::Unlisted(error) => ("Failure", Tone::Bad, unlisted(error), &mut checks.failed),
        };
        *count += 1;
        let mut subject = file(&row.path, &note, label, tone, tone != Tone::Good);
        match &row.outcome {
            Checked::Stale { diff } => subject.diff = Some(diff.clone()),
            Checked::Failed(error) => {
                checks.overlays.extend(untranslated(error));
                subject.notes = vec![error.to_string()];
            }
            _ => {}
        }
        sink.subject(&subject, &[])?;
    }
    Ok(checks)
}

impl Checks {
    /// The summary, the counts and what to do.
    pub fn tail(&self) -> Tail {
        let Self { files, fresh, stale, foreign, failed, .. } = *self;
        let mut fixes = Vec::new();
        if stale > 0 {
            fixes.push(format!("run `{FIX}` and commit the result"));
        }
        if foreign > 0 {
            fixes.push("spec/ holds only generated files: move the others out".to_owned());
        }
        fixes.extend(translate_fixes(self.overlays.clone()));
        let counts = Counts::new().head("files", files).part("fresh", fresh);
        Tail {
            counts: counts.part("stale", stale + foreign).part("failed", failed),
            fixes,
            ..Tail::default()
        }
    }

    /// 1 when a document failed, 3 when `spec/` differs from the code, else 0.
    pub fn exit_code(&self) -> u8 {
        if self.failed > 0 {
            exit::INVALID
        } else if self.stale + self.foreign > 0 {
            exit::STALE
        } else {
            exit::OK
        }
    }
}

/// `generate`'s subject of each file, written to `sink` in order; the summary and the exit
/// code (1 when a document failed) after them.
pub fn generate(sink: &mut dyn Sink, rows: &[Row<Generated>]) -> io::Result<(Tail, u8)> {
    let mut overlays = Vec::new();
    let (mut changed, mut failed, mut unchanged) = (0, 0, 0);
    for row in rows {
        let left = " (left as it was)";
        let (label, tone, note, count) = match &row.outcome {
            Generated::Unchanged => ("Unchanged", Tone::Dim, String::new(), &mut unchanged),
            Generated::Created => ("Created", Tone::Good, String::new(), &mut changed),
            Generated::Updated => ("Updated", Tone::Good, String::new(), &mut changed),
            Generated::Removed => {
                ("Removed", Tone::Warn, " (orphan written by cloudspec)".to_owned(), &mut changed)
            }
            Generated::KeptForeign => {
                let note = " (not written by cloudspec, so not removed: remove it by hand)";
                ("Kept", Tone::Warn, note.to_owned(), &mut unchanged)
            }
            Generated::Failed(_) => ("Failure", Tone::Bad, left.to_owned(), &mut failed),
            Generated::Io(error) => ("Failure", Tone::Bad, format!("{left}: {error}"), &mut failed),
            Generated::Unlisted(error) => {
                ("Failure", Tone::Bad, format!("{left}{}", unlisted(error)), &mut failed)
            }
        };
        *count += 1;
        let mut subject = file(&row.path, &note, label, tone, tone == Tone::Bad);
        if let Generated::Failed(error) = &row.outcome {
            overlays.extend(untranslated(error));
            subject.notes = vec![error.to_string()];
        }
        sink.subject(&subject, &[])?;
    }
    let counts = Counts::new().head("files", rows.len()).part("changed", changed).part("failed", failed);
    let tail = Tail { counts, fixes: translate_fixes(overlays), ..Tail::default() };
    Ok((tail, if failed > 0 { exit::INVALID } else { exit::OK }))
}

/// The overlay whose want of a translation (a missing overlay, a string not or no longer
/// translated) made a locale's document fail: `translate` fixes it, `generate` cannot.
fn untranslated(error: &crate::document::BuildError) -> Option<PathBuf> {
    use crate::overlay::{Finding, OverlayError};
    let crate::document::BuildError::Overlay(error) = error else { return None };
    match error {
        OverlayError::Read { path, .. } => Some(path.clone()),
        OverlayError::Findings { path, findings }
            if findings
                .iter()
                .any(|finding| matches!(finding, Finding::Untranslated { .. } | Finding::Stale { .. })) =>
        {
            Some(path.clone())
        }
        _ => None,
    }
}

/// A Fix line per overlay that wants translations: the command that brings it in step, and
/// the file to translate.
fn translate_fixes(mut overlays: Vec<PathBuf>) -> Vec<String> {
    overlays.sort();
    overlays.dedup();
    overlays
        .iter()
        .map(|overlay| {
            let shown = workspace::display(overlay);
            let locale = shown.rsplit('.').nth(2).unwrap_or("zh-CN");
            format!("run `cargo xtask translate {locale}`, then translate each `TODO(translate)` of {shown}")
        })
        .collect()
}
