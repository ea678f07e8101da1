//! `cargo xtask cite [NAME...]`: the stated facts of each endpoint's document that no
//! citation covers, written as the entries of a citations file, each with its value and a
//! citation still to write; and which file it belongs in. `check` fails on what is wrong
//! with a citation; this lists what is missing.

use std::io;

use super::{Context, InCheckout, Output, exit};
use crate::citations;
use crate::provenance;
use crate::workspace::{self, Workspace};
use crate::{outputs, paths};

/// What a citation still to be written says, so that no such entry can pass: `check` refuses
/// a judgement this short.
pub(crate) const TO_WRITE: &str = "TODO(cite)";

/// What `cite` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, Default, clap::Args)]
pub struct Options {
    /// The endpoints (an operationId, or provider/service/OperationId); every one if none.
    pub names: Vec<String>,
}

impl InCheckout for Options {
    fn run_in(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        let Some(chosen) = context.named(&self.names, output)? else { return Ok(exit::USAGE) };
        let chosen = if chosen.is_empty() { context.endpoints.to_vec() } else { chosen };
        let mut code = exit::OK;
        let mut documents = Vec::new();
        for &endpoint in &chosen {
            let built = outputs::build(workspace, endpoint);
            for (path, error) in built.failures {
                let message = format!("{}: cannot build the document: {error}", workspace::display(&path));
                code = output.error(message, exit::INVALID)?;
            }
            documents.extend(
                built.documents.into_iter().filter(|document| document.path == paths::document(endpoint)),
            );
        }
        let provenance = provenance::check(workspace, &documents);
        for (outcome, document) in provenance.outcomes.iter().zip(&documents) {
            let [file, ..] = citations::files_of(document.endpoint);
            writeln!(
                output.out,
                "# {}: {} of {} facts uncited; cite them in {} (or its service's or provider's file)",
                workspace::display(&outcome.document),
                outcome.facts.len() - outcome.cited(),
                outcome.facts.len(),
                workspace::display(&file)
            )?;
            for fact in outcome.uncited() {
                let value = fact.value.to_string();
                let value: String = value.chars().take(100).collect();
                writeln!(
                    output.out,
                    "- at: {}\n  # {}: {value}\n  cite:\n  - judgement: {TO_WRITE}",
                    fact.place, fact.kind
                )?;
            }
        }
        output.out.flush()?;
        for problem in &provenance.problems {
            code = output.error(problem, exit::INVALID)?;
        }
        Ok(code)
    }
}
