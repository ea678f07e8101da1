//! Each sample report in each format, held by a snapshot: a report of each shape the checks
//! give (verdicts first, verdicts after the findings, findings with details, accepted and
//! stale entries, tables, more findings than kept).

use std::borrow::Cow;

use super::sink;
use crate::{
    Counts, Detail, Finding, Format, Head, Level, Stale, Status, Styles, Subject, Table, Tail, Tone,
};

struct Sample {
    name: &'static str,
    head: Head,
    subjects: Vec<(Subject, Vec<Finding>)>,
    tail: Tail,
}

fn samples() -> Vec<Sample> {
    let breaking =
        Finding::new("enum-value-removed", Level::Error, "breaking", "spec/a.yaml", "a value was removed")
            .at("/paths/~1images/get")
            .line(Some(12), None)
            .fingerprint("0123abcd")
            .detail(Detail::new("before", "- ", "[\"a\",\"b\"]".to_owned()))
            .detail(Detail::new("after", "+ ", "[\"a\"]".to_owned()));
    let mut accepted = breaking.clone().fingerprint("ffff0000");
    accepted.accepted = Some("v2 | never sent b".to_owned());
    let violation = Finding::new("", Level::Error, "", "capture.json", "\"x\" is not of type \"integer\"")
        .line(Some(3), Some(9));
    let notice = Finding::new("open-enum", Level::Notice, "Notice", "capture.json", "\"new\" is not listed")
        .line(Some(4), Some(2));
    vec![
        Sample {
            name: "changes",
            head: Head {
                context: Some((Cow::Borrowed("Comparing"), "spec/ at main -> tree".to_owned())),
                width: 20,
                ..Head::new("cloudspec diff", "API changes")
            },
            subjects: vec![(Subject::new("ListImages"), vec![breaking, accepted])],
            tail: Tail {
                counts: Counts::new().head("changes", 2).part("breaking", 1).part("accepted", 1),
                stale: vec![Stale {
                    file: ".cloudspec/diff-accepted.yaml".to_owned(),
                    line: 4,
                    message: "x accepts nothing any more: remove the entry".to_owned(),
                }],
                ..Tail::default()
            },
        },
        Sample {
            name: "verdicts-after-findings",
            head: Head::new("cloudspec validate", "Captures"),
            subjects: vec![
                (
                    Subject::new("capture.json")
                        .status(Status::new("Invalid", Tone::Bad, true).detail(": 1 violation, 1 notice")),
                    vec![violation, notice],
                ),
                (Subject::new("good.json").status(Status::new("Valid", Tone::Good, false)), vec![]),
                (
                    Subject {
                        more: 3,
                        ..Subject::new("big.json").status(Status::new("Invalid", Tone::Bad, true))
                    },
                    vec![],
                ),
            ],
            tail: Tail {
                counts: Counts::new().head("files", 3).part("valid", 1).part("invalid", 2),
                tables: vec![Table {
                    name: Cow::Borrowed("coverage"),
                    title: Cow::Borrowed("Coverage"),
                    columns: vec![Cow::Borrowed("Operation"), Cow::Borrowed("Status"), Cow::Borrowed("Seen")],
                    rows: vec![vec!["a/b/C".to_owned(), "200".to_owned(), "2".to_owned()]],
                    text: vec![(Cow::Borrowed("Coverage"), "a/b/C: 200 seen 2".to_owned())],
                }],
                fixes: vec!["run `cargo xtask generate` and commit".to_owned()],
                ..Tail::default()
            },
        },
        Sample {
            name: "stale-file-with-notes",
            head: Head::new("cloudspec check", "Documents"),
            subjects: vec![(
                Subject {
                    diff: Some("--- a\n+++ b\n@@ -1 +1 @@\n-x: 1\n+x: 2".to_owned()),
                    notes: vec!["a note".to_owned()],
                    ..Subject::new("spec/a.yaml").status(Status::new("Stale", Tone::Warn, true))
                },
                vec![],
            )],
            tail: Tail {
                counts: Counts::new().head("files", 1).part("fresh", 0).part("stale", 1),
                ..Tail::default()
            },
        },
    ]
}

fn render(sample: &Sample, format: Format, styles: Styles) -> String {
    let mut out = Vec::new();
    let mut sink = sink(format, &mut out, styles);
    sink.begin(&sample.head).expect("write");
    for (subject, findings) in &sample.subjects {
        // As checks that learn the verdict last do: opened without it.
        sink.open(&Subject { status: None, ..subject.clone() }).expect("write");
        for finding in findings {
            sink.finding(finding).expect("write");
        }
        sink.close(subject).expect("write");
    }
    sink.end(&sample.tail).expect("write");
    drop(sink);
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn every_sample_in_every_format() {
    for sample in samples() {
        for format in Format::ALL {
            insta::assert_snapshot!(
                format!("{}.{format}", sample.name),
                render(&sample, format, Styles::PLAIN)
            );
        }
    }
}

#[test]
fn only_text_is_painted_and_plain_text_has_no_escape() {
    for sample in samples() {
        for format in Format::ALL {
            let painted = render(&sample, format, Styles::ANSI);
            let plain = render(&sample, format, Styles::PLAIN);
            assert!(!plain.contains('\u{1b}'), "{} {format}", sample.name);
            assert_eq!(painted.contains('\u{1b}'), format == Format::Text, "{} {format}", sample.name);
        }
    }
}
