//! The rules of provenance that `cite` reports under an id of its own: the rest of what is
//! wrong with citations (a citation its source does not bear out, an entry that cites no
//! fact) is reported as it reads, in the words of its file and line.

use cloudspec_findings::{Level, Rule};

/// A stated fact that no entry of its document's, service's or provider's citations file
/// covers: `check` fails on it, `cite` writes the entry to fill in.
pub const UNCITED_FACT: Rule = Rule::new(
    "uncited-fact",
    Level::Error,
    "every fact a document states names its source in a citations file",
    Rule::NONE,
);

/// Every rule, as the registry tests hold them.
pub const ALL: [Rule; 1] = [UNCITED_FACT];
