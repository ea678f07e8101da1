//! `cargo xtask`: parses the command line, hands it to the pipeline's command
//! (`cloudspec::cmd`), prints what it says and exits with its code.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anstream::{eprint, print};
use clap::{Parser, Subcommand};
use cloudspec::cmd::{self, Report, exit};
use cloudspec_capture::progress::{Meter, Progress, Silent};
use cloudspec_catalog::ENDPOINTS;

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
    List,
    /// Write every document under spec/ that differs from the code; remove orphans cloudspec wrote.
    Generate,
    /// Compare spec/ with the code and report each document Fresh, Stale, Missing, Orphaned or Failure, then lint it and check the citations of its stated facts; write nothing.
    Check,
    /// List the stated facts of each document that no citation covers, as entries of a citations file.
    Cite(cmd::cite::Options),
    /// Build the static reference site (an index, and a page per endpoint and locale) from spec/.
    Docs(cmd::docs::Options),
    /// Bring each endpoint's overlay for LOCALE in step with the English: keep current
    /// translations, add `TODO(translate): ` entries for new or changed English.
    Translate(cmd::translate::Options),
    /// Classify every change of the documents since a git revision: breaking, potentially breaking, non-breaking or docs only.
    Diff(cmd::diff::Options),
    /// Hold every document under spec/ against its vendor's machine-readable contract: fail on
    /// a difference no entry of the endpoint's .conform.yaml accepts, or on a stale entry.
    Conform(cmd::conform::Options),
    /// Write a new endpoint from its vendor's contract: module, service and catalog entries,
    /// citations, conform file, request, fixture and zh-CN overlay.
    New(cmd::new::Options),
    /// Check every document against the house rules (operationIds, descriptions, wire names, byte limits...).
    Lint,
    /// Check captured response bodies against the schema the document under spec/ declares,
    /// including x-max-bytes limits, or whole captured sessions (--har), request and response;
    /// report every violation with its line and column.
    Validate(cmd::validate::Options),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { exit::USAGE } else { exit::OK });
        }
    };
    // The one command that reads no files needs no checkout.
    if let Command::List = cli.command {
        return emit(&cmd::list::run(ENDPOINTS));
    }
    let workspace = match cmd::workspace(cli.root) {
        Ok(workspace) => workspace,
        Err(report) => return emit(&report),
    };
    let report = match &cli.command {
        Command::List => cmd::list::run(ENDPOINTS),
        Command::Generate => cmd::generate::run(&workspace, ENDPOINTS),
        Command::Check => cmd::check::run(&workspace, ENDPOINTS),
        Command::Lint => cmd::lint::run(&workspace, ENDPOINTS),
        Command::Cite(options) => cmd::cite::run(&workspace, ENDPOINTS, options),
        Command::Diff(options) => return through_trait(options, &workspace),
        Command::Conform(options) => return through_trait(options, &workspace),
        Command::New(options) => cmd::new::run(&workspace, ENDPOINTS, options),
        Command::Translate(options) => cmd::translate::run(&workspace, ENDPOINTS, options),
        Command::Docs(options) => {
            cmd::docs::run(&workspace, ENDPOINTS, options, &mut |line| print!("{line}"))
        }
        Command::Validate(options) => {
            // A progress line only on a terminal; findings go out through one buffer as they
            // are found: a capture may have millions.
            let mut progress: Box<dyn Progress> = if std::io::stderr().is_terminal() {
                Box::new(Meter::new(std::io::stderr()))
            } else {
                Box::new(Silent)
            };
            let mut out = std::io::BufWriter::new(anstream::stdout().lock());
            let report = cmd::validate::run(&workspace, ENDPOINTS, options, progress.as_mut(), &mut out);
            drop(out);
            report
        }
    };
    emit(&report)
}

fn emit(report: &Report) -> ExitCode {
    print!("{}", report.text);
    eprint!("{}", report.errors);
    ExitCode::from(report.exit_code)
}

/// A command run through [`cmd::Command`]: the report to standard output as it is written,
/// painted on a terminal unless NO_COLOR is set; `error: ...` lines to standard error.
fn through_trait(command: &dyn cmd::Command, workspace: &cloudspec::Workspace) -> ExitCode {
    let stdout = std::io::stdout();
    let styles = if anstream::AutoStream::choice(&stdout) == anstream::ColorChoice::Never {
        cloudspec_findings::Styles::PLAIN
    } else {
        cloudspec_findings::Styles::ANSI
    };
    let context = cmd::Context { root: Some(workspace.root().to_owned()), endpoints: ENDPOINTS };
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr().lock();
    let mut output = cmd::Output { out: &mut out, err: &mut err, styles, progress: &mut Silent };
    let written = command.run(&context, &mut output).and_then(|code| {
        std::io::Write::flush(&mut out)?;
        Ok(code)
    });
    match written {
        Ok(code) => ExitCode::from(code),
        // A reader that stopped early (`| head`) wants no more, and no complaint.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(exit::OK),
        Err(error) => {
            eprint!("error: cannot write the report: {error}\n");
            ExitCode::from(exit::INVALID)
        }
    }
}
