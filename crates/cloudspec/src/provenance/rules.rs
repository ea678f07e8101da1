//! The rules of provenance that `cite` reports under an id of its own: the rest of what is
//! wrong with citations (a citation its source does not bear out, an entry that cites no
//! fact) is reported as it reads, in the words of its file and line.

use cloudspec_findings::{Level, Rule};

/// A stated fact that no entry of its document's, service's or provider's citations file
/// covers: `check` fails on it, `cite` writes the entry to fill in.
pub(crate) const UNCITED_FACT: Rule = Rule::new(
    "uncited-fact",
    Level::Error,
    "every fact a document states names its source in a citations file",
    Rule::NONE,
);

/// Every rule, as the registry test holds them.
#[cfg(test)]
const ALL: [Rule; 1] = [UNCITED_FACT];

#[cfg(test)]
mod tests {
    use std::path::Path;

    use cloudspec_findings::registry::{self, Expectations};

    /// Every rule has a summary and a case: the command line's scripts named `<rule>--<what>`
    /// (`xtask/tests/cases/`) are the cases of these rules, and each names one.
    #[test]
    fn every_rule_has_a_summary_and_a_case() {
        let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../xtask/tests/cases");
        let cases: Vec<String> = std::fs::read_dir(&scripts)
            .unwrap_or_else(|error| panic!("{}: {error}", scripts.display()))
            .map(|entry| entry.expect("an entry").path())
            .filter_map(|path| Some(path.file_stem()?.to_str()?.to_owned()))
            .filter(|name| name.contains("--"))
            .collect();
        let problems =
            registry::problems(&super::ALL, &Expectations { cases: &cases, ..Expectations::default() });
        assert!(problems.is_empty(), "{}:\n{}", scripts.display(), problems.join("\n"));
    }
}
