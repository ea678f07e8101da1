//! How much a finding matters, one scale for every check.

use serde::Serialize;

/// How much a finding matters, worst first. Only an [`Level::Error`] fails a run, unless a
/// reviewer accepted it; what each check calls its levels (`breaking`, `error`, `violation`)
/// is the finding's label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Fails the run: a breaking change, a lint error, a violation, a difference from the
    /// vendor's contract.
    Error,
    /// Reported, and no reason to fail: a potentially breaking change, a lint warning.
    Warning,
    /// Told: a value off an open enum's list, a non-breaking change.
    Notice,
    /// For the record: a change to descriptions only.
    Info,
}

impl Level {
    /// Its name, as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Notice => "notice",
            Self::Info => "info",
        }
    }

    /// The level of a GitHub Actions workflow command.
    pub fn github(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Notice | Self::Info => "notice",
        }
    }
}
