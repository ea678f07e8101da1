//! One module per command of `cargo xtask`: each takes its parsed options and returns a
//! [`Report`], what to print and the exit code (`validate` and `docs` hand on what they print
//! as they go). `xtask` only parses the command line and prints; `generate` and `check` share
//! one computation, [`crate::sync::resolve`], as dropshot-api-manager's commands do.

pub mod check;
pub mod cite;
pub mod conform;
pub mod diff;
pub mod docs;
pub mod generate;
pub mod lint;
pub mod list;
pub mod translate;
pub mod validate;

use std::path::PathBuf;

use crate::endpoint::Endpoint;
pub use crate::report::{Report, exit};
use crate::workspace::Workspace;

/// The checkout a command acts on: `root` if given, else the one that holds the current
/// directory. A usage error (exit 2) when there is none.
pub fn workspace(root: Option<PathBuf>) -> Result<Workspace, Report> {
    match root {
        Some(root) => Ok(Workspace::new(root)),
        None => std::env::current_dir()
            .map_err(|error| format!("cannot tell the current directory: {error}; pass --root"))
            .and_then(|dir| Workspace::discover(&dir).map_err(|error| error.to_string()))
            .map_err(|message| Report::error(message, exit::USAGE)),
    }
}

/// The endpoints `names` name (an operationId, or `provider/service/OperationId`); none when
/// `names` is empty. A name that matches no endpoint, or several, is a usage error.
fn named(endpoints: &[&'static Endpoint], names: &[String]) -> Result<Vec<&'static Endpoint>, Report> {
    names
        .iter()
        .map(|name| {
            crate::contract::resolve(endpoints, name).map_err(|error| Report::error(error, exit::USAGE))
        })
        .collect()
}
