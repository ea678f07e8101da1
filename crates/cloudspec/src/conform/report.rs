//! What `conform` reports, in the findings' one shape: a subject per endpoint (Conforming, No
//! contract or Failure), a finding per difference with both sides and, where no entry accepts
//! it, the entry that would, to paste into the endpoint's `.conform.yaml` with its reason;
//! the stale entries and the counts at the end. Any format of
//! [`cloudspec_findings::render`] prints it.

use std::io;

use cloudspec_findings::render::Sink;
use cloudspec_findings::{Counts, Detail, Finding, Head, Level, Status, Subject, Tail, Tone};
use serde_json::json;

use super::accepted::{Draft, Entry, REASON_TO_WRITE};
use super::{Comparison, Held, Judged, Outcome, Place};
use crate::exit;
use crate::workspace;

/// Writes the report of `outcomes` to `sink`.
pub fn write(outcomes: &[Outcome], sink: &mut dyn Sink) -> io::Result<()> {
    sink.begin(&Head::new("cloudspec conform", "Conformance to the vendors' contracts"))?;
    let mut stale = Vec::new();
    for outcome in outcomes {
        let file = workspace::display(&outcome.conform_file);
        let (status, note) = match &outcome.result {
            Err(error) => (Status::new("Failure", Tone::Bad, true), error.to_string()),
            Ok(Held::NoContract { reason }) => {
                (Status::new("No contract", Tone::Note, false), format!("{reason} ({file})"))
            }
            Ok(Held::Compared(comparison)) => {
                let note = format!(
                    "{} to {} ({})",
                    workspace::display(&comparison.document),
                    workspace::display(&comparison.contract),
                    comparison.format
                );
                (verdict(comparison), note)
            }
        };
        let subject = Subject { notes: vec![note], ..Subject::new(outcome.key.clone()).status(status) };
        sink.open(&subject)?;
        if let Ok(Held::Compared(comparison)) = &outcome.result {
            for judged in &comparison.differences {
                sink.finding(&finding(judged, comparison, &file))?;
            }
            stale.extend(comparison.stale.iter().map(|entry| entry.stale(&named(entry))));
        }
        sink.close(&subject)?;
    }
    sink.end(&Tail { counts: counts(outcomes, stale.len()), stale, ..Tail::default() })
}

/// The endpoints by what became of them, and the differences by whether an entry accepts them.
fn counts(outcomes: &[Outcome], stale: usize) -> Counts {
    let compared: Vec<&Comparison> = outcomes
        .iter()
        .filter_map(|outcome| match &outcome.result {
            Ok(Held::Compared(comparison)) => Some(comparison),
            _ => None,
        })
        .collect();
    let judged = compared.iter().flat_map(|comparison| &comparison.differences);
    let (differences, accepted) = (judged.clone().count(), judged.filter(|j| j.accepted.is_some()).count());
    let without_contract =
        outcomes.iter().filter(|outcome| matches!(outcome.result, Ok(Held::NoContract { .. }))).count();
    let failed = outcomes.iter().filter(|outcome| outcome.result.is_err()).count();
    Counts::new()
        .head("endpoints", outcomes.len())
        .part("compared", compared.len())
        .part("without_contract", without_contract)
        .says("without a vendor contract")
        .part("failed", failed)
        .head("differences", differences)
        .part("accepted", accepted)
        .part("new", differences - accepted)
        .head("stale", stale)
        .says("stale entries")
}

/// A compared endpoint's verdict: it differs while a difference is not accepted, is stale
/// while an entry accepts none, and conforms otherwise.
fn verdict(comparison: &Comparison) -> Status {
    if comparison.differences.iter().any(|judged| judged.accepted.is_none()) {
        Status::new("Differs", Tone::Bad, true)
    } else if !comparison.stale.is_empty() {
        Status::new("Stale", Tone::Bad, true)
    } else {
        Status::new("Conforming", Tone::Good, false)
    }
}

/// The exit code: [`exit::INVALID`] unless every endpoint passes.
pub fn exit_code(outcomes: &[Outcome]) -> u8 {
    if outcomes.iter().all(Outcome::passes) { exit::OK } else { exit::INVALID }
}

/// The entry that would accept the difference, waiting for its reason.
pub(crate) fn suggested(judged: &Judged) -> Draft {
    Draft::of(&judged.difference, &format!("{REASON_TO_WRITE} why the document is right to differ"))
}

/// A difference, at its place in the document, with the vendor's side and the entry that
/// accepts it or would.
fn finding(judged: &Judged, comparison: &Comparison, file: &str) -> Finding {
    let difference = &judged.difference;
    let document = workspace::display(&comparison.document);
    let vendor = format!("{}#{}", workspace::display(&comparison.contract), difference.vendor.by_pointer());
    let mut finding =
        Finding::new(difference.rule.id, Level::Error, "Difference", document, difference.rule.summary)
            .at(difference.document.pointer.clone())
            .line(judged.line, None)
            .fingerprint(judged.fingerprint())
            .detail(side("document", difference.document.to_string(), &difference.document))
            .detail(side("vendor", vendor, &difference.vendor));
    if let Some(entry) = &judged.accepted {
        finding.accepted = Some(format!("{} ({file}:{})", entry.reason, entry.line));
        return finding;
    }
    let entry = format!("with its reason in {file}:\n{}", suggested(judged).yaml());
    finding.detail(Detail::new("accept", "accept ", entry))
}

/// One side of a difference, shown as `text`; JSON carries its place, pointer and value.
fn side(name: &'static str, text: String, place: &Place) -> Detail {
    Detail::new(name, format!("{name}: "), text).value(json!(place))
}

/// What names a stale entry: its rule and both places.
fn named(entry: &Entry) -> String {
    let key = &entry.key;
    format!("{} (document {}; vendor {})", key.rule, key.document, key.vendor)
}
