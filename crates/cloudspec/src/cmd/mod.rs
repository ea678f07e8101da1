//! One module per command of `cargo xtask`: each takes its parsed options and returns a
//! [`Report`], what to print and the exit code (`validate` and `docs` hand on what they print
//! as they go). `xtask` only parses the command line and prints; `generate` and `check` share
//! one computation, [`crate::sync::resolve`], as dropshot-api-manager's commands do.

pub mod check;
pub mod cite;
pub mod conform;
pub mod diff;
pub mod docs;
pub mod generate;
pub mod lint;
pub mod list;
pub mod new;
pub mod translate;
pub mod validate;

use std::io::{self, Write};
use std::path::PathBuf;

use cloudspec_capture::progress::Progress;
use cloudspec_findings::Styles;

use crate::endpoint::Endpoint;
pub use crate::report::{Report, exit};
use crate::workspace::Workspace;

/// The checkout a command acts on: `root` if given, else the one that holds the current
/// directory. A usage error (exit 2) when there is none, or `root` is no checkout.
pub fn workspace(root: Option<PathBuf>) -> Result<Workspace, Report> {
    match root {
        Some(root) => Workspace::at(root).map_err(|error| Report::error(error, exit::USAGE)),
        None => std::env::current_dir()
            .map_err(|error| format!("cannot tell the current directory: {error}; pass --root"))
            .and_then(|dir| Workspace::discover(&dir).map_err(|error| error.to_string()))
            .map_err(|message| Report::error(message, exit::USAGE)),
    }
}

/// The endpoints `names` name (an operationId, or `provider/service/OperationId`); none when
/// `names` is empty. A name that matches no endpoint, or several, is a usage error.
fn named(endpoints: &[&'static Endpoint], names: &[String]) -> Result<Vec<&'static Endpoint>, Report> {
    names
        .iter()
        .map(|name| {
            crate::contract::resolve(endpoints, name).map_err(|error| Report::error(error, exit::USAGE))
        })
        .collect()
}

/// What every command is run with: the checkout it acts on (found on first use: `list` needs
/// none) and the catalog.
#[derive(Debug)]
pub struct Context {
    /// `--root`, if given.
    pub root: Option<PathBuf>,
    pub endpoints: &'static [&'static Endpoint],
}

/// Where a command writes, and how: `out` for the report, `err` for `error: ...` lines, both
/// unpainted unless `styles` says otherwise, and a progress meter for long reads.
pub struct Output<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub styles: Styles,
    pub progress: &'a mut dyn Progress,
}

impl std::fmt::Debug for Output<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Output").field("styles", &self.styles).finish_non_exhaustive()
    }
}

impl Output<'_> {
    /// A command that cannot run: `error: <message>` on `err`, and `code` to exit with.
    pub fn error(&mut self, message: impl std::fmt::Display, code: u8) -> io::Result<u8> {
        writeln!(self.err, "error: {message}")?;
        Ok(code)
    }
}

/// One command of `cargo xtask`, implemented by its parsed options: it writes what it has to
/// say to `output` as it goes and returns the exit code ([`exit`]); a failed write is an
/// error, never dropped.
pub trait Command {
    fn run(&self, context: &Context, output: &mut Output<'_>) -> io::Result<u8>;
}

impl Context {
    /// The checkout the command acts on; when there is none, `error: ...` on `output` and the
    /// code to exit with.
    pub fn workspace(&self, output: &mut Output<'_>) -> io::Result<Result<Workspace, u8>> {
        match workspace(self.root.clone()) {
            Ok(workspace) => Ok(Ok(workspace)),
            Err(report) => {
                output.err.write_all(report.errors.as_bytes())?;
                Ok(Err(report.exit_code))
            }
        }
    }
}

/// `--format`, as every command takes it: the findings' formats, each with its help.
pub fn format() -> impl clap::builder::TypedValueParser<Value = cloudspec_findings::Format> {
    use clap::builder::TypedValueParser as _;
    use cloudspec_findings::Format;
    let names =
        Format::ALL.map(|format| clap::builder::PossibleValue::new(format.name()).help(format.help()));
    clap::builder::PossibleValuesParser::new(names).try_map(|name| name.parse::<Format>())
}
