//! The README's table of endpoints is the catalog's: a new endpoint appears in it when this
//! test runs, and CI (`CI=true`) fails while the committed README lacks it.

#[test]
fn readme_lists_every_endpoint() {
    let table = cloudspec::readme::endpoints_table(cloudspec_catalog::ENDPOINTS)
        .expect("every endpoint has its operation");
    let readme = cloudspec_tests::workspace().path("README.md");
    if let Err(message) = cloudspec::readme::ensure_section(&readme, "endpoints", &table) {
        panic!("{message}");
    }
}
