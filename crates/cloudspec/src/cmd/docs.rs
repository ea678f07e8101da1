//! `cargo xtask docs`: builds the static reference site from `spec/`, and serves it.

use std::io;
use std::path::PathBuf;

use cloudspec_findings::Tone;

use super::{Context, InCheckout, Output, exit};
use crate::site;
use crate::workspace::Workspace;

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
        output.labelled(Tone::Good, "Built", &format!("{} pages in {}", pages.len(), out.display()))?;
        if !self.serve {
            let preview = "cargo xtask docs --serve, then open http://127.0.0.1:8000/";
            output.labelled(Tone::Dim, "Preview", preview)?;
            return Ok(exit::OK);
        }
        let port = self.port;
        let listener = match std::net::TcpListener::bind(("127.0.0.1", port)) {
            Ok(listener) => listener,
            Err(error) => {
                return output.error(format!("cannot listen on 127.0.0.1:{port}: {error}"), exit::INVALID);
            }
        };
        output.labelled(Tone::Good, "Serving", &format!("http://127.0.0.1:{port}/ (Ctrl-C to stop)"))?;
        match site::serve(&out, listener, None) {
            Ok(()) => Ok(exit::OK),
            Err(error) => output.error(error, exit::INVALID),
        }
    }
}
