//! `cargo bench -p cloudspec --bench catalog`: generates, checks, lints and diffs catalogs of
//! 250, 500 and 1,000 synthetic endpoints, several times each (`CLOUDSPEC_BENCH_RUNS`, 5 by
//! default), and prints the median wall and processor time of each stage, the time per
//! document, and how the cost grows with the catalog (linear is the promise). A benchmark,
//! not a test: it asserts nothing, so a slow machine never fails CI.
//!
//! Each synthetic endpoint is the size of a real one (a path and a query parameter, a body of
//! nested objects behind `$ref`s with byte limits, an enum, an error body, a fixture), and
//! generates what a real one does: its document, its 3.0 rendition and two JSON Schemas.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use cloudspec::diff;
use cloudspec::{Workspace, lint, sync};
use cloudspec_diff::DocumentSet;
use cloudspec_endpoint::schemas;
use cloudspec_endpoint::{
    ApiKeyLocation, Body, Endpoint, Operation, Provider, Response, SecurityScheme, ServerTemplate, Service,
    Tag, WireCase,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::openapi::path::Paths;

static PROVIDER: Provider = Provider {
    id: "synthetic",
    name: "Synthetic Cloud",
    security: &[SecurityScheme {
        name: "Token",
        location: ApiKeyLocation::Header,
        parameter: "X-Auth-Token",
        description: "A token.",
    }],
    wire_case: WireCase::SnakeCase,
    locales: &[],
};

static SERVICE: Service = Service {
    id: "things",
    name: "Things",
    api_version: "v1",
    server: ServerTemplate {
        url: "https://things.{region}.example.test",
        default_region: "r1",
        regions: &["r1", "r2"],
        description: "The region.",
    },
    tags: &[Tag { name: "Things", description: "The things." }],
    error_body: Body::of::<ErrorBody>(),
    errors: &[Response::error(400, "Bad Request")],
};

/// Every synthetic endpoint answers a page of things.
static RESPONSES: &[Response] = &[Response::json(200, "OK", Body::of::<ListThingsResponse>())];

/// A page of things.
#[schemas]
#[derive(Debug, Serialize, Deserialize)]
struct ListThingsResponse {
    /// The request ID.
    request_id: String,
    /// The things.
    things: Vec<Thing>,
}

/// A thing.
#[schemas]
#[derive(Debug, Serialize, Deserialize)]
#[expect(clippy::struct_field_names, reason = "the synthetic API's wire names")]
struct Thing {
    /// The ID.
    #[field(max_bytes = 32)]
    thing_id: String,
    /// The name.
    #[field(optional, max_bytes = 128)]
    thing_name: Option<String>,
    state: State,
    /// The size.
    #[field(optional, minimum = 0)]
    size: Option<i64>,
}

/// The state.
#[schemas]
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum State {
    On,
    Off,
    Broken,
}

/// An error.
#[schemas]
#[derive(Debug, Serialize, Deserialize)]
struct ErrorBody {
    /// The code.
    error_code: String,
    /// The message.
    #[field(optional)]
    error_msg: Option<String>,
}

/// The operation of synthetic endpoint `N`. A descriptor holds a plain `fn`, so each
/// operation is its own instance of this function.
fn paths<const N: usize>() -> Paths {
    serde_json::from_value(operation(N)).unwrap_or_else(|error| panic!("{error}"))
}

fn operation(n: usize) -> serde_json::Value {
    json!({format!("/v1/{{project_id}}/things{n}"): {"get": {
        "tags": ["Things"],
        "summary": format!("List things {n}"),
        "description": "Lists the things of the project.",
        "parameters": [
            {"name": "project_id", "in": "path", "required": true, "description": "The project.",
             "schema": {"type": "string", "minLength": 32, "maxLength": 32}},
            {"name": "limit", "in": "query", "required": false, "description": "Page size.",
             "schema": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 100}},
        ],
        "responses": {},
    }}})
}

macro_rules! units {
    ($h:literal $t:literal) => {
        [
            paths::<{ $h * 100 + $t * 10 }>,
            paths::<{ $h * 100 + $t * 10 + 1 }>,
            paths::<{ $h * 100 + $t * 10 + 2 }>,
            paths::<{ $h * 100 + $t * 10 + 3 }>,
            paths::<{ $h * 100 + $t * 10 + 4 }>,
            paths::<{ $h * 100 + $t * 10 + 5 }>,
            paths::<{ $h * 100 + $t * 10 + 6 }>,
            paths::<{ $h * 100 + $t * 10 + 7 }>,
            paths::<{ $h * 100 + $t * 10 + 8 }>,
            paths::<{ $h * 100 + $t * 10 + 9 }>,
        ]
    };
}
macro_rules! tens {
    ($h:literal) => {
        [
            units!($h 0), units!($h 1), units!($h 2), units!($h 3), units!($h 4),
            units!($h 5), units!($h 6), units!($h 7), units!($h 8), units!($h 9),
        ]
    };
}
type Table = [[[fn() -> Paths; 10]; 10]; 10];
static TABLE: Table =
    [tens!(0), tens!(1), tens!(2), tens!(3), tens!(4), tens!(5), tens!(6), tens!(7), tens!(8), tens!(9)];

fn endpoints() -> Vec<&'static Endpoint> {
    TABLE
        .iter()
        .flatten()
        .flatten()
        .enumerate()
        .map(|(n, paths)| {
            &*Box::leak(Box::new(Endpoint {
                provider: &PROVIDER,
                service: &SERVICE,
                operation_id: Box::leak(format!("ListThings{n}").into_boxed_str()),
                api_version: None,
                replaced_by: None,
                sources: &[cloudspec_endpoint::Source {
                    title: "Listing things",
                    locale: "en",
                    url: "https://docs.example.com/things",
                }],
                operation: Operation::from_paths(*paths),
                responses: RESPONSES,
                source_file: file!(),
            }))
        })
        .collect()
}

/// Writes each endpoint's example of 200 and its row in the fixtures' README.
fn write_fixtures(workspace: &Workspace, endpoints: &[&'static Endpoint]) {
    let mut readme = String::from("| Fixture | Summary | Source |\n|---|---|---|\n");
    let body = json!({
        "request_id": "r",
        "things": [{"thing_id": "a", "thing_name": "first", "state": "on", "size": 1}]
    });
    for endpoint in endpoints {
        let dir = workspace.path(cloudspec::paths::fixture_dir(endpoint));
        std::fs::create_dir_all(&dir).expect("a fixture directory");
        std::fs::write(
            workspace.path(cloudspec::paths::documented_fixture(endpoint, "200")),
            body.to_string(),
        )
        .expect("a fixture");
        let _ = writeln!(readme, "| `{}/200.json` | Synthetic | Written by the benchmark. |", endpoint.key());
    }
    std::fs::write(workspace.path(cloudspec::fixtures::README), readme).expect("the fixtures' README");
    // Each document's sources.md is rendered from the captures' index, which cites nothing here.
    std::fs::create_dir_all(workspace.path("sources")).expect("the sources directory");
    std::fs::write(workspace.path("sources/index.yaml"), "pages: {}\n").expect("the sources' index");
    // The synthetic endpoints share one module, and so one conform file: no contract.
    if let Some(endpoint) = endpoints.first() {
        let conform = workspace.path(cloudspec::paths::conform_file(endpoint));
        std::fs::create_dir_all(conform.parent().expect("a conform file has a directory"))
            .expect("its directory");
        std::fs::write(
            conform,
            "contract:\n  format: none\n  reason: synthetic endpoints of the benchmark\n",
        )
        .expect("the conform file");
    }
}

/// The cost of one stage: the time it took, and the processor time the process spent in it
/// (user and system, every thread's): the figure to compare on a machine that others load.
#[derive(Clone, Copy, Default)]
struct Cost {
    wall: Duration,
    cpu: Duration,
}

impl std::ops::Add for Cost {
    type Output = Self;
    fn add(self, other: Self) -> Self {
        Self { wall: self.wall + other.wall, cpu: self.cpu + other.cpu }
    }
}

/// The processor time the process has used, every thread's, from `/proc/self/stat` (its
/// `utime` and `stime`, in the kernel's ticks of 10 ms): std has no clock for it, and the
/// workspace forbids the `unsafe` a call to `clock_gettime` needs. Zero where there is no
/// `/proc`. Stages are timed over hundreds of documents, so a tick is 1% of the smallest.
fn cpu_time() -> Duration {
    const TICKS_PER_SECOND: u64 = 100;
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return Duration::ZERO };
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(") ").map_or(vec![], |(_, rest)| rest.split(' ').collect());
    // `utime` and `stime` are fields 14 and 15 of the line, 12 and 13 after the name.
    let ticks: u64 = fields.iter().skip(11).take(2).filter_map(|field| field.parse::<u64>().ok()).sum();
    Duration::from_millis(ticks * 1000 / TICKS_PER_SECOND)
}

/// What each stage cost for one catalog.
#[derive(Clone, Copy)]
struct Timings {
    generate: Cost,
    check: Cost,
    lint: Cost,
    diff: Cost,
}

impl Timings {
    fn total(&self) -> Cost {
        self.generate + self.check + self.lint + self.diff
    }
}

fn time<T>(work: impl FnOnce() -> T) -> (T, Cost) {
    let (start, start_cpu) = (Instant::now(), cpu_time());
    let value = work();
    (value, Cost { wall: start.elapsed(), cpu: cpu_time().saturating_sub(start_cpu) })
}

fn run(endpoints: &[&'static Endpoint]) -> Timings {
    let root = tempfile::tempdir().expect("temporary directory");
    let workspace = Workspace::new(root.path());
    write_fixtures(&workspace, endpoints);
    let (rows, generate) = time(|| sync::apply(&workspace, sync::resolve(&workspace, endpoints)));
    let failed: Vec<String> = rows
        .iter()
        .filter(|row| !matches!(row.outcome, sync::Generated::Created))
        .map(|row| format!("{}: {:?}", row.path.display(), row.outcome))
        .collect();
    assert!(failed.is_empty(), "every document is created; not these:\n{}", failed.join("\n"));
    let (resolution, check) = time(|| sync::resolve(&workspace, endpoints));
    assert!(
        resolution.rows.iter().all(|row| matches!(row.outcome, sync::Checked::Fresh)),
        "every document is fresh"
    );
    let built = resolution.documents;
    let (findings, lint) = time(|| lint::documents(&built));
    assert!(findings.is_empty(), "the synthetic catalog is clean: {:?}", findings.first());
    // The new side changes one limit in every document, so that every comparison finds work.
    let after: DocumentSet = built
        .into_iter()
        .map(|document| {
            let mut value = document.value;
            value["components"]["schemas"]["Thing"]["properties"]["thing_name"]["maxLength"] = json!(64);
            (document.path.to_string(), value)
        })
        .collect();
    let (changes, diff) = time(|| {
        let before = diff::documents::from_dir(&workspace, std::path::Path::new(cloudspec::paths::SPEC_DIR))
            .expect("read the generated documents");
        cloudspec_diff::diff(&before, &after, cloudspec_diff::Date::today())
    });
    assert_eq!(changes.len(), endpoints.len(), "one change per document");
    Timings { generate, check, lint, diff }
}

fn ms(duration: Duration) -> String {
    format!("{:>8.0} ms", duration.as_secs_f64() * 1000.0)
}

/// The median of `runs`' values of one measure.
fn median(runs: &[Timings], measure: impl Fn(&Timings) -> Duration) -> Duration {
    let mut values: Vec<Duration> = runs.iter().map(measure).collect();
    values.sort_unstable();
    values[values.len() / 2]
}

/// The medians of one catalog size's runs, printed as one row of wall times and one of
/// processor times; returns the median totals.
fn report(size: usize, runs: &[Timings]) -> Cost {
    let mut total = Cost::default();
    for label in ["wall", "cpu"] {
        let pick = |cost: Cost| if label == "wall" { cost.wall } else { cost.cpu };
        let stage = |stage: fn(&Timings) -> Cost| ms(median(runs, |run| pick(stage(run))));
        let all = median(runs, |run| pick(run.total()));
        let each = all / u32::try_from(size).expect("a small count");
        println!(
            "{size:>9} {label:>5} {} {} {} {} {} {:>10.2} ms",
            stage(|run| run.generate),
            stage(|run| run.check),
            stage(|run| run.lint),
            stage(|run| run.diff),
            ms(all),
            each.as_secs_f64() * 1000.0
        );
        if label == "wall" { total.wall = all } else { total.cpu = all }
    }
    total
}

/// How many times each catalog is measured, for the medians: `CLOUDSPEC_BENCH_RUNS`, else 5.
fn runs() -> usize {
    std::env::var("CLOUDSPEC_BENCH_RUNS")
        .ok()
        .and_then(|runs| runs.parse().ok())
        .filter(|&runs| runs > 0)
        .unwrap_or(5)
}

fn main() {
    let all = endpoints();
    let runs = runs();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    // Warm up: the OpenAPI 3.1 meta-schema is compiled once per process.
    run(&all[..10]);
    println!("median of {runs} runs; cpu is user + system time of all {threads} threads");
    println!(
        "{:>9} {:>5} {:>11} {:>11} {:>11} {:>11} {:>11} {:>13}",
        "documents", "", "generate", "check", "lint", "diff", "total", "per document"
    );
    let mut totals = Vec::new();
    for size in [250, 500, 1000] {
        let measured: Vec<Timings> = (0..runs).map(|_| run(&all[..size])).collect();
        totals.push((size, report(size, &measured)));
    }
    let (first_size, first) = totals[0];
    let (last_size, last) = totals[totals.len() - 1];
    #[expect(clippy::cast_precision_loss, reason = "catalog sizes are small")]
    let documents = last_size as f64 / first_size as f64;
    let growth = |pick: fn(Cost) -> Duration| pick(last).as_secs_f64() / pick(first).as_secs_f64();
    println!(
        "growth: {documents}x the documents took {:.2}x the wall time and {:.2}x the cpu time \
         (per-document cost x{:.2} and x{:.2}; 1.00 is linear)",
        growth(|cost| cost.wall),
        growth(|cost| cost.cpu),
        growth(|cost| cost.wall) / documents,
        growth(|cost| cost.cpu) / documents,
    );
    let verdict = if last.wall < Duration::from_secs(2) { "within" } else { "OVER" };
    println!(
        "{last_size} documents in {:.2} s ({:.2} s of cpu): {verdict} the 2 s target",
        last.wall.as_secs_f64(),
        last.cpu.as_secs_f64()
    );
}
