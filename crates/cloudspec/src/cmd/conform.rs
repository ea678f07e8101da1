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
}

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
    conform::render::report(&conform::run(workspace, endpoints), options.format)
}
