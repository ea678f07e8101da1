//! `cargo xtask docs --serve` over real connections: each request target of
//! `serve_cases/targets.txt` gets its status (nothing outside the site is served); a client
//! that connects and sends nothing stalls no one; a request head larger than the bound is
//! refused.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

use cloudspec::site::serve::{HEAD_TIMEOUT, MAX_HEAD};

/// A site of two pages, and a file beside it that must never be served.
struct Server {
    _dir: tempfile::TempDir,
    port: u16,
}

fn start() -> Server {
    let dir = tempfile::tempdir().expect("temporary directory");
    let site = dir.path().join("site");
    std::fs::create_dir_all(site.join("docs")).expect("create the site");
    std::fs::write(site.join("index.html"), "index").expect("write");
    std::fs::write(site.join("docs/page.html"), "page").expect("write");
    std::fs::write(dir.path().join("secret.txt"), "secret").expect("write");
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let port = listener.local_addr().expect("local address").port();
    let deadline = Some(Instant::now() + Duration::from_secs(120));
    std::thread::spawn(move || cloudspec::site::serve(&site, listener, deadline));
    Server { _dir: dir, port }
}

/// Sends `head` (without its closing blank line) and returns the status of the answer.
fn status(port: u16, head: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    // Shorter than the server's head timeout: a server that waits for another client first
    // fails here.
    stream.set_read_timeout(Some(HEAD_TIMEOUT / 2)).expect("set a timeout");
    // The server may refuse before the head is all sent; what it answers is what counts.
    let _ = stream.write_all(format!("{head}\r\nConnection: close\r\n\r\n").as_bytes());
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    answer.lines().next().and_then(|line| line.split(' ').nth(1)).unwrap_or("no answer").to_owned()
}

#[test]
fn every_target_gets_its_status() {
    let server = start();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/serve_cases/targets.txt");
    let cases = std::fs::read_to_string(&path).expect("read the cases");
    let failures: Vec<String> = cases
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let (target, expected) = line.split_once(' ').expect("a target and a status");
            let found = status(server.port, &format!("GET {target} HTTP/1.1\r\nHost: localhost"));
            (found != expected.trim())
                .then(|| format!("{target}: expected {}, found {found}", expected.trim()))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_idle_client_stalls_no_one() {
    let server = start();
    let _idle = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    let _half = {
        let mut half = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
        half.write_all(b"GET / HTTP/1.1\r\nHost: loc").expect("write");
        half
    };
    assert_eq!(status(server.port, "GET /index.html HTTP/1.1\r\nHost: localhost"), "200");
}

#[test]
fn a_head_beyond_the_bound_is_refused() {
    let server = start();
    let large = "x".repeat(MAX_HEAD * 4);
    assert_eq!(status(server.port, &format!("GET / HTTP/1.1\r\nHost: localhost\r\nX-Large: {large}")), "431");
    let methods = status(server.port, "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0");
    assert_eq!(methods, "405");
}
