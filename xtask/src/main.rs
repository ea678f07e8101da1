//! `cargo xtask`: parses the command line, calls the pipeline, prints what it says.

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use anstream::{eprintln, print, println};
use clap::{Parser, Subcommand, ValueEnum};
use cloudspec::report::{self, exit};
use cloudspec::{Workspace, diff, lint, sync};
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
    /// Compare spec/ with the code and report each document Fresh, Stale, Missing, Orphaned or Failure, then lint it; write nothing.
    Check,
    /// Build the static reference site (an index, and a page per endpoint and locale) from spec/.
    Docs {
        /// Where to write the site.
        #[arg(long, default_value = "target/site")]
        out: PathBuf,
        /// Serve the site on 127.0.0.1 after building it, until interrupted.
        #[arg(long)]
        serve: bool,
        /// The port to serve on.
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
    /// Bring each endpoint's overlay for LOCALE in step with the English: keep current
    /// translations, add `TODO(translate): ` entries for new or changed English.
    Translate {
        /// The locale, such as zh-CN.
        locale: String,
        /// Only these endpoints (operationId or provider/service/OperationId); all by default.
        endpoints: Vec<String>,
    },
    /// Classify every change of the documents since a git revision: breaking, potentially breaking, non-breaking or docs only.
    Diff {
        /// The revision to compare with [default: the merge base of HEAD and main].
        #[arg(long, value_name = "REV")]
        base: Option<String>,
        /// Read the new documents from this directory instead of generating them from the working tree.
        #[arg(long, value_name = "DIR")]
        after: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exit 0 even when a change is breaking.
        #[arg(long)]
        allow_breaking: bool,
        /// The accepted breaking changes [default: .cloudspec/diff-accepted.yaml, if it exists].
        #[arg(long, value_name = "FILE")]
        accepted: Option<PathBuf>,
        /// Judge `x-sunset` dates as on this day (YYYY-MM-DD) [default: today, in UTC].
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<diff::Date>,
    },
    /// Hold every document under spec/ against its vendor's machine-readable contract: fail on
    /// a difference no entry of the endpoint's .conform.yaml accepts, or on a stale entry.
    Conform {
        /// Only these endpoints (operationId or provider/service/OperationId); all by default.
        operations: Vec<String>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Download the vendors' current contracts into contracts/ instead (needs the network).
        #[arg(long, conflicts_with = "format")]
        refresh: bool,
    },
    /// Check every document against the house rules (operationIds, descriptions, wire names, byte limits...).
    Lint,
    /// Check captured response bodies against the schema the document under spec/ declares,
    /// including x-max-bytes limits; report every violation with its line and column.
    Validate {
        /// The operation: its operationId, or provider/service/OperationId when several share it.
        operation: String,
        /// The response status the captures are bodies of.
        #[arg(long, default_value = "200")]
        status: String,
        /// The locale of the document to hold the captures to (en: spec/<provider>/<service>/<OperationId>.yaml).
        #[arg(long, default_value = cloudspec::contract::DEFAULT_LOCALE)]
        locale: String,
        /// The captured JSON bodies; - reads standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// How `conform` prints its report.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum ReportFormat {
    /// For a terminal.
    Text,
    /// To paste into a review.
    Markdown,
    /// For machines; field names are stable.
    Json,
}

/// How `diff` prints its report: `conform`'s formats, and those of CI servers.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    /// For a terminal.
    Text,
    /// To paste into a review.
    Markdown,
    /// For machines; field names are stable.
    Json,
    /// JUnit XML, for CI servers' test reports: a failing case per breaking change.
    Junit,
    /// GitHub Actions annotations (`::error file=...,line=...::`) on the changed lines.
    Github,
}

fn parse_date(text: &str) -> Result<diff::Date, String> {
    diff::Date::parse(text).ok_or_else(|| format!("{text:?} is not a date: expected YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { exit::USAGE } else { exit::OK });
        }
    };
    if let Command::List = cli.command {
        // The one command that reads no files needs no checkout.
        return ExitCode::from(list());
    }
    let found = match cli.root {
        Some(root) => Ok(Workspace::new(root)),
        None => std::env::current_dir()
            .map_err(|error| format!("cannot tell the current directory: {error}; pass --root"))
            .and_then(|dir| Workspace::discover(&dir).map_err(|error| error.to_string())),
    };
    let workspace = match found {
        Ok(workspace) => workspace,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(exit::USAGE);
        }
    };
    let code = match cli.command {
        Command::List => unreachable!("answered before the checkout is looked for"),
        Command::Generate => emit(&report::generate(&sync::generate(&workspace, ENDPOINTS))),
        Command::Check => emit(&lint::check(&workspace, ENDPOINTS)),
        Command::Lint => emit(&lint::run(&workspace, ENDPOINTS)),
        Command::Diff { base, after, format, allow_breaking, accepted, today } => {
            let format = match format {
                Format::Text => diff::Format::Text,
                Format::Markdown => diff::Format::Markdown,
                Format::Json => diff::Format::Json,
                Format::Junit => diff::Format::Junit,
                Format::Github => diff::Format::Github,
            };
            let options = diff::Options { base, after_dir: after, format, allow_breaking, accepted, today };
            match diff::run(&workspace, ENDPOINTS, &options) {
                Ok(report) => emit(&report),
                Err(error) => {
                    eprintln!("error: {error}");
                    if error.is_usage() { exit::USAGE } else { exit::INVALID }
                }
            }
        }
        Command::Conform { operations, format, refresh } => conform(&workspace, &operations, format, refresh),
        Command::Translate { locale, endpoints } => translate(&workspace, &locale, &endpoints),
        Command::Docs { out, serve, port } => docs(&workspace, &out, serve, port),
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
    use cloudspec::cmd::validate as report;
    use cloudspec::contract;
    use cloudspec_capture::{self as capture, input::Source, progress};
    use report::Tally;
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
    // Violations and notices are printed as they are found, through one buffer: a capture may
    // have millions.
    let mut out = std::io::BufWriter::new(anstream::stdout().lock());
    let _ = write!(out, "{}", report::contract(&contract));
    let mut tally = Tally::default();
    for file in files {
        let source = Source::from_arg(file);
        let name = source.path().display().to_string();
        let checked = capture::check(&contract.plan, source, meter.as_mut(), &mut |finding| {
            let _ = write!(out, "{}", report::finding(&name, &finding));
        });
        let _ = write!(out, "{}", tally.verdict(&checked));
        let _ = out.flush();
    }
    let summary = tally.summary();
    let _ = write!(out, "{}", summary.text);
    let _ = out.flush();
    summary.exit_code
}

fn conform(workspace: &Workspace, names: &[String], format: ReportFormat, refresh: bool) -> u8 {
    use cloudspec::conform;
    let mut selected = Vec::new();
    for name in names {
        match cloudspec::contract::resolve(ENDPOINTS, name) {
            Ok(endpoint) => selected.push(endpoint),
            Err(error) => {
                eprintln!("error: {error}");
                return exit::USAGE;
            }
        }
    }
    let endpoints = if selected.is_empty() { ENDPOINTS } else { &selected };
    if refresh {
        return match conform::refresh::refresh(workspace, endpoints) {
            Ok(refreshed) => emit(&conform::refresh::report(&refreshed)),
            Err(error) => {
                eprintln!("error: {error}");
                exit::INVALID
            }
        };
    }
    let format = match format {
        ReportFormat::Text => conform::Format::Text,
        ReportFormat::Markdown => conform::Format::Markdown,
        ReportFormat::Json => conform::Format::Json,
    };
    emit(&conform::render::report(&conform::run(workspace, endpoints), format))
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

fn translate(workspace: &Workspace, locale: &str, names: &[String]) -> u8 {
    let mut selected = Vec::new();
    for name in names {
        let Some(endpoint) = cloudspec_catalog::find(name) else {
            eprintln!("error: no endpoint {name:?}; `cargo xtask list` shows them");
            return exit::USAGE;
        };
        selected.push(endpoint);
    }
    let selected = match cloudspec::translate::select(ENDPOINTS, locale, selected) {
        Ok(selected) => selected,
        Err(error) => {
            eprintln!("error: {error}");
            return exit::USAGE;
        }
    };
    let mut code = exit::OK;
    for endpoint in selected {
        match cloudspec::translate::refresh(workspace, endpoint, locale) {
            Ok(refreshed) => println!(
                "{:>12} {} ({} to translate)",
                if refreshed.changed { "Updated" } else { "Unchanged" },
                cloudspec::workspace::display(&refreshed.path),
                refreshed.untranslated
            ),
            Err(error) => {
                eprintln!("{}: {error}", endpoint.key());
                code = exit::INVALID;
            }
        }
    }
    code
}

fn docs(workspace: &Workspace, out: &std::path::Path, serve: bool, port: u16) -> u8 {
    let out = workspace.path(out);
    let pages = match cloudspec::site::install_renderer(workspace)
        .and_then(|()| cloudspec::site::build(workspace, ENDPOINTS, &out))
    {
        Ok(pages) => pages,
        Err(error) => {
            eprintln!("error: {error}");
            return exit::INVALID;
        }
    };
    println!("{:>12} {} pages and the index in {}", "Built", pages.len(), out.display());
    if !serve {
        println!("{:>12} cargo xtask docs --serve, then open http://127.0.0.1:8000/", "Preview");
        return exit::OK;
    }
    let listener = match std::net::TcpListener::bind(("127.0.0.1", port)) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("error: cannot listen on 127.0.0.1:{port}: {error}");
            return exit::INVALID;
        }
    };
    println!("{:>12} http://127.0.0.1:{port}/ (Ctrl-C to stop)", "Serving");
    match cloudspec::site::serve(&out, &listener, None) {
        Ok(()) => exit::OK,
        Err(error) => {
            eprintln!("error: {error}");
            exit::INVALID
        }
    }
}
