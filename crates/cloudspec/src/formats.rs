//! `diff`'s report formats until it moves onto the findings core in its own branch: its
//! `--format` and the core's escaping ([`cloudspec_findings::escape`]). Deleted with
//! `cmd::legacy`.

pub use cloudspec_findings::escape::{cell, command_data, command_property, xml};

/// How to print a report. (The doc comments are `--help`'s.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For a terminal.
    Text,
    /// To paste into a review.
    Markdown,
    /// For machines; field names are stable.
    Json,
    /// JUnit XML, for CI servers' test reports: a failing case per change that fails.
    Junit,
    /// GitHub Actions annotations (`::error file=...,line=...::`).
    Github,
}

impl Format {
    pub const ALL: [Self; 5] = [Self::Text, Self::Markdown, Self::Json, Self::Junit, Self::Github];
}

/// A JSON value pretty-printed, with the trailing newline a report ends with.
pub fn json(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
