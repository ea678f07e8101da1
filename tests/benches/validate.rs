//! `cargo bench -p cloudspec-tests --bench validate`: how fast a large captured response is
//! validated, end to end as `cargo xtask validate` does it (read, parse, validate, place).
//!
//! It generates a ListPhoneImages 200 body of `CLOUDSPEC_BENCH_MB` megabytes (50 by default)
//! from the documented example, writes it under the target directory (where
//! `tests/benches/compare-python.sh` also reads it), and prints MB/s for a conforming
//! capture and for one where 1 image in 100 breaks the schema.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cloudspec::capture::{self, Outcome, contract, input::Source, progress::Silent};
use serde_json::{Value, json};

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
            let checked = capture::check(&contract, Source::File(path.clone()), &mut Silent);
            times.push(started.elapsed());
            violations = match checked.outcome {
                Outcome::Valid => 0,
                Outcome::Invalid(located) => located.len(),
                other => panic!("{}: {other:?}", path.display()),
            };
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

/// Writes a compact body of about `target` bytes: the documented images, repeated with ids
/// and names of their own (a third of the names Chinese, for multi-byte strings); every
/// `broken_every`-th image has an `is_public` of the wrong type (a string).
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
    let mut images = Vec::new();
    let mut size = 0;
    while size < target {
        let index = images.len();
        let mut image = documented[index % documented.len()].clone();
        image["image_id"] = json!(format!("{index:032x}"));
        image["image_name"] = json!(if index % 3 == 0 {
            format!("云手机镜像{index}")
        } else {
            format!("AOSP image {index}")
        });
        if broken_every.is_some_and(|every| index % every == every - 1) {
            image["is_public"] = json!("1");
        }
        size += serde_json::to_string(&image).map_or(0, |text| text.len() + 1);
        images.push(image);
    }
    let body =
        json!({ "phone_images": Value::Array(images), "request_id": "5aac6ab146ba76e5b12a3d00a03a9869" });
    let text = serde_json::to_vec(&body).expect("a Value serializes");
    std::fs::write(path, &text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    text.len()
}
