//! `cargo xtask lint`: builds every endpoint's documents (English and each locale's) and
//! holds them to the house rules. A document that cannot be built is an error too.

use std::fmt::Write as _;

use super::{Report, exit};
use crate::endpoint::Endpoint;
use crate::workspace::{self, Workspace};
use crate::{lint, outputs};

pub fn run(workspace: &Workspace, endpoints: &[&'static Endpoint]) -> Report {
    let mut built = Vec::new();
    let mut failures = String::new();
    for outputs in crate::parallel::map(endpoints, |&endpoint| outputs::build(workspace, endpoint)) {
        built.extend(outputs.documents);
        for (path, error) in outputs.failures {
            let _ = writeln!(failures, "{}: cannot build the document: {error}", workspace::display(&path));
        }
    }
    let mut report = lint::report::lint(endpoints.len(), &lint::documents(&built));
    if !failures.is_empty() {
        report.text.insert_str(0, &failures);
        report.exit_code = exit::INVALID;
    }
    report
}
