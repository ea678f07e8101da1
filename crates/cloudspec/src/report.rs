//! What `check` and `generate` print, and the exit code they end with. The text carries
//! ANSI styles; the CLI's writer strips them when the output is not a terminal or
//! `NO_COLOR` is set.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use crate::sync::{Checked, Generated, Row};
use crate::workspace;

/// Exit codes shared by every command, so that scripts can tell the cases apart.
pub mod exit {
    use std::fmt::Write as _;

    /// Everything is as it should be.
    pub const OK: u8 = 0;
    /// Something read was invalid: a document, a capture, a side of a diff (see [`MEANINGS`]).
    pub const INVALID: u8 = 1;
    /// The command line was wrong (clap's own code too; see [`MEANINGS`]).
    pub const USAGE: u8 = 2;
    /// `spec/` differs from the code; `cargo xtask generate` fixes it. For `diff`: an entry
    /// of the accepted-changes file matches no change any more.
    pub const STALE: u8 = 3;
    /// `diff` found a breaking change (and `--allow-breaking` was not given).
    pub const BREAKING: u8 = 4;

    /// Every exit code and every case that ends with it: the one source of the table in the
    /// README and of `cargo xtask --help` (a test holds the README to it).
    pub const MEANINGS: &[(u8, &str)] = &[
        (OK, "Everything is as it should be."),
        (
            INVALID,
            "A document could not be built or is invalid; nothing was written for it. `lint`, \
             `check`: a lint error (a warning is reported only). `validate`: a capture does not \
             conform, repeats a member name, is not JSON (reported where it stops being JSON), or \
             holds a value too large to check (Unchecked). `validate --har`: an entry breaks its \
             operation's contract, has a body the archive does not hold whole (Unchecked), or \
             is no exchange; an archive is not HAR 1.2 JSON; with `--strict`, an entry no \
             operation serves. `diff`: a side cannot be read (an \
             unknown revision, a file that is not YAML: the message names the revision, the \
             file, the line and the column). `conform`: a difference no entry accepts, a stale \
             entry, a file that cannot be read, or a contract `--refresh` could not download.",
        ),
        (
            USAGE,
            "The command line was wrong: an unknown command or option, or no checkout at or \
             above the current directory (pass `--root`). `validate`: no such operation, status \
             or locale, no document under `spec/`, or a capture or archive that cannot be read. `diff \
             --after DIR`: DIR does not exist or holds no contract document. `translate LOCALE`: \
             no provider publishes LOCALE (or it is `en`, the source).",
        ),
        (
            STALE,
            "`spec/` differs from the code (`check`): run `cargo xtask generate` and commit. \
             `diff`: an entry of the accepted-changes file matches no change any more: remove it.",
        ),
        (
            BREAKING,
            "`diff` found a breaking change that is not accepted (and `--allow-breaking` was not given).",
        ),
    ];

    /// [`MEANINGS`] as the README's Markdown table.
    pub fn markdown_table() -> String {
        let mut table = String::from("| Code | Meaning |\n|---|---|\n");
        for (code, meaning) in MEANINGS {
            let _ = writeln!(table, "| {code} | {meaning} |");
        }
        table
    }

    /// [`MEANINGS`] for `--help`: plain text, wrapped to 88 columns.
    pub fn help() -> String {
        let mut help = String::from("Exit codes:\n");
        for (code, meaning) in MEANINGS {
            let mut line = format!("  {code} ");
            for word in meaning.replace('`', "").split(' ') {
                if line.len() + 1 + word.len() > 88 {
                    help.push_str(line.trim_end());
                    help.push('\n');
                    "    ".clone_into(&mut line);
                }
                line.push(' ');
                line.push_str(word);
            }
            help.push_str(&line);
            help.push('\n');
        }
        help
    }
}

/// The command that brings `spec/` in step with the code.
pub const FIX: &str = "cargo xtask generate";

pub(crate) const GOOD: Style = AnsiColor::Green.on_default().bold();
pub(crate) const WARN: Style = AnsiColor::Yellow.on_default().bold();
pub(crate) const BAD: Style = AnsiColor::Red.on_default().bold();
const DIM: Style = Style::new().dimmed();
const ADDED: Style = AnsiColor::Green.on_default();
const REMOVED: Style = AnsiColor::Red.on_default();

/// What a command prints and the exit code it ends with.
#[derive(Debug, Default)]
pub struct Report {
    /// For standard output.
    pub text: String,
    /// For standard error: what went wrong, one `error: ...` line (or more) each.
    pub errors: String,
    pub exit_code: u8,
}

impl Report {
    pub fn new(text: String, exit_code: u8) -> Self {
        Self { text, errors: String::new(), exit_code }
    }

    /// This report, then `next`'s: an invalid finding of either outranks the other's code.
    #[must_use]
    pub fn then(mut self, next: &Self) -> Self {
        self.text.push_str(&next.text);
        self.errors.push_str(&next.errors);
        if next.exit_code == exit::INVALID || self.exit_code == exit::OK {
            self.exit_code = next.exit_code;
        }
        self
    }

    /// A command that could not run: `error: <message>` on standard error.
    pub fn error(message: impl std::fmt::Display, exit_code: u8) -> Self {
        Self { text: String::new(), errors: format!("error: {message}\n"), exit_code }
    }
}

fn label(out: &mut String, style: Style, label: &str, path: &std::path::Path, note: &str) {
    labelled(out, style, label, &format!("{}{note}", workspace::display(path)));
}

/// A line led by a right-aligned, styled label, as every report prints them.
pub(crate) fn labelled(out: &mut String, style: Style, label: &str, text: &str) {
    let _ = writeln!(out, "{style}{label:>12}{style:#} {text}");
}

/// The report of `check`.
pub fn check(rows: &[Row<Checked>]) -> Report {
    let mut out = String::new();
    let mut overlays = Vec::new();
    let (mut fresh, mut stale, mut foreign, mut failed) = (0, 0, 0, 0);
    for row in rows {
        match &row.outcome {
            Checked::Fresh => {
                fresh += 1;
                label(&mut out, GOOD, "Fresh", &row.path, "");
            }
            Checked::Stale { diff } => {
                stale += 1;
                label(&mut out, WARN, "Stale", &row.path, "");
                write_diff(&mut out, diff);
            }
            Checked::Missing => {
                stale += 1;
                label(&mut out, WARN, "Missing", &row.path, "");
            }
            Checked::Orphaned { generated: true } => {
                stale += 1;
                label(&mut out, WARN, "Orphaned", &row.path, " (no endpoint generates it)");
            }
            Checked::Orphaned { generated: false } => {
                foreign += 1;
                label(
                    &mut out,
                    WARN,
                    "Orphaned",
                    &row.path,
                    " (not written by cloudspec: remove or move it by hand)",
                );
            }
            Checked::Failed(error) => {
                failed += 1;
                label(&mut out, BAD, "Failure", &row.path, "");
                write_indented(&mut out, &error.to_string());
                overlays.extend(untranslated(error));
            }
            Checked::Unreadable(error) => {
                failed += 1;
                label(&mut out, BAD, "Failure", &row.path, &format!(": cannot read: {error}"));
            }
        }
    }
    let _ = writeln!(
        out,
        "{DIM}{:>12}{DIM:#} {} files: {fresh} fresh, {} stale, {failed} failed",
        "Summary",
        rows.len(),
        stale + foreign,
    );
    if stale > 0 {
        let _ = writeln!(out, "{WARN}{:>12}{WARN:#} run `{FIX}` and commit the result", "Fix");
    }
    if foreign > 0 {
        let _ = writeln!(
            out,
            "{WARN}{:>12}{WARN:#} spec/ holds only generated files: move the others out",
            "Fix"
        );
    }
    translate_fix(&mut out, overlays);
    let exit_code = if failed > 0 {
        exit::INVALID
    } else if stale + foreign > 0 {
        exit::STALE
    } else {
        exit::OK
    };
    Report::new(out, exit_code)
}

/// The report of `generate`.
pub fn generate(rows: &[Row<Generated>]) -> Report {
    let mut out = String::new();
    let mut overlays = Vec::new();
    let mut failed = 0;
    let mut changed = 0;
    for row in rows {
        match &row.outcome {
            Generated::Unchanged => label(&mut out, DIM, "Unchanged", &row.path, ""),
            Generated::Created => {
                changed += 1;
                label(&mut out, GOOD, "Created", &row.path, "");
            }
            Generated::Updated => {
                changed += 1;
                label(&mut out, GOOD, "Updated", &row.path, "");
            }
            Generated::Removed => {
                changed += 1;
                label(&mut out, WARN, "Removed", &row.path, " (orphan written by cloudspec)");
            }
            Generated::KeptForeign => {
                label(
                    &mut out,
                    WARN,
                    "Kept",
                    &row.path,
                    " (not written by cloudspec, so not removed: remove it by hand)",
                );
            }
            Generated::Failed(error) => {
                failed += 1;
                label(&mut out, BAD, "Failure", &row.path, " (left as it was)");
                write_indented(&mut out, &error.to_string());
                overlays.extend(untranslated(error));
            }
            Generated::Io(error) => {
                failed += 1;
                label(&mut out, BAD, "Failure", &row.path, &format!(" (left as it was): {error}"));
            }
        }
    }
    let _ = writeln!(
        out,
        "{DIM}{:>12}{DIM:#} {} files: {changed} changed, {failed} failed",
        "Summary",
        rows.len()
    );
    translate_fix(&mut out, overlays);
    Report::new(out, if failed > 0 { exit::INVALID } else { exit::OK })
}

/// The overlay whose want of a translation (a missing overlay, a string not or no longer
/// translated) made a locale's document fail: `translate` fixes it, `generate` cannot.
fn untranslated(error: &crate::document::BuildError) -> Option<std::path::PathBuf> {
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
fn translate_fix(out: &mut String, mut overlays: Vec<std::path::PathBuf>) {
    overlays.sort();
    overlays.dedup();
    for overlay in overlays {
        let shown = workspace::display(&overlay);
        let locale = shown.rsplit('.').nth(2).unwrap_or("zh-CN");
        let _ = writeln!(
            out,
            "{WARN}{:>12}{WARN:#} run `cargo xtask translate {locale}`, then translate each `TODO(translate)` of {shown}",
            "Fix"
        );
    }
}

fn write_diff(out: &mut String, diff: &str) {
    for line in diff.lines() {
        let style = match line.as_bytes().first() {
            Some(b'+') if !line.starts_with("+++") => ADDED,
            Some(b'-') if !line.starts_with("---") => REMOVED,
            Some(b'@') => DIM,
            _ => Style::new(),
        };
        let _ = writeln!(out, "{style}{line}{style:#}");
    }
}

fn write_indented(out: &mut String, text: &str) {
    for line in text.lines() {
        let _ = writeln!(out, "{:>12} {line}", "");
    }
}
