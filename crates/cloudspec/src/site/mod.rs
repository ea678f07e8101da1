//! The static reference site: an index of every endpoint, and a page per endpoint and
//! locale rendered in the reader's browser by Redoc from the committed document, with a
//! language switch. Every script comes from the site itself; nothing is loaded from the
//! internet, and the pages work from `file://` as well as over HTTP ([`serve`]).

mod changes;
mod digest;
mod downloads;
mod html;
mod index;
mod locale;
mod prerender;
mod reference;
mod renderer;
mod samples;
mod search;
pub mod serve;
mod sitemap;
mod theme;

use std::path::{Path, PathBuf};

use serde_json::Value;

use cloudspec_endpoint::Endpoint;

use crate::workspace::{self, Workspace};
use html::Frame;

pub use serve::serve;

/// The renderer's bundle, as `scripts/install-renderer` leaves it, relative to the root.
pub(crate) const RENDERER: &str = "target/docs-renderer/redoc.standalone.js";
/// Its licence, served beside it.
pub(crate) const RENDERER_LICENSE: &str = "target/docs-renderer/LICENSE.redoc.txt";

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
    #[error("{}: {message}", path.display())]
    RendererChanged { path: PathBuf, message: String },
    #[error("{path}: cannot read its history: {message}")]
    History { path: String, message: String },
    #[error(transparent)]
    Request(#[from] crate::samples::CallError),
    #[error("{}: cannot write: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
}

/// What a page of the site shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Every endpoint.
    Index,
    /// An endpoint's reference.
    Reference,
    /// What changed in an endpoint's document.
    Changes,
}

/// One page of the site, in one language: the index, or one of an endpoint's.
#[derive(Debug)]
pub struct Page {
    pub kind: Kind,
    pub endpoint: Option<&'static Endpoint>,
    pub locale: &'static str,
    /// Relative to the site's root, with `/`.
    pub path: String,
    /// Whether this build wrote it: false when the file already held the page.
    pub written: bool,
}

/// The index in `locale`, relative to the site's root: `index.html` for English, the
/// language's own file beside it for the others.
pub(crate) fn index_path(locale: &str) -> String {
    if locale == "en" { "index.html".to_owned() } else { format!("index.{locale}.html") }
}

/// What the build needs besides the documents.
#[derive(Debug)]
pub struct Options<'a> {
    /// The site's public address, ending in `/`: canonical links, `hreflang` alternates and
    /// the sitemap are absolute.
    pub base_url: &'a str,
}

/// The site's own script and style, written beside the pages (the content security policy
/// allows no inline script).
const ASSETS: [(&str, &str); 2] =
    [("site.js", include_str!("assets/site.js")), ("site.css", include_str!("assets/site.css"))];

/// Writes what every page loads into `out`: Redoc, made offline, with its licence, and the
/// site's script and style.
fn write_assets(workspace: &Workspace, out: &Path) -> Result<(), SiteError> {
    let renderer = workspace.path(RENDERER);
    let bundle = std::fs::read_to_string(&renderer)
        .map_err(|_| SiteError::Renderer { path: PathBuf::from(RENDERER) })?;
    write(&out.join("redoc.standalone.js"), &renderer::offline(&bundle, Path::new(RENDERER))?)?;
    copy(&workspace.path(RENDERER_LICENSE), &out.join("LICENSE.redoc.txt"))?;
    for (name, text) in ASSETS {
        let text = if name == "site.css" { format!("{text}{}", theme::css()) } else { text.to_owned() };
        write(&out.join(name), &text)?;
    }
    Ok(())
}

/// Writes the site into `out` from the documents under `spec/`; returns its pages, the
/// indexes first.
pub fn build(
    workspace: &Workspace,
    endpoints: &[&'static Endpoint],
    options: &Options<'_>,
    out: &Path,
) -> Result<Vec<Page>, SiteError> {
    write_assets(workspace, out)?;
    let mut pages = Vec::new();
    let mut entries = Vec::new();
    // Each page of the sitemap, as its translations: locale and path.
    let mut sitemap: Vec<Vec<(&'static str, String)>> = Vec::new();
    let mut searchable = Vec::new();
    for &endpoint in endpoints {
        let alternates: Vec<(&'static str, String)> = endpoint
            .locales()
            .into_iter()
            .map(|locale| (locale, crate::paths::site_page(endpoint, locale)))
            .collect();
        let english = read_document(workspace, &crate::paths::document(endpoint))?;
        let samples = samples::publish(workspace, endpoint, &english, out)?;
        let downloads = downloads::publish(workspace, endpoint, out)?;
        let revisions = changes::history(workspace.root(), endpoint)?;
        let feed = crate::paths::site_feed(endpoint);
        let change_pages: Vec<(&'static str, String)> = endpoint
            .locales()
            .into_iter()
            .map(|locale| (locale, crate::paths::site_changes(endpoint, locale)))
            .collect();
        let english_changes = crate::paths::site_changes(endpoint, crate::paths::SOURCE_LOCALE);
        write(
            &out.join(&feed),
            &changes::feed(options.base_url, endpoint, &feed, &english_changes, &revisions),
        )?;
        let mut documents = Vec::new();
        for ((locale, path), (_, changes_path)) in alternates.iter().zip(&change_pages) {
            let mut document = read_document(workspace, &crate::paths::localized_document(endpoint, locale))?;
            samples::attach(&mut document, endpoint, &samples);
            let ui = locale::ui(locale);
            let plain = prerender::reference(&document, endpoint, ui, &samples);
            digest::prepare(&mut document, endpoint, ui);
            searchable.extend(search::entries(endpoint, locale, path, &document));
            let (title, description) = describe(&document, endpoint);
            let frame = Frame {
                ui,
                path,
                alternates: &alternates,
                title: &title,
                description: &description,
                base_url: options.base_url,
                feed: Some(&feed),
            };
            let about = reference::replacement(&frame, endpoint, endpoints)
                + &reference::about(
                    &frame,
                    &downloads::table(&downloads, ui, &frame.up()),
                    changes_path,
                    &feed,
                );
            let written = write(&out.join(path), &reference::page(&frame, &document, &about, &plain))?;
            let page = |kind, path: &String, written| Page {
                kind,
                endpoint: Some(endpoint),
                locale,
                path: path.clone(),
                written,
            };
            pages.push(page(Kind::Reference, path, written));

            let summary = summary_of(&document, endpoint);
            let changes_title = format!("{}: {summary}", ui.what_changed);
            let frame = Frame {
                path: changes_path,
                alternates: &change_pages,
                title: &changes_title,
                description: &changes_title,
                ..frame
            };
            let html = changes::page(&frame, &summary, path, &feed, &revisions);
            let written = write(&out.join(changes_path), &html)?;
            pages.push(page(Kind::Changes, changes_path, written));
            documents.push((*locale, document));
        }
        sitemap.push(alternates.clone());
        sitemap.push(change_pages);
        entries.push(index::Entry { endpoint, pages: alternates, documents, downloads });
    }
    let indexes: Vec<(&'static str, String)> =
        locale::ALL.iter().map(|ui| (ui.locale, index_path(ui.locale))).collect();
    for (locale, path) in indexes.iter().rev() {
        let ui = locale::ui(locale);
        let frame = Frame {
            ui,
            path,
            alternates: &indexes,
            title: ui.site_title,
            description: ui.index_intro,
            base_url: options.base_url,
            feed: None,
        };
        let written = write(&out.join(path), &index::page(&frame, &entries))?;
        pages.insert(0, Page { kind: Kind::Index, endpoint: None, locale, path: path.clone(), written });
    }
    write(&out.join("search-index.js"), &search::script(&searchable))?;
    sitemap.insert(0, indexes);
    write(&out.join("sitemap.xml"), &sitemap::sitemap(options.base_url, &sitemap))?;
    Ok(pages)
}

/// The page's title and description: the operation's summary and the document's title.
fn describe(document: &Value, endpoint: &Endpoint) -> (String, String) {
    let title = document.pointer("/info/title").and_then(Value::as_str).unwrap_or(endpoint.operation_id);
    let summary = summary_of(document, endpoint);
    (format!("{summary} · {title}"), format!("{title}: {summary}"))
}

/// The operation's summary in `document`.
fn summary_of(document: &Value, endpoint: &Endpoint) -> String {
    cloudspec_schema::openapi::find(document, endpoint.operation_id)
        .and_then(|operation| operation.value.get("summary").and_then(Value::as_str).map(str::to_owned))
        .unwrap_or_default()
}

fn read_document(workspace: &Workspace, relative: &Path) -> Result<Value, SiteError> {
    let text = std::fs::read_to_string(workspace.path(relative))
        .map_err(|source| SiteError::Document { path: relative.to_owned(), source })?;
    crate::yaml::parse(&text)
        .map_err(|error| SiteError::Yaml { path: relative.to_owned(), message: error.to_string() })
}

fn copy(from: &Path, to: &Path) -> Result<bool, SiteError> {
    let bytes = std::fs::read(from).map_err(|_| SiteError::Renderer { path: from.to_owned() })?;
    write_bytes(to, &bytes)
}

fn write(path: &Path, text: &str) -> Result<bool, SiteError> {
    write_bytes(path, text.as_bytes())
}

/// Writes `bytes` to `path` unless it holds them already, so that a rebuild leaves what it
/// would not change as it was (its time too, for a server's caches); whether it wrote.
fn write_bytes(path: &Path, bytes: &[u8]) -> Result<bool, SiteError> {
    if std::fs::read(path).is_ok_and(|held| held == bytes) {
        return Ok(false);
    }
    let error = |source| SiteError::Write { path: path.to_owned(), source };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(error)?;
    }
    std::fs::write(path, bytes).map_err(error)?;
    Ok(true)
}

/// Shows where a page is, for messages.
pub fn display(out: &Path, page: &Page) -> String {
    workspace::display(&out.join(&page.path))
}
