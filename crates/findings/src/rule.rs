//! A rule: what a check holds documents, captures or contracts to, under a stable id.

use serde::Serialize;

use crate::Level;

/// One rule of one check. Ids are what reports, accepted-findings files, fingerprints and
/// reviewers name: never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rule {
    /// Stable, kebab-case.
    pub id: &'static str,
    /// The level of what breaks it.
    pub level: Level,
    /// What the rule asks for or what differs, in a few words.
    pub summary: &'static str,
    /// Which clients a finding of the rule breaks, and why; [`Rule::NONE`] when none.
    pub breaks: &'static str,
}

impl Rule {
    /// What a rule that breaks no client says it breaks.
    pub const NONE: &'static str = "none";

    pub const fn new(id: &'static str, level: Level, summary: &'static str, breaks: &'static str) -> Self {
        Self { id, level, summary, breaks }
    }
}

/// A rule is written as its id.
impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id)
    }
}
