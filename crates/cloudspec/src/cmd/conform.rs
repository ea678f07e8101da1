//! `cargo xtask conform`: holds every document under `spec/` against its vendor's
//! machine-readable contract, or (`--refresh`) downloads the current contracts.

use super::{Report, exit};
use crate::conform::{self, Format};
use crate::endpoint::Endpoint;
use crate::workspace::Workspace;

/// What `conform` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, clap::Args)]
pub struct Options {
    /// Only these endpoints (operationId or provider/service/OperationId); all by default.
    pub operations: Vec<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Download the vendors' current contracts into contracts/ instead (needs the network).
    #[arg(long, conflicts_with = "format")]
    pub refresh: bool,
    /// Write an entry for every difference no entry accepts, each with REASON (a TODO to
    /// replace by default, which conform refuses until it is replaced).
    #[arg(long, value_name = "REASON", num_args = 0..=1, default_missing_value = TODO_REASON, conflicts_with = "refresh")]
    pub accept_all: Option<String>,
}

/// The reason `--accept-all` writes when given none.
const TODO_REASON: &str = "TODO(conform): why the document is right to differ";

pub fn run(workspace: &Workspace, endpoints: &[&'static Endpoint], options: &Options) -> Report {
    let named = match super::named(endpoints, &options.operations) {
        Ok(named) => named,
        Err(report) => return report,
    };
    let endpoints = if named.is_empty() { endpoints } else { &named };
    if options.refresh {
        return match conform::refresh::refresh(workspace, endpoints) {
            Ok(refreshed) => conform::refresh::report(&refreshed),
            Err(error) => Report::error(error, exit::INVALID),
        };
    }
    let outcomes = conform::run(workspace, endpoints);
    if let Some(reason) = &options.accept_all {
        for outcome in &outcomes {
            let Ok(conform::Held::Compared(comparison)) = &outcome.result else { continue };
            let entries: Vec<conform::Entry> = comparison
                .differences
                .iter()
                .filter(|judged| judged.accepted.is_none())
                .map(|judged| conform::Entry::of(&judged.difference, reason))
                .collect();
            if let Err(error) = conform::accepted::append(workspace, &outcome.conform_file, &entries) {
                return Report::error(error, exit::INVALID);
            }
        }
        // Held again: an entry whose reason is still to write fails, naming its line.
        return conform::render::report(&conform::run(workspace, endpoints), options.format);
    }
    conform::render::report(&outcomes, options.format)
}
