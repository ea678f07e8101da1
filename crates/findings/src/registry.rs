//! What every rule registry must hold to, in oasdiff's manner: ids unique and kebab-case, a
//! summary each, a case folder each (and no case without its rule), and rules of a request
//! paired with rules of a response unless a reason says why not. Each check's tests call
//! [`problems`] on its registry and its folder of cases.

use std::collections::BTreeSet;

use crate::Rule;

/// What a registry is held to beyond its rules.
#[derive(Debug, Default)]
pub struct Expectations<'a> {
    /// The names of the case folders (`<rule>` or `<rule>--<variant>`; `clean` breaks none).
    pub cases: &'a [String],
    /// Rules that need no case of their own, each with why.
    pub without_case: &'a [(&'a str, &'a str)],
    /// `request-...` rules without a `response-...` twin (or the other way), each with why.
    pub unpaired: &'a [(&'a str, &'a str)],
}

/// Everything wrong with `rules` against `expected`, a line each; empty when all holds.
pub fn problems(rules: &[Rule], expected: &Expectations<'_>) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for rule in rules {
        if !ids.insert(rule.id) {
            problems.push(format!("{}: the id is taken twice", rule.id));
        }
        if rule.id.is_empty() || !rule.id.split('-').all(|word| !word.is_empty() && word.bytes().all(kebab)) {
            problems.push(format!("{:?}: an id is kebab-case: lower-case ASCII words joined by -", rule.id));
        }
        if rule.summary.trim().is_empty() {
            problems.push(format!("{}: no summary", rule.id));
        }
        if rule.breaks.trim().is_empty() {
            problems.push(format!("{}: says nothing of what it breaks (`none` if nothing)", rule.id));
        }
    }
    let cased: BTreeSet<&str> =
        expected.cases.iter().map(|case| case.split("--").next().unwrap_or_default()).collect();
    let excused =
        |list: &[(&str, &str)], id: &str| list.iter().any(|(rule, reason)| *rule == id && !reason.is_empty());
    for rule in rules {
        if !cased.contains(rule.id) && !excused(expected.without_case, rule.id) {
            problems.push(format!("{}: no case shows it (a folder `{}` of cases)", rule.id, rule.id));
        }
        let twin = match (rule.id.strip_prefix("request-"), rule.id.strip_prefix("response-")) {
            (Some(stem), _) => Some(format!("response-{stem}")),
            (_, Some(stem)) => Some(format!("request-{stem}")),
            _ => None,
        };
        if let Some(twin) = twin.filter(|twin| !ids.contains(twin.as_str()))
            && !excused(expected.unpaired, rule.id)
        {
            problems.push(format!("{}: no {twin} twin, and no reason why not", rule.id));
        }
    }
    for case in cased {
        if case != "clean" && !ids.contains(case) {
            problems.push(format!("case {case}: no rule is called so"));
        }
    }
    problems
}

fn kebab(byte: u8) -> bool {
    byte.is_ascii_lowercase() || byte.is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::{Expectations, problems};
    use crate::{Level, Rule};

    #[test]
    fn every_broken_invariant_is_named() {
        let rules = [
            Rule::new("request-x", Level::Error, "x", Rule::NONE),
            Rule::new("request-x", Level::Error, "", ""),
            Rule::new("Bad_Id", Level::Warning, "y", Rule::NONE),
        ];
        let cases = ["request-x".to_owned(), "gone--a".to_owned(), "clean".to_owned()];
        let found = problems(&rules, &Expectations { cases: &cases, ..Expectations::default() });
        assert_eq!(
            found,
            [
                "request-x: the id is taken twice",
                "request-x: no summary",
                "request-x: says nothing of what it breaks (`none` if nothing)",
                "\"Bad_Id\": an id is kebab-case: lower-case ASCII words joined by -",
                "request-x: no response-x twin, and no reason why not",
                "request-x: no response-x twin, and no reason why not",
                "Bad_Id: no case shows it (a folder `Bad_Id` of cases)",
                "case gone: no rule is called so",
            ]
        );
    }
}
