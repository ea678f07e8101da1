//! `cargo xtask`: parses the command line, calls the pipeline, prints what it says.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anstream::{eprintln, print, println};
use clap::{Parser, Subcommand};
use cloudspec::report::{self, exit};
use cloudspec::{Workspace, sync};
use cloudspec_catalog::ENDPOINTS;

const EXIT_CODES: &str = "\
Exit codes:
  0  everything is as it should be
  1  a document could not be built or is invalid (nothing was written for it);
     validate: a capture does not conform to its contract, or is not JSON
  2  the command line was wrong; validate: no such operation, status or locale,
     no document under spec/, or a capture that cannot be read
  3  spec/ differs from the code (check only): run `cargo xtask generate`

Colour is used only on a terminal, and never when NO_COLOR is set.";

/// Generate and check the OpenAPI documents under spec/ from cloudspec's Rust types.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask", after_help = EXIT_CODES)]
struct Cli {
    /// The workspace root that holds spec/ and tests/fixtures/.
    #[arg(long, global = true, default_value_os_t = default_root(), hide_default_value = true)]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List every endpoint in the catalog and the document it generates (reads no files).
    List,
    /// Write every document under spec/ that differs from the code; remove orphans cloudspec wrote.
    Generate,
    /// Compare spec/ with the code and report each document Fresh, Stale, Missing, Orphaned or Failure; write nothing.
    Check,
    /// Check captured response bodies against the schema the document under spec/ declares,
    /// including x-max-bytes limits; report every violation with its line and column.
    Validate {
        /// The operation: its operationId, or provider/service/OperationId when several share it.
        operation: String,
        /// The response status the captures are bodies of.
        #[arg(long, default_value = "200")]
        status: String,
        /// The locale of the document to hold the captures to (en: spec/<provider>/<service>/<OperationId>.yaml).
        #[arg(long, default_value = cloudspec::capture::contract::DEFAULT_LOCALE)]
        locale: String,
        /// The captured JSON bodies; - reads standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

fn default_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().map_or_else(|| PathBuf::from("."), PathBuf::from)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { exit::USAGE } else { exit::OK });
        }
    };
    let workspace = Workspace::new(cli.root);
    let code = match cli.command {
        Command::List => list(),
        Command::Generate => emit(&report::generate(&sync::generate(&workspace, ENDPOINTS))),
        Command::Check => emit(&report::check(&sync::check(&workspace, ENDPOINTS))),
        Command::Validate { operation, status, locale, files } => {
            validate(&workspace, &operation, &status, &locale, files)
        }
    };
    ExitCode::from(code)
}

fn emit(report: &report::Report) -> u8 {
    print!("{}", report.text);
    report.exit_code
}

fn validate(workspace: &Workspace, operation: &str, status: &str, locale: &str, files: Vec<PathBuf>) -> u8 {
    use cloudspec::capture::{self, contract, input::Source, progress};
    let contract = match contract::load(workspace, ENDPOINTS, operation, status, locale) {
        Ok(contract) => contract,
        Err(error) => {
            eprintln!("error: {error}");
            return exit::USAGE;
        }
    };
    let mut meter: Box<dyn progress::Progress> = if std::io::stderr().is_terminal() {
        Box::new(progress::Meter::new(std::io::stderr()))
    } else {
        Box::new(progress::Silent)
    };
    let checked: Vec<capture::Checked> = files
        .into_iter()
        .map(|file| capture::check(&contract, Source::from_arg(file), meter.as_mut()))
        .collect();
    emit(&capture::report::validate(&contract, &checked))
}

fn list() -> u8 {
    for endpoint in ENDPOINTS {
        match cloudspec::document::summary(endpoint) {
            Ok(summary) => println!(
                "{:<40} {:<6} {:<55} {}{}",
                endpoint.key(),
                summary.method.to_uppercase(),
                summary.path,
                cloudspec::workspace::display(&Workspace::document_path(endpoint)),
                if summary.deprecated { "  (deprecated)" } else { "" }
            ),
            Err(error) => {
                eprintln!("{}: {error}", endpoint.key());
                return exit::INVALID;
            }
        }
    }
    exit::OK
}
