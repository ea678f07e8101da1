//! The real catalog against the vendors' contracts under `contracts/`: every difference is
//! accepted by an entry of the endpoint's `.conform.yaml` and no entry is stale; and every
//! entry is needed: without it, `conform` fails and names the difference it accepted.

use std::path::Path;

use cloudspec::Workspace;
use cloudspec::conform::{self, Held, report};
use cloudspec_catalog::ENDPOINTS;
use cloudspec_findings::{Format, Styles, render};

fn workspace() -> Workspace {
    Workspace::new(Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root"))
}

/// The report of `outcomes` as text, plain, and its exit code.
fn text(outcomes: &[conform::Outcome]) -> (String, u8) {
    let mut out = Vec::new();
    report::write(outcomes, render::sink(Format::Text, &mut out, Styles::PLAIN).as_mut()).expect("in memory");
    (String::from_utf8(out).expect("UTF-8"), report::exit_code(outcomes))
}

#[test]
fn the_catalog_conforms() {
    let outcomes = conform::run(&workspace(), ENDPOINTS);
    let (text, code) = text(&outcomes);
    assert_eq!(code, 0, "cargo xtask conform fails:\n{text}");
    assert!(
        outcomes.iter().all(|outcome| outcome.result.is_ok()),
        "every endpoint is compared or says why it has no contract"
    );
}

#[test]
fn every_accepted_entry_is_needed() {
    let workspace = workspace();
    let mut entries = 0;
    for endpoint in ENDPOINTS {
        let outcome = conform::hold(&workspace, endpoint);
        let Ok(Held::Compared(comparison)) = &outcome.result else { continue };
        let file = conform::accepted::read(workspace.root(), &outcome.conform_file).expect("the file reads");
        for (index, dropped) in file.accepted.iter().enumerate() {
            entries += 1;
            let mut kept = file.accepted.clone();
            kept.remove(index);
            let differences = comparison.differences.iter().map(|judged| judged.difference.clone()).collect();
            let (judged, stale) = conform::judge(differences, &kept);
            let held = conform::Outcome {
                key: outcome.key.clone(),
                conform_file: outcome.conform_file.clone(),
                result: Ok(Held::Compared(conform::Comparison {
                    document: comparison.document.clone(),
                    contract: comparison.contract.clone(),
                    format: comparison.format,
                    url: comparison.url.clone(),
                    differences: judged,
                    stale,
                })),
            };
            let (text, code) = text(std::slice::from_ref(&held));
            let named = format!("document: {}", dropped.key.document);
            assert_eq!(
                code,
                1,
                "{}:{}: conform passes without the entry",
                outcome.conform_file.display(),
                dropped.line
            );
            assert!(
                text.contains(&format!("[{}]", dropped.key.rule)) && text.contains(&named),
                "{}:{}: without the entry, conform does not name its difference:\n{text}",
                outcome.conform_file.display(),
                dropped.line
            );
        }
    }
    assert!(entries > 0, "no accepted entry was tried");
}
