//! `cargo bench -p cloudspec-tests --bench validate`: how fast a large captured response is
//! validated, end to end as `cargo xtask validate` does it (read a buffer at a time, parse,
//! validate, place each violation and notice).
//!
//! It generates a ListPhoneImages 200 body of `CLOUDSPEC_BENCH_MB` megabytes (50 by default)
//! from the documented example, writes it under the target directory (where
//! `tests/benches/compare-python.sh` also reads it), and prints MB/s for a conforming
//! capture, for one where 1 image in 100 breaks the schema, and for one where 1 image in 100
//! has a value off an open enum's list (a notice, the capture valid). Peak memory is measured on the
//! command line by `tests/benches/compare-python.sh`, with `/usr/bin/time -v`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cloudspec::published;
use cloudspec_capture::{self as capture, Outcome, input::Source, progress::Silent};
use serde_json::{Value, json};

const OPERATION: &str = "huaweicloud/cph/ListPhoneImages";
const RUNS: usize = 5;

#[allow(clippy::cast_precision_loss, reason = "sizes in MB/s need no more than 52 bits")]
fn main() {
    let megabytes = cloudspec_tests::bench_megabytes();
    let workspace = cloudspec_tests::workspace();
    let contract = published::load(&workspace, cloudspec_catalog::ENDPOINTS, OPERATION, "200", "en")
        .unwrap_or_else(|error| panic!("{error}"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    // `is_public` of the wrong type (a string) breaks the schema; 3, off its open list
    // (1 and 2), is a notice.
    let cases =
        [("valid", None), ("1-in-100-invalid", Some(json!("1"))), ("1-in-100-unlisted", Some(json!(3)))];
    for (name, is_public) in cases {
        let path = dir.join(format!("ListPhoneImages-{megabytes}MB-{name}.json"));
        let size = generate(&path, megabytes * 1_000_000, is_public.as_ref());
        let mut times = Vec::new();
        let (mut violations, mut notices) = (0, 0);
        for _ in 0..RUNS {
            let started = Instant::now();
            let checked =
                capture::check(&contract.plan, Source::File(path.clone()), &mut Silent, &mut |finding| {
                    std::hint::black_box(finding);
                });
            times.push(started.elapsed());
            assert!(
                matches!(checked.outcome, Outcome::Valid | Outcome::Invalid),
                "{}: {checked:?}",
                path.display()
            );
            (violations, notices) = (checked.violations, checked.notices);
        }
        let expected = match name {
            "valid" => (false, false),
            "1-in-100-invalid" => (true, false),
            _ => (false, true),
        };
        assert_eq!(
            (violations > 0, notices > 0),
            expected,
            "{name}: {violations} violations, {notices} notices"
        );
        times.sort();
        let rate = |time: Duration| size as f64 / 1e6 / time.as_secs_f64();
        println!(
            "validate {:.1} MB {name} ({violations} violations, {notices} notices): best {:.3} s = \
            {:.0} MB/s, median {:.3} s = {:.0} MB/s   [{}]",
            size as f64 / 1e6,
            times[0].as_secs_f64(),
            rate(times[0]),
            times[RUNS / 2].as_secs_f64(),
            rate(times[RUNS / 2]),
            path.display(),
        );
    }
}

/// Writes a compact body of about `target` bytes, an image at a time: the documented images,
/// repeated with ids and names of their own (a third of the names Chinese, for multi-byte
/// strings); every 100th image has `is_public` set to `is_public`, if given.
fn generate(path: &PathBuf, target: usize, is_public: Option<&Value>) -> usize {
    let file = std::fs::File::create(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let mut out = std::io::BufWriter::new(file);
    let mut write =
        |text: &[u8]| out.write_all(text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    write(b"{\"phone_images\":[");
    let mut size = 0;
    let mut index = 0;
    while size < target {
        let mut image = cloudspec_tests::phone_image(index);
        if let Some(is_public) = is_public
            && index % 100 == 99
        {
            image["is_public"] = is_public.clone();
        }
        if index > 0 {
            write(b",");
        }
        let text = serde_json::to_vec(&image).expect("a Value serializes");
        write(&text);
        size += text.len() + 1;
        index += 1;
    }
    write(b"],\"request_id\":\"5aac6ab146ba76e5b12a3d00a03a9869\"}");
    out.flush().unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    usize::try_from(std::fs::metadata(path).map_or(0, |metadata| metadata.len())).unwrap_or(usize::MAX)
}
