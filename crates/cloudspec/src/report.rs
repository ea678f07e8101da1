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
        let path = &row.path;
        let subject = match &row.outcome {
            Checked::Fresh => {
                checks.fresh += 1;
                file(path, "", "Fresh", Tone::Good, false)
            }
            Checked::Stale { diff } => {
                checks.stale += 1;
                Subject { diff: Some(diff.clone()), ..file(path, "", "Stale", Tone::Warn, true) }
            }
            Checked::Missing => {
                checks.stale += 1;
                file(path, "", "Missing", Tone::Warn, true)
            }
            Checked::Orphaned { generated: true } => {
                checks.stale += 1;
                file(path, " (no endpoint generates it)", "Orphaned", Tone::Warn, true)
            }
            Checked::Orphaned { generated: false } => {
                checks.foreign += 1;
                let note = " (not written by cloudspec: remove or move it by hand)";
                file(path, note, "Orphaned", Tone::Warn, true)
            }
            Checked::Failed(error) => {
                checks.failed += 1;
                checks.overlays.extend(untranslated(error));
                Subject { notes: vec![error.to_string()], ..file(path, "", "Failure", Tone::Bad, true) }
            }
            Checked::Unreadable(error) => {
                checks.failed += 1;
                file(path, &format!(": cannot read: {error}"), "Failure", Tone::Bad, true)
            }
            Checked::Unlisted(error) => {
                checks.failed += 1;
                file(path, &unlisted(error), "Failure", Tone::Bad, true)
            }
        };
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
    let (mut changed, mut failed) = (0, 0);
    for row in rows {
        let path = &row.path;
        let subject = match &row.outcome {
            Generated::Unchanged => file(path, "", "Unchanged", Tone::Dim, false),
            Generated::Created => file(path, "", "Created", Tone::Good, false),
            Generated::Updated => file(path, "", "Updated", Tone::Good, false),
            Generated::Removed => file(path, " (orphan written by cloudspec)", "Removed", Tone::Warn, false),
            Generated::KeptForeign => {
                let note = " (not written by cloudspec, so not removed: remove it by hand)";
                file(path, note, "Kept", Tone::Warn, false)
            }
            Generated::Failed(error) => {
                overlays.extend(untranslated(error));
                let subject = file(path, " (left as it was)", "Failure", Tone::Bad, true);
                Subject { notes: vec![error.to_string()], ..subject }
            }
            Generated::Io(error) => {
                file(path, &format!(" (left as it was): {error}"), "Failure", Tone::Bad, true)
            }
            Generated::Unlisted(error) => {
                file(path, &format!(" (left as it was){}", unlisted(error)), "Failure", Tone::Bad, true)
            }
        };
        match &row.outcome {
            Generated::Created | Generated::Updated | Generated::Removed => changed += 1,
            Generated::Failed(_) | Generated::Io(_) | Generated::Unlisted(_) => failed += 1,
            Generated::Unchanged | Generated::KeptForeign => {}
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
