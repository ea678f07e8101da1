//! The formats every report can be printed in.

use std::fmt;
use std::str::FromStr;

/// How to print a report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// For a terminal.
    #[default]
    Text,
    /// To paste into a review.
    Markdown,
    /// For machines; field names are stable.
    Json,
    /// JUnit XML, for CI servers' test reports: a test case per subject, failing where it fails.
    Junit,
    /// GitHub Actions annotations (`::error file=...,line=...::`).
    Github,
}

impl Format {
    pub const ALL: [Self; 5] = [Self::Text, Self::Markdown, Self::Json, Self::Junit, Self::Github];

    /// The name the command line takes.
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Json => "json",
            Self::Junit => "junit",
            Self::Github => "github",
        }
    }

    /// What the format is for, as `--help` says it.
    pub fn help(self) -> &'static str {
        match self {
            Self::Text => "For a terminal",
            Self::Markdown => "To paste into a review",
            Self::Json => "For machines; field names are stable",
            Self::Junit => "JUnit XML, for CI servers' test reports: a failing case per subject that fails",
            Self::Github => "GitHub Actions annotations (`::error file=...,line=...::`)",
        }
    }

    /// Whether the format prints each subject as it comes, holding none.
    pub fn streams(self) -> bool {
        matches!(self, Self::Text | Self::Github)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|format| format.name() == text).ok_or_else(|| {
            let names: Vec<&str> = Self::ALL.iter().map(|format| format.name()).collect();
            format!("{text:?} is no format: expected one of {}", names.join(", "))
        })
    }
}
