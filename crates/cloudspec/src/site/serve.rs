//! `cargo xtask docs --serve`, and the browser test's server: the site's files to `GET` and
//! `HEAD` requests, over HTTP/1.1 with hyper. Each connection is a task of its own, so an idle
//! client stalls no one; a request head larger than [`MAX_HEAD`] is refused by hyper (431)
//! before it is read whole, and one that takes longer than [`HEAD_TIMEOUT`] is dropped.
//! A target that leaves the site's directory (`..`, `%2e%2e`, an absolute path) is not found.

use std::convert::Infallible;
use std::net::TcpListener;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::server::conn::http1;
use hyper::{Method, Request, Response, StatusCode, header};
use hyper_util::rt::{TokioIo, TokioTimer};

/// The most a request line and its headers may take: a browser's are under 8 KiB.
pub const MAX_HEAD: usize = 16 * 1024;
/// How long a client may take to send its request head.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves the files under `root` on `listener` until `deadline` passes (or, with none,
/// forever).
pub fn serve(root: &Path, listener: TcpListener, deadline: Option<Instant>) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_io().enable_time().build()?;
    let root: Arc<Path> = root.into();
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        loop {
            let accepted = match deadline {
                Some(deadline) => {
                    let deadline = tokio::time::Instant::from_std(deadline);
                    match tokio::time::timeout_at(deadline, listener.accept()).await {
                        Ok(accepted) => accepted,
                        Err(_elapsed) => return Ok(()),
                    }
                }
                None => listener.accept().await,
            };
            let stream = match accepted {
                Ok((stream, _)) => stream,
                // The client left before it was accepted: nothing to serve.
                Err(error) if error.kind() == std::io::ErrorKind::ConnectionAborted => continue,
                Err(error) => return Err(error),
            };
            let root = Arc::clone(&root);
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |request: Request<hyper::body::Incoming>| {
                    let response = answer(&root, request.method(), request.uri().path());
                    async move { Ok::<_, Infallible>(response) }
                });
                // A connection's failure (a client gone, a head too large) is that client's.
                let _ = http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(HEAD_TIMEOUT)
                    .max_buf_size(MAX_HEAD)
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    })
}

/// The response to `method` on `target` (the request target's path, still percent-encoded).
fn answer(root: &Path, method: &Method, target: &str) -> Response<Full<Bytes>> {
    if method != Method::GET && method != Method::HEAD {
        return status(StatusCode::METHOD_NOT_ALLOWED);
    }
    let Some(relative) = file_of(target) else {
        return status(StatusCode::NOT_FOUND);
    };
    match std::fs::read(root.join(&relative)) {
        Ok(body) => Response::builder()
            .header(header::CONTENT_TYPE, content_type(&relative))
            .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
            .body(Full::new(Bytes::from(body)))
            .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR)),
        Err(_) => status(StatusCode::NOT_FOUND),
    }
}

/// The file a request target names, relative to the site's root; none when it would leave
/// the root. A directory's target (`/`, `/a/`) names its `index.html`.
pub(crate) fn file_of(target: &str) -> Option<PathBuf> {
    let decoded = percent_decode(target.strip_prefix('/')?)?;
    let mut relative = PathBuf::new();
    for part in Path::new(&decoded).components() {
        match part {
            Component::Normal(part) => relative.push(part),
            _ => return None,
        }
    }
    if decoded.is_empty() || decoded.ends_with('/') {
        relative.push("index.html");
    }
    Some(relative)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|extension| extension.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("yaml") => "application/yaml; charset=utf-8",
        Some("xml") => "application/xml; charset=utf-8",
        Some("atom") => "application/atom+xml; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("wasm") => "application/wasm",
        _ => "application/octet-stream",
    }
}

fn status(code: StatusCode) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = code;
    response
}

/// `%XX` decoded; none when the result is not UTF-8 or holds a NUL.
fn percent_decode(text: &str) -> Option<String> {
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
    String::from_utf8(decoded).ok().filter(|text| !text.contains('\0'))
}
