//! `cargo xtask check`: compares `spec/` with the code and writes nothing, then lints the
//! documents it built and holds their stated facts to their citations; a lint error or a
//! citation its source does not bear out fails it as an invalid document does.

use super::Report;
use crate::endpoint::Endpoint;
use crate::workspace::Workspace;
use crate::{lint, provenance, report, sync};

pub fn run(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Report {
    let resolution = sync::resolve(workspace, endpoints);
    let checked =
        lint::report::with_check(report::check(&resolution.rows), &lint::documents(&resolution.documents));
    let provenance = provenance::report(&provenance::check(workspace, &resolution.documents));
    checked.then(provenance)
}
