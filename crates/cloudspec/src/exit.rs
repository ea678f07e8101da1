//! Exit codes shared by every command, so that scripts can tell the cases apart: the one
//! source of the README's table and of `cargo xtask --help`.

use std::fmt::Write as _;

/// Everything is as it should be.
pub const OK: u8 = 0;
/// Something read was invalid: a document, a capture, a side of a diff (see [`MEANINGS`]).
pub(crate) const INVALID: u8 = 1;
/// The command line was wrong (clap's own code too; see [`MEANINGS`]).
pub const USAGE: u8 = 2;
/// `spec/` differs from the code; `cargo xtask generate` fixes it. For `diff`: an entry
/// of the accepted-changes file matches no change any more.
pub(crate) const STALE: u8 = 3;
/// `diff` found a breaking change (and `--allow-breaking` was not given).
pub(crate) const BREAKING: u8 = 4;
/// The report could not be written (a full disk); see [`MEANINGS`].
pub const WRITE: u8 = 5;

/// Every exit code and every case that ends with it: the one source of the table in the
/// README and of `cargo xtask --help` (a test holds the README to it).
pub const MEANINGS: &[(u8, &str)] = &[
    (OK, "Everything is as it should be."),
    (
        INVALID,
        "A document could not be built or is invalid; nothing was written for it. `check`, \
         `generate`: a file under `spec/` cannot be read, or a directory there listed. `lint`, \
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
    (BREAKING, "`diff` found a breaking change that is not accepted (and `--allow-breaking` was not given)."),
    (
        WRITE,
        "The report could not be written (a full disk). A closed pipe (a `head` that stops reading) \
         ends the command quietly with 141, the status of a process the closed pipe killed.",
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
