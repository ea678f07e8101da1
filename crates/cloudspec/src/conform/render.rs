//! What `conform` prints: text for a terminal, Markdown for a review, JSON for machines
//! (field names are stable). A difference no entry accepts comes with the entry that would
//! accept it, to paste into the endpoint's `.conform.yaml` with its reason.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use serde_json::{Value, json};

use super::accepted::{Entry, REASON_TO_WRITE};
use super::{Comparison, Held, Judged, Outcome};
use crate::report::{Report, exit, labelled};
use crate::workspace;

/// How to print the report. (The doc comments are `--help`'s.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For a terminal.
    Text,
    /// To paste into a review.
    Markdown,
    /// For machines; field names are stable.
    Json,
}

const GOOD: Style = AnsiColor::Green.on_default().bold();
const BAD: Style = AnsiColor::Red.on_default().bold();
const NOTE: Style = AnsiColor::Yellow.on_default().bold();
const DIM: Style = Style::new().dimmed();

/// Counts over every endpoint.
#[derive(Debug, Default, serde::Serialize)]
pub struct Summary {
    pub endpoints: usize,
    pub compared: usize,
    pub without_contract: usize,
    pub failed: usize,
    pub differences: usize,
    pub accepted: usize,
    pub new: usize,
    pub stale: usize,
}

impl Summary {
    pub fn of(outcomes: &[Outcome]) -> Self {
        let mut summary = Self { endpoints: outcomes.len(), ..Self::default() };
        for outcome in outcomes {
            match &outcome.result {
                Ok(Held::Compared(comparison)) => {
                    summary.compared += 1;
                    summary.differences += comparison.differences.len();
                    summary.accepted +=
                        comparison.differences.iter().filter(|judged| judged.accepted.is_some()).count();
                    summary.stale += comparison.stale.len();
                }
                Ok(Held::NoContract { .. }) => summary.without_contract += 1,
                Err(_) => summary.failed += 1,
            }
        }
        summary.new = summary.differences - summary.accepted;
        summary
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} endpoints: {} compared, {} without a vendor contract, {} failed; {} differences: {} accepted, {} new; {} stale entries",
            self.endpoints,
            self.compared,
            self.without_contract,
            self.failed,
            self.differences,
            self.accepted,
            self.new,
            self.stale
        )
    }
}

/// The report in `format`; it exits 1 unless every endpoint passes.
pub fn report(outcomes: &[Outcome], format: Format) -> Report {
    let summary = Summary::of(outcomes);
    let text = match format {
        Format::Text => text(outcomes, &summary),
        Format::Markdown => markdown(outcomes, &summary),
        Format::Json => json(outcomes, &summary),
    };
    let exit_code = if outcomes.iter().all(Outcome::passes) { exit::OK } else { exit::INVALID };
    Report::new(text, exit_code)
}

/// The entry that would accept the difference, waiting for its reason.
pub fn suggested(judged: &Judged) -> Entry {
    Entry::of(&judged.difference, &format!("{REASON_TO_WRITE} why the document is right to differ"))
}

fn text(outcomes: &[Outcome], summary: &Summary) -> String {
    let mut out = String::new();
    for outcome in outcomes {
        let file = workspace::display(&outcome.conform_file);
        match &outcome.result {
            Err(error) => labelled(&mut out, BAD, "Failure", &format!("{}: {error}", outcome.key)),
            Ok(Held::NoContract { reason }) => {
                labelled(&mut out, NOTE, "No contract", &format!("{}: {reason} ({file})", outcome.key));
            }
            Ok(Held::Compared(comparison)) => compared(&mut out, outcome, comparison, &file),
        }
    }
    labelled(&mut out, DIM, "Summary", &summary.to_string());
    out
}

fn compared(out: &mut String, outcome: &Outcome, comparison: &Comparison, file: &str) {
    let document = workspace::display(&comparison.document);
    let contract = workspace::display(&comparison.contract);
    let style = if outcome.passes() { GOOD } else { BAD };
    labelled(
        out,
        style,
        "Conforming",
        &format!("{}: {document} to {contract} ({})", outcome.key, comparison.format),
    );
    for judged in &comparison.differences {
        let difference = &judged.difference;
        if let Some(entry) = &judged.accepted {
            labelled(
                out,
                DIM,
                "Accepted",
                &format!("{} {} ({file}:{})", difference.rule.id, difference.document, entry.line),
            );
            continue;
        }
        labelled(out, BAD, "Difference", &format!("{}: {}", difference.rule.id, difference.rule.title));
        labelled(out, Style::new(), "document", &format!("{document}#{}", difference.document.by_pointer()));
        labelled(out, Style::new(), "vendor", &format!("{contract}#{}", difference.vendor.by_pointer()));
        labelled(out, Style::new(), "accept", &format!("with its reason in {file}:"));
        for line in suggested(judged).yaml().lines() {
            let _ = writeln!(out, "{:>12}   {line}", "");
        }
    }
    for entry in &comparison.stale {
        labelled(
            out,
            BAD,
            "Stale",
            &format!(
                "{file}:{}: {} accepts no difference any more (document {}; vendor {}): remove the entry",
                entry.line, entry.rule, entry.document, entry.vendor
            ),
        );
    }
}

fn markdown(outcomes: &[Outcome], summary: &Summary) -> String {
    let mut out = format!("### Conformance to the vendors' contracts\n\n{summary}.\n\n");
    out.push_str("| Endpoint | Rule | Document | Vendor | Verdict |\n|---|---|---|---|---|\n");
    for outcome in outcomes {
        let file = workspace::display(&outcome.conform_file);
        let row = |out: &mut String, rule: &str, document: &str, vendor: &str, verdict: &str| {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                cell(&outcome.key),
                cell(rule),
                document,
                vendor,
                verdict.replace('|', "\\|").replace('\n', " ")
            );
        };
        match &outcome.result {
            Err(error) => row(&mut out, "", "", "", &format!("**failure**: {error}")),
            Ok(Held::NoContract { reason }) => {
                row(&mut out, "", "", "", &format!("no vendor contract: {reason}"));
            }
            Ok(Held::Compared(comparison)) => {
                for judged in &comparison.differences {
                    let difference = &judged.difference;
                    let verdict = judged.accepted.as_ref().map_or_else(
                        || "**new**".to_owned(),
                        |entry| format!("accepted ({file}:{}): {}", entry.line, entry.reason),
                    );
                    row(
                        &mut out,
                        difference.rule.id,
                        &located(&difference.document),
                        &located(&difference.vendor),
                        &verdict,
                    );
                }
                for entry in &comparison.stale {
                    row(
                        &mut out,
                        &entry.rule,
                        &cell(&entry.document.to_string()),
                        &cell(&entry.vendor.to_string()),
                        &format!("**stale** ({file}:{})", entry.line),
                    );
                }
            }
        }
    }
    out
}

/// A cell naming a place: the stable place that entries name, then its JSON pointer.
fn located(place: &super::Place) -> String {
    format!(
        "{} at {}",
        cell(&place.to_string()),
        cell(&format!("#{}", crate::pointer::display(&place.pointer)))
    )
}

/// A table cell: code, with what would end the cell or the code span escaped.
fn cell(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    format!("`{}`", text.replace('|', "\\|").replace('`', "'").replace('\n', " "))
}

fn json(outcomes: &[Outcome], summary: &Summary) -> String {
    let endpoints: Vec<Value> = outcomes.iter().map(endpoint_json).collect();
    let mut text = serde_json::to_string_pretty(&json!({"summary": summary, "endpoints": endpoints}))
        .unwrap_or_default();
    text.push('\n');
    text
}

fn endpoint_json(outcome: &Outcome) -> Value {
    let file = workspace::display(&outcome.conform_file);
    let mut value = json!({"endpoint": outcome.key, "conform_file": file, "passes": outcome.passes()});
    match &outcome.result {
        Err(error) => value["error"] = json!(error),
        Ok(Held::NoContract { reason }) => value["no_contract"] = json!(reason),
        Ok(Held::Compared(comparison)) => {
            value["document"] = json!(workspace::display(&comparison.document));
            value["contract"] = json!(workspace::display(&comparison.contract));
            value["format"] = json!(comparison.format);
            value["url"] = json!(comparison.url);
            let differences: Vec<Value> = comparison
                .differences
                .iter()
                .map(|judged| {
                    let mut value = json!({
                        "rule": judged.difference.rule,
                        "fingerprint": judged.fingerprint(),
                        "document": judged.difference.document,
                        "vendor": judged.difference.vendor,
                        "accepted": judged.accepted.is_some(),
                    });
                    match &judged.accepted {
                        Some(entry) => {
                            value["line"] = json!(entry.line);
                            value["reason"] = json!(entry.reason);
                        }
                        None => value["entry"] = json!(suggested(judged).yaml()),
                    }
                    value
                })
                .collect();
            value["differences"] = json!(differences);
            let stale: Vec<Value> = comparison
                .stale
                .iter()
                .map(|entry| json!({"line": entry.line, "rule": entry.rule, "document": entry.document, "vendor": entry.vendor, "reason": entry.reason}))
                .collect();
            value["stale"] = json!(stale);
        }
    }
    value
}
