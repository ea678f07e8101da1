//! `cargo xtask diff`: classifies every change of the documents since a git revision.

use std::io;
use std::path::PathBuf;

use cloudspec_diff::Date;
use cloudspec_findings::{Format, render};

use super::{Context, InCheckout, Output, exit};
use crate::diff::{self, Sides};
use crate::workspace::Workspace;

/// What `cargo xtask diff` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, clap::Args)]
pub struct Options {
    /// The revision to compare with [default: the merge base of HEAD and main].
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,
    /// Read the new documents from this directory instead of generating them from the working tree.
    #[arg(long = "after", value_name = "DIR")]
    pub after_dir: Option<PathBuf>,
    #[arg(long, value_parser = super::format(), default_value = "text")]
    pub format: Format,
    /// Exit 0 even when a change is breaking.
    #[arg(long)]
    pub allow_breaking: bool,
    /// The accepted breaking changes [default: .cloudspec/diff-accepted.yaml, if it exists].
    #[arg(long, value_name = "FILE")]
    pub accepted: Option<PathBuf>,
    /// Judge `x-sunset` dates as on this day (YYYY-MM-DD) [default: today, in UTC].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<Date>,
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| format!("{text:?} is not a date: expected YYYY-MM-DD"))
}

impl InCheckout for Options {
    fn run_in(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        let sides = Sides {
            base: self.base.clone(),
            after_dir: self.after_dir.clone(),
            accepted: self.accepted.clone(),
        };
        let today = self.today.unwrap_or_else(Date::today);
        match diff::run(workspace, context.endpoints, &sides, today) {
            Ok(found) => {
                let mut sink = render::sink(self.format, output.out, output.styles);
                cloudspec_diff::report::write(&found, sink.as_mut())?;
                Ok(diff::exit_code(&found, self.allow_breaking))
            }
            Err(error) => output.error(&error, if error.is_usage() { exit::USAGE } else { exit::INVALID }),
        }
    }
}
