//! `cargo xtask docs`: builds the static reference site from `spec/`, and serves it.
//!
//! The report is a subject a page, `Written` or `Unchanged` (a rebuild leaves a page it would
//! not change as it was). What is said to the person at the terminal after it (where to
//! preview, where it serves) follows the report in text, and goes to standard error in the
//! other formats, whose output is for machines.

use std::io;
use std::path::{Path, PathBuf};

use serde_json::json;

use cloudspec_findings::render::sink;
use cloudspec_findings::{Counts, Format, Head, Status, Subject, Tail, Tone};

use super::{Context, InCheckout, Output, Reported, exit};
use crate::site::{self, Page};
use crate::workspace::{self, Workspace};

/// What `docs` was asked to do. (The doc comments are `--help`'s.)
#[derive(Debug, clap::Args)]
pub struct Options {
    /// Where to write the site.
    #[arg(long, default_value = "target/site")]
    pub out: PathBuf,
    /// Serve the site on 127.0.0.1 after building it, until interrupted.
    #[arg(long)]
    pub serve: bool,
    /// The port to serve on.
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// The site's public address, for canonical links, `hreflang` alternates and the sitemap
    /// (which must be absolute) [default: http://127.0.0.1:PORT/, the preview].
    #[arg(long)]
    pub base_url: Option<String>,
    #[command(flatten)]
    pub report: Reported,
}

/// Builds the site; with `--serve`, serves it until interrupted, each line written as it
/// comes (serving never ends, so nothing waits for the report).
impl InCheckout for Options {
    fn run_in(&self, workspace: &Workspace, context: &Context, output: &mut Output<'_>) -> io::Result<u8> {
        let out = workspace.path(&self.out);
        let base_url = match &self.base_url {
            Some(url) if url.ends_with('/') => url.clone(),
            Some(url) => format!("{url}/"),
            None => format!("http://127.0.0.1:{}/", self.port),
        };
        let built = site::install_renderer(workspace).and_then(|()| {
            site::build(workspace, context.endpoints, &site::Options { base_url: &base_url }, &out)
        });
        let pages = match built {
            Ok(pages) => pages,
            Err(error) => return output.error(error, exit::INVALID),
        };
        self.report(output, &pages)?;
        if !self.serve {
            let preview = "cargo xtask docs --serve, then open http://127.0.0.1:8000/";
            self.tell(output, Tone::Dim, "Preview", preview)?;
            return Ok(exit::OK);
        }
        let port = self.port;
        let listener = match std::net::TcpListener::bind(("127.0.0.1", port)) {
            Ok(listener) => listener,
            Err(error) => {
                return output.error(format!("cannot listen on 127.0.0.1:{port}: {error}"), exit::INVALID);
            }
        };
        self.tell(output, Tone::Good, "Serving", &format!("http://127.0.0.1:{port}/ (Ctrl-C to stop)"))?;
        match site::serve(&out, listener, None) {
            Ok(()) => Ok(exit::OK),
            Err(error) => output.error(error, exit::INVALID),
        }
    }
}

impl Options {
    /// The pages built, a subject each, in the format asked for.
    fn report(&self, output: &mut Output<'_>, pages: &[Page]) -> io::Result<()> {
        let mut sink = sink(self.report.format, output.out, output.styles);
        sink.begin(&Head::new("cloudspec docs", "Site"))?;
        for page in pages {
            let status = if page.written {
                Status::new("Written", Tone::Good, false)
            } else {
                Status::new("Unchanged", Tone::Dim, false)
            };
            let name = workspace::display(&self.out.join(Path::new(&page.path)));
            sink.subject(&Subject::new(name).status(status), &[])?;
        }
        let written = pages.iter().filter(|page| page.written).count();
        let unchanged = pages.len() - written;
        let site = workspace::display(&self.out);
        sink.end(&Tail {
            counts: Counts::new()
                .head("pages", pages.len())
                .part("written", written)
                .part("unchanged", unchanged),
            data: [("site".to_owned(), json!(site))].into_iter().collect(),
            ..Tail::default()
        })
    }

    /// A line for the person at the terminal: after the report in text, on standard error
    /// in the formats for machines.
    fn tell(&self, output: &mut Output<'_>, tone: Tone, label: &str, text: &str) -> io::Result<()> {
        let line = output.styles.labelled(tone, Head::WIDTH, label, text);
        let to = if self.report.format == Format::Text { &mut *output.out } else { &mut *output.err };
        to.write_all(line.as_bytes())?;
        to.flush()
    }
}
