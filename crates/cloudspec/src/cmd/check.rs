//! `cargo xtask check`: compares `spec/` with the code and writes nothing, then lints the
//! documents it built and holds the localized ones to the editorial rules; a lint or
//! editorial error fails it as an invalid document does.

use super::Report;
use crate::endpoint::Endpoint;
use crate::workspace::Workspace;
use crate::{lint, proofread, report, sync};

pub fn run(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Report {
    let resolution = sync::resolve(workspace, endpoints);
    let mut findings = lint::documents(&resolution.documents);
    findings.extend(proofread::findings(workspace, &resolution.documents));
    lint::report::with_check(report::check(&resolution.rows), &findings)
}
