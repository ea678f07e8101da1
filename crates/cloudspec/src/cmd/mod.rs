//! One module per command of `cargo xtask`: each command's parsed options implement
//! [`Command`], writing the report to an [`Output`] as it goes and returning the exit code.
//! `xtask` only parses the command line, builds the [`Context`] and the [`Output`], and exits
//! with the code; `generate` and `check` share one computation, [`crate::sync::resolve`], as
//! dropshot-api-manager's commands do.

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

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser as _};
use cloudspec_capture::progress::Progress;
use cloudspec_findings::{Format, Styles};

use cloudspec_endpoint::Endpoint;

pub use crate::exit;
use crate::workspace::Workspace;

/// What every command is run with: the checkout it acts on (found on first use: `list` needs
/// none) and the catalog.
#[derive(Debug)]
pub struct Context {
    /// `--root`, if given.
    pub root: Option<PathBuf>,
    pub endpoints: &'static [&'static Endpoint],
}

impl Context {
    /// The checkout: `--root` if given, else the one that holds the current directory. When
    /// there is none, or `--root` names no checkout, the `error:` line is written and the code
    /// to exit with returned: a usage error ([`exit::USAGE`]).
    pub fn workspace(&self, output: &mut Output<'_>) -> io::Result<Result<Workspace, u8>> {
        let found = match &self.root {
            Some(root) => Workspace::at(root.clone()).map_err(|error| error.to_string()),
            None => std::env::current_dir()
                .map_err(|error| format!("cannot tell the current directory: {error}; pass --root"))
                .and_then(|dir| Workspace::discover(&dir).map_err(|error| error.to_string())),
        };
        match found {
            Ok(workspace) => Ok(Ok(workspace)),
            Err(message) => output.error(message, exit::USAGE).map(Err),
        }
    }

    /// The endpoints `names` name (an operationId, or `provider/service/OperationId`); none
    /// when `names` is empty. A name that matches no endpoint, or several, is a usage error:
    /// written, and `None` returned.
    pub fn named(
        &self,
        names: &[String],
        output: &mut Output<'_>,
    ) -> io::Result<Option<Vec<&'static Endpoint>>> {
        let mut chosen = Vec::new();
        for name in names {
            match crate::published::resolve(self.endpoints, name) {
                Ok(endpoint) => chosen.push(endpoint),
                Err(error) => return output.error(error, exit::USAGE).map(|_| None),
            }
        }
        Ok(Some(chosen))
    }

    /// [`Context::named`], where no name means every endpoint of the catalog.
    pub(crate) fn chosen(
        &self,
        names: &[String],
        output: &mut Output<'_>,
    ) -> io::Result<Option<Vec<&'static Endpoint>>> {
        let found = self.named(names, output)?;
        Ok(found.map(|found| if found.is_empty() { self.endpoints.to_vec() } else { found }))
    }
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

/// A command that acts on a checkout (every one but `list`): it is run once the checkout is
/// found; when there is none, the usage error is written and the command is not run.
pub(crate) trait InCheckout {
    fn run_in(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8>;
}

impl<T: InCheckout> Command for T {
    fn run(&self, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        match context.workspace(output)? {
            Ok(workspace) => self.run_in(&workspace, context, output),
            Err(code) => Ok(code),
        }
    }
}

/// `--format`, as every command that reports takes it: the findings core's five formats, each
/// with its `--help` line.
pub fn format() -> impl clap::builder::TypedValueParser<Value = Format> {
    let values = Format::ALL.map(|format| PossibleValue::new(format.name()).help(format.help()));
    PossibleValuesParser::new(values).try_map(|name| name.parse::<Format>())
}

/// The `--format` option, as the commands that report flatten it into their options.
#[derive(Clone, Copy, Debug, Default, clap::Args)]
pub struct Reported {
    /// How to print the report.
    #[arg(long, default_value = "text", value_parser = format())]
    pub format: Format,
}
