//! Every file of `spec/` an endpoint has (its 3.1 document, the 3.0 rendition, each locale's,
//! the JSON Schemas, the sources with their citations), published on the site at the same path,
//! with its size and SHA-256 so a
//! reader can check what they took.

use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};

use cloudspec_endpoint::Endpoint;

use super::html::escape;
use super::locale::Ui;
use super::{SiteError, write_bytes};
use crate::paths::SpecFile;
use crate::workspace::Workspace;

/// One published file.
#[derive(Debug, Clone)]
pub(super) struct Download {
    /// Relative to the site's root, which is also its path in the repository (`spec/...`).
    pub path: String,
    pub file: SpecFile,
    pub size: usize,
    pub sha256: String,
}

/// Copies every file of `endpoint` under `spec/` into `out`, in name order.
pub(super) fn publish(
    workspace: &Workspace,
    endpoint: &Endpoint,
    out: &Path,
) -> Result<Vec<Download>, SiteError> {
    let document = crate::paths::document(endpoint);
    let dir = document.parent().unwrap_or(Path::new(crate::paths::SPEC_DIR)).to_owned();
    let listed = crate::walk::listing(workspace.root(), &dir)
        .map_err(|error| SiteError::Document { path: error.path, source: error.source })?;
    let mut downloads = Vec::new();
    for relative in listed {
        let Some(file) =
            SpecFile::parse(&relative).filter(|file| file_operation(file) == endpoint.operation_id)
        else {
            continue;
        };
        let bytes = std::fs::read(workspace.path(&relative))
            .map_err(|source| SiteError::Document { path: relative.clone(), source })?;
        let path = crate::workspace::display(&relative);
        write_bytes(&out.join(&path), &bytes)?;
        let sha256 = Sha256::digest(&bytes).iter().fold(String::new(), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        });
        downloads.push(Download { path, file, size: bytes.len(), sha256 });
    }
    Ok(downloads)
}

fn file_operation(file: &SpecFile) -> &str {
    match file {
        SpecFile::Document { operation_id, .. }
        | SpecFile::Rendition3_0 { operation_id, .. }
        | SpecFile::JsonSchema { operation_id, .. }
        | SpecFile::Sources { operation_id } => operation_id,
    }
}

/// What a file is, in the reader's language.
fn kind(file: &SpecFile, ui: &Ui) -> String {
    let [document, rendition, schema, sources] = ui.download_kinds;
    match file {
        SpecFile::Document { locale, .. } => format!("{document} ({locale})"),
        SpecFile::Rendition3_0 { locale, .. } => format!("{rendition} ({locale})"),
        SpecFile::JsonSchema { type_name, .. } => format!("{schema}: {type_name}"),
        SpecFile::Sources { .. } => sources.to_owned(),
    }
}

/// The table of `downloads`, its links relative to a page `up` below the root.
pub(super) fn table(downloads: &[Download], ui: &Ui, up: &str) -> String {
    let [file_column, kind_column, size_column] = ui.download_columns;
    let mut rows = String::new();
    for download in downloads {
        let name = download.path.rsplit('/').next().unwrap_or(&download.path);
        let _ = writeln!(
            rows,
            "<tr><td data-label=\"{file_column}\"><a href=\"{up}{}\" download>{}</a></td>\
             <td data-label=\"{kind_column}\">{}</td><td data-label=\"{size_column}\">{}</td>\
             <td data-label=\"SHA-256\"><code>{}</code></td></tr>",
            escape(&download.path),
            escape(name),
            escape(&kind(&download.file, ui)),
            size(download.size),
            download.sha256
        );
    }
    format!(
        "<table class=\"downloads\"><thead><tr><th>{file_column}</th><th>{kind_column}</th>\
         <th>{size_column}</th><th>SHA-256</th></tr></thead>\n<tbody>\n{rows}</tbody></table>"
    )
}

/// `bytes` for a reader: bytes below 1 KiB, else KiB with one decimal.
fn size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else {
        let tenths = bytes * 10 / 1024;
        format!("{}.{} KiB", tenths / 10, tenths % 10)
    }
}
