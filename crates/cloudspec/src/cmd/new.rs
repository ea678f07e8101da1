//! `cargo xtask new <provider>/<service>/<OperationId> --from <contract>`: writes an endpoint
//! from its vendor contract (see [`crate::scaffold`]), then has an `xtask` rebuilt with it
//! accept the differences `new` knows the reason of and write its zh-CN overlay.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::{Report, exit};
use crate::endpoint::Endpoint;
use crate::scaffold::{self, NewError};
use crate::translate;
use crate::workspace::{self, Workspace};

/// What `new` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, clap::Args)]
pub struct Options {
    /// provider/service/OperationId of the new endpoint; the OperationId must be new to the catalog.
    pub key: String,
    /// The vendor's contract of the operation: a Huawei Cloud API Explorer definition, or
    /// Alibaba Cloud's OpenAPI metadata of the product version (api-docs.json).
    #[arg(long, required_unless_present = "finish")]
    pub from: Option<PathBuf>,
    /// The action of Alibaba's metadata to write [default: the OperationId].
    #[arg(long)]
    pub action: Option<String>,
    /// The tag of the operation; added to the service if it lacks it [default: the service's first].
    #[arg(long)]
    pub tag: Option<String>,
    /// The second step, which `new` runs itself in an xtask rebuilt with the endpoint.
    #[arg(long, hide = true)]
    pub finish: bool,
}

pub fn run(workspace: &Workspace, endpoints: &[&'static Endpoint], options: &Options) -> Report {
    if options.finish {
        return finish(workspace, endpoints, &options.key);
    }
    let Some(from) = &options.from else {
        return Report::error("--from <contract> is required", exit::USAGE);
    };
    let request = scaffold::Request {
        key: &options.key,
        from,
        tag: options.tag.as_deref(),
        action: options.action.as_deref(),
    };
    match scaffold::write(workspace, endpoints, &request) {
        Ok(written) => {
            let mut report = Report::default();
            for file in &written.files {
                let _ = writeln!(report.text, "{:>12} {}", "Written", workspace::display(file));
            }
            report.then(&in_rebuilt_xtask(workspace, &options.key))
        }
        Err(NewError::Usage(message)) => Report::error(message, exit::USAGE),
        Err(NewError::Invalid(message)) => Report::error(message, exit::INVALID),
    }
}

/// Runs the second step in an `xtask` that cargo rebuilds with the new endpoint in its
/// catalog: this one was built without it.
fn in_rebuilt_xtask(workspace: &Workspace, key: &str) -> Report {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = std::process::Command::new(cargo)
        .current_dir(workspace.root())
        .args(["run", "--quiet", "--package", "xtask", "--", "--root"])
        .arg(workspace.root())
        .args(["new", key, "--finish"])
        .output();
    match output {
        Ok(output) => {
            let text = String::from_utf8_lossy(&output.stdout).into_owned();
            let errors = String::from_utf8_lossy(&output.stderr).into_owned();
            let mut report =
                Report::new(text, if output.status.success() { exit::OK } else { exit::INVALID });
            report.errors = errors;
            report
        }
        Err(error) => Report::error(
            format!("cannot run cargo for the second step ({error}); run `cargo xtask new {key} --finish`"),
            exit::INVALID,
        ),
    }
}

fn finish(workspace: &Workspace, endpoints: &[&'static Endpoint], key: &str) -> Report {
    let endpoint = match crate::contract::resolve(endpoints, key) {
        Ok(endpoint) => endpoint,
        Err(error) => return Report::error(error, exit::USAGE),
    };
    // The English document, which `conform` and the overlay are written against; its locales
    // fail to build until the overlay exists, which is what this step writes.
    let _ = super::generate::run(workspace, endpoints);
    let mut report = Report::default();
    match scaffold::finish::accept(workspace, endpoint) {
        Ok((known, open)) => {
            let _ = writeln!(
                report.text,
                "{:>12} {} differences from the contract accepted with their reasons; {open} to judge (TODO(conform))",
                "Conform", known
            );
        }
        Err(error) => {
            let _ = writeln!(report.errors, "{key}: {error}");
            report.exit_code = exit::INVALID;
        }
    }
    for locale in endpoint.locales().into_iter().filter(|locale| *locale != crate::paths::SOURCE_LOCALE) {
        let memory = translate::memory(workspace, endpoints, locale);
        match translate::refresh(workspace, endpoint, locale, &memory) {
            Ok(refreshed) => {
                let _ = writeln!(
                    report.text,
                    "{:>12} {} ({} to translate)",
                    "Translated",
                    workspace::display(&refreshed.path),
                    refreshed.untranslated
                );
            }
            Err(error) => {
                let _ = writeln!(report.errors, "{key}: {error}");
                report.exit_code = exit::INVALID;
            }
        }
    }
    // The locales' documents, from the overlays just written.
    report.then(&super::generate::run(workspace, endpoints))
}
