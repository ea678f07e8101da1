//! `cargo bench -p cloudspec-tests --bench validate`: how fast a large captured response is
//! validated, end to end as `cargo xtask validate` does it (read a buffer at a time, parse,
//! validate, place each violation).
//!
//! It generates a ListPhoneImages 200 body of `CLOUDSPEC_BENCH_MB` megabytes (50 by default)
//! from the documented example, writes it under the target directory (where
//! `tests/benches/compare-python.sh` also reads it), and prints MB/s for a conforming
//! capture and for one where 1 image in 100 breaks the schema. Peak memory is measured on the
//! command line by `tests/benches/compare-python.sh`, with `/usr/bin/time -v`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cloudspec::capture::{self, Outcome, contract, input::Source, progress::Silent};
use serde_json::json;

const OPERATION: &str = "huaweicloud/cph/ListPhoneImages";
const RUNS: usize = 5;

#[allow(clippy::cast_precision_loss, reason = "sizes in MB/s need no more than 52 bits")]
fn main() {
    let megabytes: usize =
        std::env::var("CLOUDSPEC_BENCH_MB").ok().and_then(|mb| mb.parse().ok()).unwrap_or(50);
    let workspace = cloudspec_tests::workspace();
    let contract = contract::load(&workspace, cloudspec_catalog::ENDPOINTS, OPERATION, "200", "en")
        .unwrap_or_else(|error| panic!("{error}"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    for (name, broken_every) in [("valid", None), ("1-in-100-invalid", Some(100))] {
        let path = dir.join(format!("ListPhoneImages-{megabytes}MB-{name}.json"));
        let size = generate(&workspace, &path, megabytes * 1_000_000, broken_every);
        let mut times = Vec::new();
        let mut violations = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            let mut found = 0;
            let checked =
                capture::check(&contract, Source::File(path.clone()), &mut Silent, &mut |_| found += 1);
            times.push(started.elapsed());
            assert!(
                matches!(checked.outcome, Outcome::Valid | Outcome::Invalid),
                "{}: {checked:?}",
                path.display()
            );
            violations = found;
        }
        assert_eq!(violations > 0, broken_every.is_some(), "{name}: {violations} violations");
        times.sort();
        let rate = |time: Duration| size as f64 / 1e6 / time.as_secs_f64();
        println!(
            "validate {:.1} MB {name} ({violations} violations): best {:.3} s = {:.0} MB/s, median {:.3} s = {:.0} MB/s   [{}]",
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
/// strings); every `broken_every`-th image has an `is_public` outside its enum.
fn generate(
    workspace: &cloudspec::Workspace,
    path: &PathBuf,
    target: usize,
    broken_every: Option<usize>,
) -> usize {
    let fixture =
        cloudspec::json::read(&workspace.path("tests/fixtures/huaweicloud/cph/ListPhoneImages/200.json"))
            .unwrap_or_else(|error| panic!("{error}"));
    let documented = fixture["phone_images"].as_array().expect("the example lists images").clone();
    let file = std::fs::File::create(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let mut out = std::io::BufWriter::new(file);
    let mut write =
        |text: &[u8]| out.write_all(text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    write(b"{\"phone_images\":[");
    let mut size = 0;
    let mut index = 0;
    while size < target {
        let mut image = documented[index % documented.len()].clone();
        image["image_id"] = json!(format!("{index:032x}"));
        image["image_name"] = json!(if index % 3 == 0 {
            format!("云手机镜像{index}")
        } else {
            format!("AOSP image {index}")
        });
        if broken_every.is_some_and(|every| index % every == every - 1) {
            image["is_public"] = json!(3);
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
