//! `cargo xtask check`: compares `spec/` with the code and writes nothing, then lints the
//! documents it built, holds the localized ones to the editorial rules and the stated facts
//! to their citations; a lint or editorial error, or a citation its source does not bear out,
//! fails it as an invalid document does.

use super::Report;
use crate::endpoint::Endpoint;
use crate::workspace::Workspace;
use crate::{lint, proofread, provenance, report, sync};

pub fn run(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Report {
    let resolution = sync::resolve(workspace, endpoints);
    let mut findings = lint::documents(&resolution.documents);
    findings.extend(proofread::findings(workspace, &resolution.documents));
    let checked = lint::report::with_check(report::check(&resolution.rows), &findings);
    let provenance = provenance::report(&provenance::check(workspace, &resolution.documents));
    checked.then(&provenance)
}
