//! `cargo xtask`: parses the command line, builds the [`Context`] and the [`Output`], runs the
//! pipeline's command (`cloudspec::cmd`) and exits with its code.

use std::io::{self, IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use cloudspec::cmd::{self, Context, Output};
use cloudspec::exit;
use cloudspec_capture::progress::{Meter, Progress, Silent};
use cloudspec_catalog::ENDPOINTS;
use cloudspec_findings::Styles;

/// What `--help` ends with: the exit codes (from their one source) and the colour rule.
fn after_help() -> String {
    format!("{}\nColour is used only on a terminal, and never when NO_COLOR is set.", exit::help())
}

/// Generate and check the OpenAPI documents under spec/ from cloudspec's Rust types.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask", after_help = after_help())]
struct Cli {
    /// The workspace root that holds spec/ and tests/fixtures/ [default: the checkout that
    /// holds the current directory].
    #[arg(long, global = true)]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List every endpoint in the catalog and the document it generates (reads no files).
    List(cmd::list::Options),
    /// Write every document under spec/ that differs from the code; remove orphans cloudspec wrote.
    Generate(cmd::generate::Options),
    /// Compare spec/ with the code and report each document Fresh, Stale, Missing, Orphaned or
    /// Failure, then lint it and check the citations of its stated facts; write nothing.
    Check(cmd::check::Options),
    /// List the stated facts of each document that no citation covers, as entries of a citations file.
    Cite(cmd::cite::Options),
    /// Build the static reference site (an index, and a page per endpoint and locale) from spec/.
    Docs(cmd::docs::Options),
    /// Bring each endpoint's overlay for LOCALE in step with the English: keep current
    /// translations, add `TODO(translate): ` entries for new or changed English.
    Translate(cmd::translate::Options),
    /// Classify every change of the documents since a git revision: breaking, potentially
    /// breaking, non-breaking or docs only.
    Diff(cmd::diff::Options),
    /// Hold every document under spec/ against its vendor's machine-readable contract: fail on
    /// a difference no entry of the endpoint's .conform.yaml accepts, or on a stale entry.
    Conform(cmd::conform::Options),
    /// Write a new endpoint from its vendor's contract: module, service and catalog entries,
    /// citations, conform file, request, fixture and zh-CN overlay.
    New(cmd::new::Options),
    /// Check every document against the house rules (operationIds, descriptions, wire names, byte limits...).
    Lint(cmd::lint::Options),
    /// Check captured response bodies against the schema the document under spec/ declares,
    /// including x-max-bytes limits, or whole captured sessions (--har), request and response;
    /// report every violation with its line and column.
    Validate(cmd::validate::Options),
}

/// The exit status of a process a closed pipe would have killed (128 + SIGPIPE), as shells
/// show it: `cargo xtask check | head` stops quietly, as `cat` does.
const BROKEN_PIPE: u8 = 128 + 13;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let shown = error.print();
            let code = if error.use_stderr() { exit::USAGE } else { exit::OK };
            return ExitCode::from(if shown.is_err() { exit::WRITE } else { code });
        }
    };
    let context = Context { root: cli.root, endpoints: ENDPOINTS };
    let terminal = io::stdout().is_terminal();
    let styles =
        if terminal && std::env::var_os("NO_COLOR").is_none() { Styles::ANSI } else { Styles::PLAIN };
    // A progress line only on a terminal, on standard error.
    let mut progress: Box<dyn Progress> =
        if io::stderr().is_terminal() { Box::new(Meter::new(io::stderr())) } else { Box::new(Silent) };
    let (stdout, stderr) = (io::stdout(), io::stderr());
    let (mut out, mut err) = (io::BufWriter::new(stdout.lock()), stderr.lock());
    let mut output = Output { out: &mut out, err: &mut err, styles, progress: progress.as_mut() };
    let command: &dyn cmd::Command = match &cli.command {
        Command::List(options) => options,
        Command::Generate(options) => options,
        Command::Check(options) => options,
        Command::Cite(options) => options,
        Command::Docs(options) => options,
        Command::Translate(options) => options,
        Command::Diff(options) => options,
        Command::Conform(options) => options,
        Command::New(options) => options,
        Command::Lint(options) => options,
        Command::Validate(options) => options,
    };
    let ran = command.run(&context, &mut output).and_then(|code| out.flush().map(|()| code));
    match ran {
        Ok(code) => ExitCode::from(code),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(BROKEN_PIPE),
        Err(error) => {
            // Standard error is all that is left to say it on: if it fails too, the code says it.
            let _ = writeln!(err, "error: cannot write the report: {error}");
            ExitCode::from(exit::WRITE)
        }
    }
}
