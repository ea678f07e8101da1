//! `cargo xtask cite [NAME...]`: the stated facts of each endpoint's document that no
//! citation covers, each with the entry of a citations file to fill in, and which file it
//! belongs in. `check` fails on what is wrong with a citation; this lists what is missing.
//!
//! A subject an endpoint's document, with how many of its facts are uncited; each uncited
//! fact a finding of [`rules::UNCITED_FACT`] at its place, whose `entry` detail is the entry
//! to paste; then what else is wrong with the citations, as `check` reports it.

use std::io;

use serde_json::json;

use cloudspec_findings::render::sink;
use cloudspec_findings::{Counts, Detail, Finding, Head, Status, Subject, Tail, Tone};

use super::{Context, InCheckout, Output, Reported, exit};
use crate::provenance::{self, Fact, Outcome, rules};
use crate::workspace::{self, Workspace};
use crate::{citations, outputs, paths};

/// What a citation still to be written says, so that no such entry can pass: `check` refuses
/// a judgement this short.
pub(crate) const TO_WRITE: &str = "TODO(cite)";

/// What `cite` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, Default, clap::Args)]
pub struct Options {
    /// The endpoints (an operationId, or provider/service/OperationId); every one if none.
    pub names: Vec<String>,
    #[command(flatten)]
    pub report: Reported,
}

impl InCheckout for Options {
    fn run_in(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        let Some(chosen) = context.chosen(&self.names, output)? else { return Ok(exit::USAGE) };
        let mut failures = Vec::new();
        let mut documents = Vec::new();
        for &endpoint in &chosen {
            let built = outputs::build(workspace, endpoint);
            failures.extend(built.failures.into_iter().map(|(path, error)| {
                format!("{}: cannot build the document: {error}", workspace::display(&path))
            }));
            documents.extend(
                built.documents.into_iter().filter(|document| document.path == paths::document(endpoint)),
            );
        }
        let provenance = provenance::check(workspace, &documents);
        let mut sink = sink(self.report.format, output.out, output.styles);
        sink.begin(&Head::new("cloudspec cite", "Uncited facts"))?;
        for (outcome, document) in provenance.outcomes.iter().zip(&documents) {
            let [file, ..] = citations::files_of(document.endpoint);
            let (subject, findings) = subject(outcome, &workspace::display(&file));
            sink.subject(&subject, &findings)?;
        }
        let miscited = provenance.miscited();
        provenance::problems(sink.as_mut(), miscited.iter().copied())?;
        sink.end(&tail(&provenance.outcomes, miscited.len()))?;
        drop(sink);
        let mut code = if provenance.passes() { exit::OK } else { exit::INVALID };
        for failure in failures {
            code = output.error(failure, exit::INVALID)?;
        }
        Ok(code)
    }
}

/// A document's subject, which fails while a fact is uncited, and a finding an uncited fact;
/// `file` is the citations file its entries belong in.
fn subject(outcome: &Outcome, file: &str) -> (Subject, Vec<Finding>) {
    let document = workspace::display(&outcome.document);
    let uncited = outcome.facts.len() - outcome.cited();
    let detail = match uncited {
        0 => format!(": all {} facts cited", outcome.facts.len()),
        _ => format!(
            ": {uncited} of {} facts uncited; cite them in {file} (or its service's or provider's file)",
            outcome.facts.len()
        ),
    };
    let tone = if uncited == 0 { Tone::Good } else { Tone::Bad };
    let mut subject = Subject::new(&document).status(Status::new("Cited", tone, uncited > 0).detail(detail));
    subject.data.insert("facts".into(), json!(outcome.facts.len()));
    subject.data.insert("uncited".into(), json!(uncited));
    subject.data.insert("citations".into(), json!(file));
    let findings = outcome.uncited().map(|fact| finding(&document, fact)).collect();
    (subject, findings)
}

/// An uncited fact, with the entry of a citations file that would cite it.
fn finding(document: &str, fact: &Fact) -> Finding {
    let value: String = fact.value.to_string().chars().take(100).collect();
    let entry =
        format!("- at: {}\n  # {}: {value}\n  cite:\n  - judgement: {TO_WRITE}", fact.place, fact.kind);
    let rule = rules::UNCITED_FACT;
    Finding::new(rule.id, rule.level, "Uncited", document, format!("{} = {value} names no source", fact.kind))
        .at(fact.place.clone())
        .detail(Detail::new("entry", "", entry))
}

/// The counts: documents, facts, uncited, and the other problems.
fn tail(outcomes: &[Outcome], miscited: usize) -> Tail {
    let facts: usize = outcomes.iter().map(|outcome| outcome.facts.len()).sum();
    let cited: usize = outcomes.iter().map(Outcome::cited).sum();
    let counts = Counts::new()
        .head("documents", outcomes.len())
        .noun("document", "documents")
        .head("facts", facts)
        .noun("fact", "facts")
        .part("cited", cited)
        .part("uncited", facts - cited)
        .head("problems", miscited)
        .noun("other problem with the citations", "other problems with the citations");
    Tail { counts, ..Tail::default() }
}
