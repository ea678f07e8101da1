//! What `lint` prints, and how `check` adds the findings to its own report.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use super::{Finding, Severity};
use crate::report::{Report, exit};

fn style(severity: Severity) -> Style {
    match severity {
        Severity::Error => AnsiColor::Red.on_default().bold(),
        Severity::Warning => AnsiColor::Yellow.on_default().bold(),
    }
}

/// One line per finding: severity, place, rule and message.
pub fn findings(findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        let style = style(finding.rule.severity);
        let _ = writeln!(
            out,
            "{style}{:>12}{style:#} {}#{} [{}] {}",
            finding.rule.severity.to_string(),
            finding.document,
            crate::pointer::display(&finding.pointer),
            finding.rule.id,
            finding.message
        );
    }
    out
}

fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|finding| finding.rule.severity == severity).count()
}

/// The report of `lint` over `documents` documents: exit 1 if a finding is an error.
pub fn lint(documents: usize, findings: &[Finding]) -> Report {
    let mut text = self::findings(findings);
    let (errors, warnings) = (count(findings, Severity::Error), count(findings, Severity::Warning));
    let dim = Style::new().dimmed();
    let _ = writeln!(
        text,
        "{dim}{:>12}{dim:#} {documents} documents: {errors} errors, {warnings} warnings",
        "Summary"
    );
    Report::new(text, if errors > 0 { exit::INVALID } else { exit::OK })
}

/// `check`'s report with the lint findings after it: a lint error fails `check` as an
/// invalid document does. Without findings, the report is `check`'s alone.
pub fn with_check(check: Report, findings: &[Finding]) -> Report {
    let mut text = check.text;
    text.push_str(&self::findings(findings));
    let exit_code = if count(findings, Severity::Error) > 0 { exit::INVALID } else { check.exit_code };
    Report::new(text, exit_code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules;

    fn finding(rule: super::super::Rule) -> Finding {
        Finding { rule, document: "spec/a.yaml".into(), pointer: String::new(), message: "m".into() }
    }

    #[test]
    fn a_lint_error_fails_check_and_a_warning_does_not() {
        let fresh = || Report::new(String::new(), exit::OK);
        assert_eq!(with_check(fresh(), &[finding(rules::OPERATION_SUMMARY)]).exit_code, exit::INVALID);
        assert_eq!(with_check(fresh(), &[finding(rules::UNUSED_COMPONENT)]).exit_code, exit::OK);
        let stale = Report::new(String::new(), exit::STALE);
        assert_eq!(with_check(stale, &[]).exit_code, exit::STALE);
    }
}
