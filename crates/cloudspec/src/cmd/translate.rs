//! `cargo xtask translate`: brings each endpoint's overlay for a locale in step with the
//! English.

use std::fmt::Write as _;

use super::{Report, exit};
use crate::endpoint::Endpoint;
use crate::translate;
use crate::workspace::{self, Workspace};

/// What `translate` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, clap::Args)]
pub struct Options {
    /// The locale, such as zh-CN.
    pub locale: String,
    /// Only these endpoints (operationId or provider/service/OperationId); all by default.
    pub endpoints: Vec<String>,
}

pub fn run(workspace: &Workspace, endpoints: &[&'static Endpoint], options: &Options) -> Report {
    let selected = super::named(endpoints, &options.endpoints).and_then(|named| {
        translate::select(endpoints, &options.locale, named)
            .map_err(|error| Report::error(error, exit::USAGE))
    });
    let selected = match selected {
        Ok(selected) => selected,
        Err(report) => return report,
    };
    let mut report = Report::default();
    let memory = translate::memory(workspace, endpoints, &options.locale);
    for endpoint in selected {
        match translate::refresh(workspace, endpoint, &options.locale, &memory) {
            Ok(refreshed) => {
                let _ = writeln!(
                    report.text,
                    "{:>12} {} ({} to translate)",
                    if refreshed.changed { "Updated" } else { "Unchanged" },
                    workspace::display(&refreshed.path),
                    refreshed.untranslated
                );
            }
            Err(error) => {
                let _ = writeln!(report.errors, "{}: {error}", endpoint.key());
                report.exit_code = exit::INVALID;
            }
        }
    }
    report
}
