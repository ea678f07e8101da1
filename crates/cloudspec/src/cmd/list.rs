//! `cargo xtask list`: every endpoint of the catalog, its method, path and document; and the
//! README's table of endpoints, generated from the same descriptors. Reads no files.

use std::fmt::Write as _;

use super::{Report, exit};
use crate::document;
use crate::endpoint::Endpoint;
use crate::{paths, workspace};

pub fn run(endpoints: &[&'static Endpoint]) -> Report {
    let mut report = Report::default();
    for &endpoint in endpoints {
        match document::summary(endpoint) {
            Ok(summary) => {
                let _ = writeln!(
                    report.text,
                    "{:<40} {:<6} {:<55} {}{}",
                    endpoint.key(),
                    summary.method.to_uppercase(),
                    summary.path,
                    workspace::display(&paths::document(endpoint)),
                    if summary.deprecated { "  (deprecated)" } else { "" }
                );
            }
            Err(error) => {
                let _ = writeln!(report.errors, "{}: {error}", endpoint.key());
                report.exit_code = exit::INVALID;
                return report;
            }
        }
    }
    report
}
