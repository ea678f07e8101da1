//! `cargo xtask check`: compares `spec/` with the code and writes nothing, then lints the
//! documents it built; a lint error fails it as an invalid document does.

use super::Report;
use crate::endpoint::Endpoint;
use crate::workspace::Workspace;
use crate::{lint, report, sync};

pub fn run(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Report {
    let resolution = sync::resolve(workspace, endpoints);
    lint::report::with_check(report::check(&resolution.rows), &lint::documents(&resolution.documents))
}
