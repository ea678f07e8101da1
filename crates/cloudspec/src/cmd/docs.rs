//! `cargo xtask docs`: builds the static reference site from `spec/`, and serves it.

use std::path::PathBuf;

use super::{Report, exit};
use crate::endpoint::Endpoint;
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

/// Builds the site; with `--serve`, serves it until interrupted. `say` prints each line as it
/// comes (serving never ends, so nothing waits for the report).
pub fn run(
    workspace: &Workspace,
    endpoints: &[&'static Endpoint],
    options: &Options,
    say: &mut dyn FnMut(&str),
) -> Report {
    let out = workspace.path(&options.out);
    let base_url = match &options.base_url {
        Some(url) if url.ends_with('/') => url.clone(),
        Some(url) => format!("{url}/"),
        None => format!("http://127.0.0.1:{}/", options.port),
    };
    let built = site::install_renderer(workspace)
        .and_then(|()| site::build(workspace, endpoints, &site::Options { base_url: &base_url }, &out));
    let pages = match built {
        Ok(pages) => pages,
        Err(error) => return Report::error(error, exit::INVALID),
    };
    say(&format!("{:>12} {} pages in {}\n", "Built", pages.len(), out.display()));
    if !options.serve {
        say(&format!("{:>12} cargo xtask docs --serve, then open http://127.0.0.1:8000/\n", "Preview"));
        return Report::default();
    }
    let port = options.port;
    let listener = match std::net::TcpListener::bind(("127.0.0.1", port)) {
        Ok(listener) => listener,
        Err(error) => {
            return Report::error(format!("cannot listen on 127.0.0.1:{port}: {error}"), exit::INVALID);
        }
    };
    say(&format!("{:>12} http://127.0.0.1:{port}/ (Ctrl-C to stop)\n", "Serving"));
    match site::serve(&out, listener, None) {
        Ok(()) => Report::default(),
        Err(error) => Report::error(error, exit::INVALID),
    }
}
