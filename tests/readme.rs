//! The README's tables generated from the code: the endpoints are the catalog's, and the
//! counts of cited facts are what `check` finds. A new endpoint or citation appears in them
//! when this test runs, and CI (`CI=true`) fails while the committed README lacks it.

#[test]
fn readme_lists_every_endpoint() {
    let table = cloudspec::readme::endpoints_table(cloudspec_catalog::ENDPOINTS)
        .expect("every endpoint has its operation");
    let readme = cloudspec_tests::workspace().path("README.md");
    if let Err(message) = cloudspec::readme::ensure_section(&readme, "endpoints", &table) {
        panic!("{message}");
    }
}

#[test]
fn readme_counts_every_documents_citations() {
    let workspace = cloudspec_tests::workspace();
    let documents: Vec<_> = cloudspec_catalog::ENDPOINTS
        .iter()
        .map(|endpoint| cloudspec::document::build(&workspace, endpoint).expect("every document builds"))
        .collect();
    let provenance = cloudspec::provenance::check(&workspace, &documents);
    assert!(provenance.passes(), "{:#?}", provenance.problems);
    let table = cloudspec::provenance::markdown_table(&provenance);
    if let Err(message) =
        cloudspec::readme::ensure_section(&workspace.path("README.md"), "provenance", &table)
    {
        panic!("{message}");
    }
}
