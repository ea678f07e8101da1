//! The static reference site: an index of every endpoint, and a page per endpoint and
//! locale rendered in the reader's browser by Redoc from the committed document, with a
//! language switch. Every script comes from the site itself; nothing is loaded from the
//! internet, and the pages work from `file://` as well as over HTTP ([`serve`]).

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write as _};
use std::net::TcpListener;
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::endpoint::Endpoint;
use crate::workspace::{self, Workspace};

/// The renderer's bundle, as `scripts/install-renderer` leaves it, relative to the root.
pub const RENDERER: &str = "target/docs-renderer/redoc.standalone.js";
/// Its licence, served beside it.
pub const RENDERER_LICENSE: &str = "target/docs-renderer/LICENSE.redoc.txt";

/// Installs the renderer with `scripts/install-renderer` unless it is there already.
pub fn install_renderer(workspace: &Workspace) -> Result<(), SiteError> {
    if workspace.path(RENDERER).is_file() {
        return Ok(());
    }
    let script = workspace.path("scripts/install-renderer");
    let status = std::process::Command::new("bash").arg(&script).current_dir(workspace.root()).status();
    match status {
        Ok(status) if status.success() => Ok(()),
        _ => Err(SiteError::Renderer { path: PathBuf::from(RENDERER) }),
    }
}

/// Why the site cannot be built.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error("{}: cannot read: {source} (run `cargo xtask generate` first)", path.display())]
    Document { path: PathBuf, source: std::io::Error },
    #[error("{}: not YAML: {message}", path.display())]
    Yaml { path: PathBuf, message: String },
    #[error("{}: the renderer is not installed: run scripts/install-renderer", path.display())]
    Renderer { path: PathBuf },
    #[error("{}: cannot write: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
}

/// One page of the site.
#[derive(Debug)]
pub struct Page {
    pub endpoint: &'static Endpoint,
    pub locale: &'static str,
    /// Relative to the site's root, with `/`.
    pub path: String,
}

fn language_name(locale: &str) -> &str {
    match locale {
        "en" => "English",
        "zh-CN" => "简体中文",
        other => other,
    }
}

/// Writes the site into `out` from the documents under `spec/`; returns its pages.
pub fn build(
    workspace: &Workspace,
    endpoints: &[&'static Endpoint],
    out: &Path,
) -> Result<Vec<Page>, SiteError> {
    let renderer = workspace.path(RENDERER);
    if !renderer.is_file() {
        return Err(SiteError::Renderer { path: PathBuf::from(RENDERER) });
    }
    copy(&renderer, &out.join("redoc.standalone.js"))?;
    copy(&workspace.path(RENDERER_LICENSE), &out.join("LICENSE.redoc.txt"))?;

    let mut pages = Vec::new();
    let mut rows = String::new();
    for &endpoint in endpoints {
        let mut links = Vec::new();
        let mut english: Option<Value> = None;
        for locale in endpoint.locales() {
            let relative = crate::paths::localized_document(endpoint, locale);
            let document = read_document(workspace, &relative)?;
            let page = crate::paths::site_page(endpoint, locale);
            write(&out.join(&page), &reference_page(endpoint, locale, &document))?;
            links.push(format!(
                "<a href=\"{}\" hreflang=\"{locale}\">{}</a>",
                escape(&page),
                language_name(locale)
            ));
            if locale == "en" {
                english = Some(document);
            }
            pages.push(Page { endpoint, locale, path: page });
        }
        let english = english.unwrap_or_default();
        let (method, path, summary, deprecated) = operation_of(&english, endpoint);
        let _ = writeln!(
            rows,
            "<tr><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td><td><code>{} {}</code></td><td>{}</td><td>{}</td></tr>",
            escape(endpoint.provider.name),
            escape(endpoint.service.name),
            escape(endpoint.operation_id),
            escape(&summary),
            escape(&method.to_uppercase()),
            escape(&path),
            if deprecated { "<strong class=\"deprecated\">deprecated</strong>" } else { "current" },
            links.join(" · ")
        );
    }
    write(&out.join("index.html"), &index_page(&rows))?;
    Ok(pages)
}

fn read_document(workspace: &Workspace, relative: &Path) -> Result<Value, SiteError> {
    let text = std::fs::read_to_string(workspace.path(relative))
        .map_err(|source| SiteError::Document { path: relative.to_owned(), source })?;
    crate::yaml_text::parse(&text)
        .map_err(|error| SiteError::Yaml { path: relative.to_owned(), message: error.to_string() })
}

fn operation_of(document: &Value, endpoint: &Endpoint) -> (String, String, String, bool) {
    let Some(operation) = crate::openapi::find(document, endpoint.operation_id) else {
        return (String::new(), String::new(), String::new(), false);
    };
    let summary = operation.value.get("summary").and_then(Value::as_str).unwrap_or_default().to_owned();
    (operation.method.to_owned(), operation.path.to_owned(), summary, operation.deprecated())
}

const STYLE: &str = "body{margin:0;font-family:system-ui,sans-serif}\
nav.cloudspec{padding:.5em 1em;background:#f4f5f7;border-bottom:1px solid #dde}\
nav.cloudspec a{margin-right:.5em}main{padding:1em 2em}table{border-collapse:collapse}\
td,th{border:1px solid #dde;padding:.3em .6em;text-align:left}.deprecated{color:#b00}";

fn index_page(rows: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>cloudspec reference</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>cloudspec reference</h1>\n<p>Every documented endpoint, in every language it is published in.</p>\n\
         <table>\n<thead><tr><th>Provider</th><th>Service</th><th>Operation</th><th>Summary</th>\
         <th>Request</th><th>State</th><th>Reference</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n\
         <p><small>Rendered by Redoc, served from this site (<a href=\"LICENSE.redoc.txt\">licence</a>).</small></p>\n\
         </main>\n</body>\n</html>\n"
    )
}

fn reference_page(endpoint: &Endpoint, locale: &str, document: &Value) -> String {
    let depth = endpoint.key().matches('/').count();
    let up = "../".repeat(depth);
    let title = document.pointer("/info/title").and_then(Value::as_str).unwrap_or(endpoint.operation_id);
    let mut switch = String::new();
    for other in endpoint.locales() {
        let name = language_name(other);
        let file = crate::paths::site_page(endpoint, other);
        let file = file.rsplit('/').next().unwrap_or_default();
        if other == locale {
            let _ = write!(switch, "<strong lang=\"{other}\">{name}</strong> ");
        } else {
            let _ = write!(
                switch,
                "<a href=\"{}\" hreflang=\"{other}\" lang=\"{other}\">{name}</a> ",
                escape(file)
            );
        }
    }
    // `</` must not appear inside a script element; JSON allows `\/` for `/`.
    let spec = serde_json::to_string(document).unwrap_or_default().replace("</", "<\\/");
    format!(
        "<!doctype html>\n<html lang=\"{locale}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n\
         <nav class=\"cloudspec\"><a href=\"{up}index.html\">cloudspec reference</a> | {switch}</nav>\n\
         <div id=\"reference\"></div>\n\
         <script type=\"application/json\" id=\"spec\">{spec}</script>\n\
         <script src=\"{up}redoc.standalone.js\"></script>\n\
         <script>\n\
         const spec = JSON.parse(document.getElementById(\"spec\").textContent);\n\
         Redoc.init(spec, {{ expandResponses: \"all\", jsonSampleExpandLevel: \"all\", hideDownloadButton: true, \
         expandDefaultServerVariables: true }}, document.getElementById(\"reference\"));\n\
         </script>\n</body>\n</html>\n",
        escape(title)
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn copy(from: &Path, to: &Path) -> Result<(), SiteError> {
    let bytes = std::fs::read(from).map_err(|_| SiteError::Renderer { path: from.to_owned() })?;
    write_bytes(to, &bytes)
}

fn write(path: &Path, text: &str) -> Result<(), SiteError> {
    write_bytes(path, text.as_bytes())
}

fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), SiteError> {
    let error = |source| SiteError::Write { path: path.to_owned(), source };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(error)?;
    }
    std::fs::write(path, bytes).map_err(error)
}

/// Serves the files under `root` to GET requests on `listener` until `deadline` passes (or,
/// with none, forever): a reader's preview, and the browser test's server.
pub fn serve(root: &Path, listener: &TcpListener, deadline: Option<Instant>) -> std::io::Result<()> {
    listener.set_nonblocking(deadline.is_some())?;
    loop {
        if deadline.is_some_and(|deadline| Instant::now() >= deadline) {
            return Ok(());
        }
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
            Err(error) => return Err(error),
        };
        stream.set_nonblocking(false)?;
        stream.set_read_timeout(Some(Duration::from_secs(5)))?;
        let _ = answer(root, stream);
    }
}

fn answer(root: &Path, mut stream: std::net::TcpStream) -> std::io::Result<()> {
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone()?);
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let target = target.split(['?', '#']).next().unwrap_or("/");
    let relative = percent_decode(target.trim_start_matches('/'));
    let relative = if relative.is_empty() { "index.html".to_owned() } else { relative };
    let path = Path::new(&relative);
    let safe = path.components().all(|part| matches!(part, Component::Normal(_)));
    match std::fs::read(root.join(path)) {
        Ok(body) if safe => {
            let kind = match path.extension().and_then(|extension| extension.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript; charset=utf-8",
                Some("json") => "application/json",
                Some("txt") => "text/plain; charset=utf-8",
                _ => "application/octet-stream",
            };
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )?;
            stream.write_all(&body)
        }
        _ => stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes.get(index + 1..index + 3).and_then(|pair| std::str::from_utf8(pair).ok());
        match (bytes[index], hex.and_then(|hex| u8::from_str_radix(hex, 16).ok())) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                index += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// Shows where a page is, for messages.
pub fn display(out: &Path, page: &Page) -> String {
    workspace::display(&out.join(&page.path))
}
