//! `cargo xtask cite [NAME...]`: the stated facts of each endpoint's document that no
//! citation covers, written as the entries of a citations file, each with its value and a
//! citation still to write; and which file it belongs in. `check` fails on what is wrong
//! with a citation; this lists what is missing.

use std::fmt::Write as _;

use super::{Report, exit};
use crate::citations;
use crate::endpoint::Endpoint;
use crate::provenance;
use crate::workspace::{self, Workspace};
use crate::{outputs, paths};

/// What a citation still to be written says, so that no such entry can pass: `check` refuses
/// a judgement this short.
pub const TO_WRITE: &str = "TODO(cite)";

#[derive(Debug, Default, clap::Args)]
pub struct Options {
    /// The endpoints (an operationId, or provider/service/OperationId); every one if none.
    pub names: Vec<String>,
}

pub fn run(workspace: &Workspace, endpoints: &[&'static Endpoint], options: &Options) -> Report {
    let chosen = match super::named(endpoints, &options.names) {
        Ok(chosen) if chosen.is_empty() => endpoints.to_vec(),
        Ok(chosen) => chosen,
        Err(report) => return report,
    };
    let mut report = Report::default();
    let mut documents = Vec::new();
    for &endpoint in &chosen {
        let built = outputs::build(workspace, endpoint);
        for (path, error) in built.failures {
            let _ =
                writeln!(report.errors, "{}: cannot build the document: {error}", workspace::display(&path));
            report.exit_code = exit::INVALID;
        }
        documents.extend(
            built.documents.into_iter().filter(|document| document.path == paths::document(endpoint)),
        );
    }
    let provenance = provenance::check(workspace, &documents);
    for (outcome, document) in provenance.outcomes.iter().zip(&documents) {
        let [file, ..] = citations::files_of(document.endpoint);
        let _ = writeln!(
            report.text,
            "# {}: {} of {} facts uncited; cite them in {} (or its service's or provider's file)",
            workspace::display(&outcome.document),
            outcome.facts.len() - outcome.cited(),
            outcome.facts.len(),
            workspace::display(&file)
        );
        for fact in outcome.uncited() {
            let value = fact.value.to_string();
            let value: String = value.chars().take(100).collect();
            let _ = writeln!(
                report.text,
                "- at: {}\n  # {}: {value}\n  cite:\n  - judgement: {TO_WRITE}",
                fact.place, fact.kind
            );
        }
    }
    for problem in &provenance.problems {
        let _ = writeln!(report.errors, "error: {problem}");
        report.exit_code = exit::INVALID;
    }
    report
}
