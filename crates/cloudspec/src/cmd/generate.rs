//! `cargo xtask generate`: brings `spec/` in step with the code, from the same comparison as
//! `check`.

use std::io;

use cloudspec_findings::Head;
use cloudspec_findings::render::sink;

use super::{Context, InCheckout, Output, Reported};
use crate::workspace::Workspace;
use crate::{report, sync};

/// What `generate` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, Default, clap::Args)]
pub struct Options {
    #[command(flatten)]
    pub report: Reported,
}

impl InCheckout for Options {
    fn run_in(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        let rows = sync::apply(workspace, sync::resolve(workspace, context.endpoints));
        let mut sink = sink(self.report.format, output.out, output.styles);
        sink.begin(&Head::new("cloudspec generate", "Generated documents"))?;
        let (tail, code) = report::generate(sink.as_mut(), &rows)?;
        sink.end(&tail)?;
        Ok(code)
    }
}
