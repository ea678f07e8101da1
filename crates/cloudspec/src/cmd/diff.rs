//! `cargo xtask diff`: classifies every change of the documents since a git revision.

pub use crate::diff::Options;

use super::{Report, exit};
use crate::endpoint::Endpoint;
use crate::workspace::Workspace;

pub fn run(workspace: &Workspace, endpoints: &[&'static Endpoint], options: &Options) -> Report {
    crate::diff::run(workspace, endpoints, options).unwrap_or_else(|error| {
        Report::error(&error, if error.is_usage() { exit::USAGE } else { exit::INVALID })
    })
}
