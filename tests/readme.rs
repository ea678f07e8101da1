//! The documentation, held to the code and to itself: the tables generated from the code that
//! live here (the README's endpoints, the reviewers' guide's counts of cited facts), the
//! README's length, and every relative link of the README, CONTRIBUTING, `docs/` and the
//! documents' `sources.md` reaching a file, and its `#anchor` a heading of that file. A new
//! endpoint or citation appears in the tables when this test runs, and CI (`CI=true`) fails
//! while the committed file lacks it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The README says what cloudspec is, shows the two commands, the endpoints and an example
/// per user, and links the guides: it fits on a few screens.
const README_MAX_LINES: usize = 200;

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
fn reviewers_guide_counts_every_documents_citations() {
    let workspace = cloudspec_tests::workspace();
    let documents: Vec<_> = cloudspec_catalog::ENDPOINTS
        .iter()
        .map(|endpoint| cloudspec::document::build(&workspace, endpoint).expect("every document builds"))
        .collect();
    let provenance = cloudspec::provenance::check(&workspace, &documents);
    assert!(provenance.passes(), "{:#?}", provenance.problems);
    let table = cloudspec::provenance::markdown_table(&provenance);
    let guide = workspace.path("docs/reviewers.md");
    if let Err(message) = cloudspec::readme::ensure_section(&guide, "provenance", &table) {
        panic!("{message}");
    }
}

#[test]
fn readme_fits_on_a_few_screens() {
    let text = read(&cloudspec_tests::workspace().path("README.md"));
    let lines = text.lines().count();
    assert!(
        lines <= README_MAX_LINES,
        "README.md has {lines} lines, more than {README_MAX_LINES}: move what serves one kind of user into \
         its guide under docs/, or contributors' material into CONTRIBUTING.md, and link it"
    );
}

/// Every relative link and image of the README, CONTRIBUTING, the guides and each document's
/// `sources.md` (which links its captures and the reviewers' guide) reaches a file of the
/// checkout, and a `#anchor` a heading of the Markdown file it names.
#[test]
fn every_relative_link_reaches_a_file_and_heading() {
    let workspace = cloudspec_tests::workspace();
    let mut files = vec![PathBuf::from("README.md"), PathBuf::from("CONTRIBUTING.md")];
    let guides: Vec<PathBuf> = markdown_in(workspace.root(), Path::new("docs"));
    assert!(!guides.is_empty(), "docs/ holds no guide");
    files.extend(guides);
    files.extend(
        cloudspec_catalog::ENDPOINTS.iter().map(|endpoint| cloudspec::paths::sources(endpoint).into()),
    );
    let broken = broken_links(workspace.root(), &files);
    assert!(broken.is_empty(), "links that reach nothing:\n{}", broken.join("\n"));
}

/// The link check on a folder of pages whose every kind of broken link is reported once, and
/// whose good links, in code or not, are not.
#[test]
fn broken_links_are_named_at_their_line() {
    let cases = cloudspec_tests::workspace().path("tests/cases/doc-links");
    let files = markdown_in(&cases, Path::new(""));
    insta::assert_snapshot!(broken_links(&cases, &files).join("\n"));
}

/// The Markdown files directly in `root.join(dir)`, as `dir/NAME`, sorted.
fn markdown_in(root: &Path, dir: &Path) -> Vec<PathBuf> {
    let listed = cloudspec::walk::listing(root, dir).unwrap_or_else(|error| panic!("{error}"));
    listed.into_iter().filter(|path| path.extension().is_some_and(|extension| extension == "md")).collect()
}

/// Each link of `files` (relative to `root`) that reaches no file or heading, as
/// `file:line: `destination`: what is wrong`.
fn broken_links(root: &Path, files: &[PathBuf]) -> Vec<String> {
    let mut headings: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
    let mut broken = Vec::new();
    for file in files {
        let text = read(&root.join(file));
        for (line, destination) in links(&text) {
            if let Some(problem) = problem(root, file, &destination, &mut headings) {
                broken.push(format!("{}:{line}: `{destination}`: {problem}", file.display()));
            }
        }
    }
    broken
}

/// What is wrong with `destination`, a link of `file`, if anything. External links (with a
/// scheme, such as `https:` or `mailto:`) are not followed.
fn problem(
    root: &Path,
    file: &Path,
    destination: &str,
    headings: &mut BTreeMap<PathBuf, BTreeSet<String>>,
) -> Option<String> {
    if has_scheme(destination) {
        return None;
    }
    let (path, anchor) = destination.split_once('#').unwrap_or((destination, ""));
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let target = if path.is_empty() {
        file.to_path_buf()
    } else {
        let Some(target) = normalize(&file.parent().unwrap_or(Path::new("")).join(path.as_ref())) else {
            return Some("leaves the checkout".to_owned());
        };
        target
    };
    if !root.join(&target).exists() {
        return Some(format!("no file {}", target.display()));
    }
    let is_markdown = target.extension().is_some_and(|extension| extension == "md");
    if anchor.is_empty() || !is_markdown {
        return None;
    }
    let anchors = headings.entry(target.clone()).or_insert_with(|| anchors(&read(&root.join(&target))));
    (!anchors.contains(anchor)).then(|| format!("{} has no heading #{anchor}", target.display()))
}

/// Whether `destination` starts with a URI scheme (RFC 3986: a letter, then letters, digits,
/// `+`, `-` or `.`, then `:`).
fn has_scheme(destination: &str) -> bool {
    let Some((scheme, _)) = destination.split_once(':') else { return false };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|first| first.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `path` with `.` and `..` resolved, or `None` when it climbs above where it starts.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !normal.pop() {
                    return None;
                }
            }
            Component::Normal(part) => normal.push(part),
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(normal)
}

/// Every link and image destination of `text` with its line, as CommonMark reads them (so
/// none in code), and each `src` and `href` of its HTML.
fn links(text: &str) -> Vec<(usize, String)> {
    let mut links = Vec::new();
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        let line = text[..range.start].matches('\n').count() + 1;
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                links.push((line, dest_url.into_string()));
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                for attribute in ["src=\"", "href=\""] {
                    for (start, _) in html.match_indices(attribute) {
                        let value = &html[start + attribute.len()..];
                        let value = value.split('"').next().unwrap_or_default();
                        let line = line + html[..start].matches('\n').count();
                        links.push((line, value.to_owned()));
                    }
                }
            }
            _ => {}
        }
    }
    links
}

/// The anchors GitHub gives the headings of `text`: each heading's text in lower case, with
/// what is neither a letter, a digit, `-`, `_` nor a space dropped and spaces made `-`; a
/// repeated anchor gets `-1`, `-2`... after it.
fn anchors(text: &str) -> BTreeSet<String> {
    let mut anchors = BTreeSet::new();
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(part) | Event::Code(part) => {
                if let Some(heading) = heading.as_mut() {
                    heading.push_str(&part);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let slug: String = heading
                    .take()
                    .unwrap_or_default()
                    .to_lowercase()
                    .chars()
                    .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
                    .map(|c| if c == ' ' { '-' } else { c })
                    .collect();
                let mut anchor = slug.clone();
                let mut repeat = 0;
                while anchors.contains(&anchor) {
                    repeat += 1;
                    anchor = format!("{slug}-{repeat}");
                }
                anchors.insert(anchor);
            }
            _ => {}
        }
    }
    anchors
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: cannot read: {error}", path.display()))
}
