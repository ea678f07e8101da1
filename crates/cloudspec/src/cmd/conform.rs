//! `cargo xtask conform`: holds every document under `spec/` against its vendor's
//! machine-readable contract, or (`--refresh`) downloads the current contracts.

use std::io;

use cloudspec_findings::{Format, render};

use super::{Context, InCheckout, Output, exit};
use crate::conform::{self, Draft, Held};
use crate::workspace::Workspace;

/// What `conform` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, clap::Args)]
pub struct Options {
    /// Only these endpoints (operationId or provider/service/OperationId); all by default.
    pub operations: Vec<String>,
    #[arg(long, value_parser = super::format(), default_value = "text")]
    pub format: Format,
    /// Download the vendors' current contracts into contracts/ instead (needs the network).
    #[arg(long)]
    pub refresh: bool,
    /// Write an entry for every difference no entry accepts, each with REASON (a TODO to
    /// replace by default, which conform refuses until it is replaced).
    #[arg(
        long,
        value_name = "REASON",
        num_args = 0..=1,
        default_missing_value = TODO_REASON,
        conflicts_with = "refresh"
    )]
    pub accept_all: Option<String>,
}

/// The reason `--accept-all` writes when given none.
const TODO_REASON: &str = "TODO(conform): why the document is right to differ";

impl InCheckout for Options {
    fn run_in(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        let Some(endpoints) = context.chosen(&self.operations, output)? else { return Ok(exit::USAGE) };
        let endpoints = endpoints.as_slice();
        let mut sink = render::sink(self.format, output.out, output.styles);
        if self.refresh {
            return match conform::refresh::refresh(workspace, endpoints) {
                Ok(refreshed) => {
                    conform::refresh::write(&refreshed, sink.as_mut())?;
                    Ok(conform::refresh::exit_code(&refreshed))
                }
                Err(error) => {
                    drop(sink);
                    output.error(error, exit::INVALID)
                }
            };
        }
        let mut outcomes = conform::run(workspace, endpoints);
        if let Some(reason) = &self.accept_all {
            if let Err(error) = accept_all(workspace, &outcomes, reason) {
                drop(sink);
                return output.error(error, exit::INVALID);
            }
            // Held again: an entry whose reason is still to write fails, naming its line.
            outcomes = conform::run(workspace, endpoints);
        }
        conform::report::write(&outcomes, sink.as_mut())?;
        Ok(conform::report::exit_code(&outcomes))
    }
}

/// Appends an entry with `reason` for each difference no entry accepts.
fn accept_all(
    workspace: &Workspace,
    outcomes: &[conform::Outcome],
    reason: &str,
) -> Result<(), conform::Error> {
    for outcome in outcomes {
        let Ok(Held::Compared(comparison)) = &outcome.result else { continue };
        let entries: Vec<Draft> = comparison
            .differences
            .iter()
            .filter(|judged| judged.accepted.is_none())
            .map(|judged| Draft::of(&judged.difference, reason))
            .collect();
        conform::accepted::append(workspace, &outcome.conform_file, &entries)?;
    }
    Ok(())
}
