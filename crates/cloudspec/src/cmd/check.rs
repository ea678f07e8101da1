//! `cargo xtask check`: compares `spec/` with the code and writes nothing, then lints the
//! documents it built, holds the localized ones to the editorial rules and the stated facts
//! to their citations; a lint or editorial error, or a citation its source does not bear out,
//! fails it as an invalid document does.

use std::io;

use cloudspec_findings::Head;
use cloudspec_findings::render::sink;

use super::{Context, InCheckout, Output, Reported, exit};
use crate::workspace::Workspace;
use crate::{lint, proofread, provenance, report, sync};

/// What `check` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, Default, clap::Args)]
pub struct Options {
    #[command(flatten)]
    pub report: Reported,
}

impl InCheckout for Options {
    fn run_in(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        let resolution = sync::resolve(workspace, context.endpoints);
        let mut findings = lint::documents(&resolution.documents);
        findings.extend(proofread::findings(workspace, &resolution.documents));
        let provenance = provenance::check(workspace, &resolution.documents);
        let mut sink = sink(self.report.format, output.out, output.styles);
        sink.begin(&Head::new("cloudspec check", "Documents"))?;
        let checks = report::check(sink.as_mut(), &resolution.rows)?;
        let lint = lint::report::subjects(sink.as_mut(), &findings)?;
        let sourced = provenance::subjects(sink.as_mut(), &provenance)?;
        let mut tail = checks.tail();
        // For machines only: the line has said them already, on lines of their own.
        let counts = std::mem::take(&mut tail.counts).part("errors", lint.errors).unsaid();
        let counts = counts.part("warnings", lint.warnings).unsaid();
        tail.counts = counts.part("unsourced", provenance.problems.len()).unsaid();
        sink.end(&tail)?;
        Ok(if lint.errors > 0 || !sourced { exit::INVALID } else { checks.exit_code() })
    }
}
