"""Runs the reference site's request samples on the wire: the very files the site publishes
and its pages show (`cargo xtask docs` writes them, `<key>.samples/` beside each page, with
`<key>.samples.json`, their index), each sent through the recording proxy to Prism.

    python samples.py ROOT SITE ROUTES RESULTS_DIR WORK

The one change made to a sample's text is its server: the documented one (the index's
`server`) becomes the proxy's address; a sample that does not name it fails. Each sample must
exit 0 and print the documented 200 body (tests/fixtures/<key>/200.json); `check.py verdict`
then holds what it sent to the documented request. Every sample asks for the 200 answer: a
reader runs it as it is.

    curl (.sh)          bash
    Python (.py)        the venv's python (httpx comes with openapi-python-client)
    TypeScript (.ts)    tsc, then node, beside the types openapi-typescript wrote (./gen/)
    Rust (.rs)          a binary each in a crate of progenitor's (target/wire/rust-samples),
                        built in target/consumers with consumers/progenitor's lock file
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from check import attempt, fixture

# The route each kind of sample goes through: its name in the proxy, and the document its
# Prism serves (progenitor reads the 3.0 rendition).
ROUTES = {".sh": "sample-curl", ".py": "sample-python", ".ts": "sample-typescript", ".rs": "sample-rust"}

RUST_MANIFEST = """[package]
name = "cloudspec-wire-samples"
version = "0.1.0"
edition = "2024"
publish = false

[workspace]

# What a progenitor client needs: consumers/progenitor's dev-dependencies, so that the build
# reuses target/consumers.
[dependencies]
chrono = { version = "0.4", default-features = false, features = ["serde"] }
progenitor = "0.15"
progenitor-client = "0.15"
regress = "0.12"
reqwest = { version = "0.13", default-features = false, features = ["json", "query", "stream"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
tokio = { version = "1", features = ["rt", "macros"] }
uuid = { version = "1", features = ["serde"] }
"""


def flat(key):
    return key.replace("/", "_")


def load(site, key, routes):
    """Every sample of `key`: (route, file, text with the proxy's address)."""
    index = json.loads((site / f"{key}.samples.json").read_text(encoding="utf-8"))
    server = index["server"]
    samples = []
    for sample in index["samples"]:
        path = site / sample["file"]
        route = ROUTES[path.suffix]
        text = path.read_text(encoding="utf-8")
        if server not in text:
            sys.exit(f"{path}: does not name its server {server}")
        samples.append((route, path, text.replace(server, routes[key][route].rstrip("/"))))
    return samples


def run(command, **kwargs):
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, **kwargs)
    if done.returncode != 0:
        raise RuntimeError(f"exit {done.returncode}: {done.stderr.strip()[-600:] or done.stdout.strip()[-600:]}")
    return done.stdout


def main():
    root, site, routes_file, results_dir, work = (Path(arg) for arg in sys.argv[1:])
    routes = json.loads(routes_file.read_text(encoding="utf-8"))
    keys = sorted(key for key in routes if (site / f"{key}.samples.json").is_file())
    node = root / "target/wire/node"
    shutil.rmtree(work, ignore_errors=True)
    ts_dir, rust_dir = node / "samples", work / "rust-samples"
    shutil.rmtree(ts_dir, ignore_errors=True)
    (rust_dir / "src/bin").mkdir(parents=True)
    (rust_dir / "Cargo.toml").write_text(RUST_MANIFEST, encoding="utf-8")
    shutil.copy(root / "consumers/progenitor/Cargo.lock", rust_dir / "Cargo.lock")
    (rust_dir / "spec").symlink_to(root / "spec")

    runners = {}  # (route, key) -> a function that runs the sample and returns its output
    for key in keys:
        for route, path, text in load(site, key, routes):
            if route == "sample-curl":
                runners[(route, key)] = lambda text=text: run(["bash", "-c", text])
            elif route == "sample-python":
                python = root / "target/wire/venv/bin/python"
                runners[(route, key)] = lambda text=text, python=python: run([str(python), "-c", text])
            elif route == "sample-typescript":
                directory = ts_dir / flat(key)
                directory.mkdir(parents=True)
                (directory / "sample.ts").write_text(text, encoding="utf-8")
                shutil.copy(node / "gen" / f"{key}.ts", directory / f"{key.rsplit('/', 1)[-1]}.ts")
                script = ts_dir / "out" / flat(key) / "sample.js"
                runners[(route, key)] = lambda script=script: run(["node", str(script)])
            else:
                (rust_dir / "src/bin" / f"{flat(key)}.rs").write_text(text, encoding="utf-8")
                binary = root / "target/consumers/debug" / f"{flat(key)}"
                runners[(route, key)] = lambda binary=binary: run([str(binary)])

    results, failed = {}, 0
    built = {}
    tsconfig = {
        "compilerOptions": {
            "target": "es2022", "module": "nodenext", "moduleResolution": "nodenext", "strict": True,
            "noEmitOnError": True, "skipLibCheck": True, "outDir": "out", "rootDir": ".", "types": ["node"],
        },
        "include": ["*/sample.ts"],
    }  # fmt: skip
    (ts_dir / "tsconfig.json").write_text(json.dumps(tsconfig, indent=2), encoding="utf-8")
    for route, command in [
        ("sample-typescript", [str(node / "node_modules/.bin/tsc"), "-p", str(ts_dir)]),
        ("sample-rust", ["cargo", "build", "--quiet", "--bins", "--target-dir", str(root / "target/consumers")]),
    ]:
        try:
            run(command, cwd=rust_dir if route == "sample-rust" else ts_dir)
            built[route] = None
        except RuntimeError as error:
            built[route] = f"does not build: {error}"

    for (route, key), runner in sorted(runners.items()):
        outcome = results.setdefault(route, {})

        def call(route=route, key=key, runner=runner):
            if built.get(route):
                raise RuntimeError(built[route])
            printed = json.loads(runner())
            if printed != fixture(root, key, "200"):
                raise AssertionError(f"printed {json.dumps(printed)[:300]}, not the documented 200 body")

        failed += attempt(outcome, key, call)
        print(f"  {route} {key}: {outcome[key]}")
    (results_dir / "samples.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
