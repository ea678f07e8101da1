//! `cargo bench -p cloudspec-tests --bench har`: how fast a captured session is checked, end to
//! end as `cargo xtask validate --har` does it (read the archive a buffer at a time, match
//! each entry, check its request and response, body included).
//!
//! It writes a session of `CLOUDSPEC_BENCH_MB` megabytes (50 by default; docs/performance.md's figures
//! are for 1000) under the target directory, where `tests/benches/compare-python-har.sh` also
//! reads it: the documented exchanges of every endpoint (`cloudspec_tests::session`), with the
//! headers a browser adds, and a ListPhoneImages answer listing 40 images, repeated, pretty
//! printed as devtools export them. Then it prints MB/s. Peak memory is measured on the
//! command line by the script, with `/usr/bin/time -v`.
//!
//! With `CLOUDSPEC_BENCH_BODY_MB` set, the session is instead one exchange whose response body
//! is a ListPhoneImages answer of that many megabytes (`session-body-<MB>MB.har`), in one
//! line as an API sends it: a body checked as it streams, far larger than the memory it takes.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cloudspec_tests::session::{self, Step};
use serde_json::{Value, json};

const RUNS: usize = 3;

#[allow(clippy::cast_precision_loss, reason = "sizes in MB/s need no more than 52 bits")]
fn main() {
    let megabytes = cloudspec_tests::bench_megabytes();
    let workspace = cloudspec_tests::workspace();
    let routes = cloudspec::traffic::routes(&workspace, cloudspec_catalog::ENDPOINTS)
        .unwrap_or_else(|error| panic!("{error}"));
    let body_megabytes: Option<usize> =
        std::env::var("CLOUDSPEC_BENCH_BODY_MB").ok().and_then(|mb| mb.parse().ok());
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let (path, (size, count)) = if let Some(body) = body_megabytes {
        let path = scratch.join(format!("session-body-{body}MB.har"));
        let written = write_one(&path, body * 1_000_000);
        (path, written)
    } else {
        let path = scratch.join(format!("session-{megabytes}MB.har"));
        let written = write(&path, megabytes * 1_000_000);
        (path, written)
    };
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let mut checker = cloudspec_traffic::Checker::new(&routes);
        let mut file =
            std::fs::File::open(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let started = Instant::now();
        let problems = checker.check("bench", &mut file, &mut |entry| {
            std::hint::black_box(entry);
        });
        times.push(started.elapsed());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!((checker.summary.entries, checker.summary.valid), (count, count), "{:?}", checker.summary);
    }
    times.sort();
    let rate = |time: Duration| size as f64 / 1e6 / time.as_secs_f64();
    println!(
        "validate --har {:.1} MB, {count} entries of {:.1} KB on average, all valid: best {:.2} s = \
        {:.0} MB/s, median {:.2} s = {:.0} MB/s   [{}]",
        size as f64 / 1e6,
        size as f64 / 1e3 / count as f64,
        times[0].as_secs_f64(),
        rate(times[0]),
        times[RUNS / 2].as_secs_f64(),
        rate(times[RUNS / 2]),
        path.display(),
    );
}

/// The steps repeated: every endpoint's documented exchanges, and a longer list of images.
fn steps() -> Vec<Step> {
    let mut steps: Vec<Step> =
        cloudspec_catalog::ENDPOINTS.iter().flat_map(|endpoint| session::documented(endpoint)).collect();
    let images: Vec<Value> = (0..40).map(cloudspec_tests::phone_image).collect();
    let body = json!({ "phone_images": images, "request_id": "5aac6ab146ba76e5b12a3d00a03a9869" });
    steps.push(Step {
        request: Some("huaweicloud/cph/ListPhoneImages".into()),
        status: 200,
        text: Some(serde_json::to_string_pretty(&body).expect("a Value serializes")),
        ..Step::default()
    });
    for step in &mut steps {
        step.browser = true;
    }
    steps
}

/// Writes a session of one exchange whose body is at least `target` bytes; its size and
/// number of entries.
fn write_one(path: &PathBuf, target: usize) -> (usize, usize) {
    // A generated image takes about 160 bytes in one line.
    let step = Step {
        request: Some("huaweicloud/cph/ListPhoneImages".into()),
        status: 200,
        body: Some("huaweicloud/cph/ListPhoneImages/200.json".into()),
        images: Some(target / 160),
        browser: true,
        ..Step::default()
    };
    let har = json!({ "log": {
        "version": "1.2",
        "creator": { "name": "cloudspec bench", "version": "1" },
        "entries": [session::entry(&step)],
    } });
    let file = std::fs::File::create(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let mut out = std::io::BufWriter::new(file);
    serde_json::to_writer(&mut out, &har).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    out.flush().unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    (file_size(path), 1)
}

fn file_size(path: &Path) -> usize {
    usize::try_from(std::fs::metadata(path).map_or(0, |metadata| metadata.len())).unwrap_or(usize::MAX)
}

/// Writes a session of at least `target` bytes; its size and number of entries.
fn write(path: &PathBuf, target: usize) -> (usize, usize) {
    let entries: Vec<String> = steps()
        .iter()
        .map(|step| serde_json::to_string_pretty(&session::entry(step)).expect("a Value serializes"))
        .collect();
    let file = std::fs::File::create(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let mut out = std::io::BufWriter::new(file);
    let count = {
        let mut write = |text: &str| {
            out.write_all(text.as_bytes()).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        };
        write(
            "{\n  \"log\": {\n    \"version\": \"1.2\",\n    \"creator\": { \"name\": \"cloudspec \
            bench\", \"version\": \"1\" },\n    \"entries\": [\n",
        );
        let (mut size, mut count) = (0, 0);
        while size < target {
            let entry = &entries[count % entries.len()];
            if count > 0 {
                write(",\n");
            }
            write(entry);
            size += entry.len() + 2;
            count += 1;
        }
        write("\n    ]\n  }\n}\n");
        count
    };
    out.flush().unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    (file_size(path), count)
}
