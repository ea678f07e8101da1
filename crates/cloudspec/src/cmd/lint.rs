//! `cargo xtask lint`: builds every endpoint's documents (English and each locale's) and
//! holds them to the house rules. A document that cannot be built is an error too.

use std::io;

use super::{Context, InCheckout, Output, Reported};
use crate::workspace::{self, Workspace};
use crate::{lint, outputs};

/// What `lint` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, Default, clap::Args)]
pub struct Options {
    #[command(flatten)]
    pub report: Reported,
}

impl InCheckout for Options {
    fn run_in(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        let mut built = Vec::new();
        let mut failures = Vec::new();
        let endpoints = context.endpoints;
        let captures = outputs::captures(workspace);
        let each = cloudspec_parallel::map(endpoints, |&endpoint| {
            outputs::build_with(workspace, &captures, endpoint)
        });
        for outputs in each {
            built.extend(outputs.documents);
            failures.extend(
                outputs
                    .failures
                    .into_iter()
                    .map(|(path, error)| (workspace::display(&path), error.to_string())),
            );
        }
        let findings = lint::documents(&built);
        let documents = context.endpoints.len();
        lint::report::lint(output.out, self.report.format, output.styles, documents, &failures, &findings)
    }
}
