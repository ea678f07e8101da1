//! "What changed": an endpoint's document through the repository's history. Each commit that
//! changed `spec/<key>.yaml` is compared with its parent by the diff engine (`cloudspec_diff`,
//! sunsets judged on the commit's date), and listed with its date, a badge per verdict and
//! its changes; an Atom feed carries the same entries for readers who subscribe.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use cloudspec_diff::{Change, Date, DocumentSet, Verdict};
use cloudspec_endpoint::Endpoint;

use crate::diff::git;

use super::SiteError;
use super::html::{Frame, escape};

/// One commit that changed the document.
#[derive(Debug)]
pub(super) struct Revision {
    pub commit: String,
    /// The committer's date, RFC 3339.
    pub date: String,
    pub subject: String,
    pub changes: Vec<Change>,
}

/// Every commit that changed the endpoint's English document, newest first; none outside a
/// git checkout (a site built from an exported tree has no history to show).
pub(super) fn history(root: &Path, endpoint: &Endpoint) -> Result<Vec<Revision>, SiteError> {
    let document = crate::paths::document(endpoint).to_string();
    let dir = document.rsplit_once('/').map_or(".", |(dir, _)| dir).to_owned();
    let git_error = |message: String| SiteError::History { path: document.clone(), message };
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["log", "--format=%H%x09%P%x09%cI%x09%s", "--", &document])
        .output()
        .map_err(|error| git_error(format!("cannot run git: {error}")))?;
    if !output.status.success() {
        return Ok(Vec::new());
    }
    let log = String::from_utf8_lossy(&output.stdout);
    let at = |revision: &str| -> Result<DocumentSet, SiteError> {
        let mut set =
            git::documents_at(root, revision, &dir).map_err(|error| git_error(error.to_string()))?;
        set.retain(|path, _| *path == document);
        Ok(set)
    };
    let mut revisions = Vec::new();
    for line in log.lines() {
        let mut fields = line.splitn(4, '\t');
        let (Some(commit), Some(parents), Some(date), Some(subject)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let before = match parents.split(' ').find(|parent| !parent.is_empty()) {
            Some(parent) => at(parent)?,
            None => DocumentSet::new(),
        };
        let today = Date::parse(date).unwrap_or_else(Date::today);
        let changes = cloudspec_diff::diff(&before, &at(commit)?, today);
        revisions.push(Revision {
            commit: commit.to_owned(),
            date: date.to_owned(),
            subject: subject.to_owned(),
            changes,
        });
    }
    Ok(revisions)
}

/// How many changes of each verdict, most severe first.
fn badges(changes: &[Change]) -> String {
    let mut counts: BTreeMap<Verdict, usize> = BTreeMap::new();
    for change in changes {
        *counts.entry(change.verdict).or_default() += 1;
    }
    counts
        .iter()
        .map(|(verdict, count)| {
            format!(
                "<span class=\"badge {}\">{count} {}</span>",
                verdict.as_str().replace(' ', "-"),
                verdict.as_str()
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn value(value: Option<&serde_json::Value>) -> String {
    let text = value.map_or_else(|| "—".to_owned(), serde_json::Value::to_string);
    let text: String = text.chars().take(160).collect();
    escape(&text)
}

/// One revision's entry: its date, commit, subject, badges and changes.
fn entry(revision: &Revision, ui: &super::locale::Ui) -> String {
    let [rule_column, verdict_column, where_column, before_column, after_column] = ui.change_columns;
    let mut rows = String::new();
    for change in &revision.changes {
        let _ = writeln!(
            rows,
            "<tr><td data-label=\"{rule_column}\"><code>{}</code> {}</td><td \
            data-label=\"{verdict_column}\">{}</td>\
             <td data-label=\"{where_column}\"><code>{}</code></td><td \
             data-label=\"{before_column}\"><code>{}</code></td>\
             <td data-label=\"{after_column}\"><code>{}</code></td></tr>",
            change.rule.id,
            escape(change.rule.summary),
            change.verdict.as_str(),
            escape(&change.pointer),
            value(change.before.as_ref()),
            value(change.after.as_ref()),
        );
    }
    let table = if revision.changes.is_empty() {
        format!("<p>{}</p>", ui.no_contract_change)
    } else {
        format!(
            "<table class=\"changes\"><thead><tr><th>{rule_column}</th><th>{verdict_column}</th><th>\
            {where_column}</th>\
             <th>{before_column}</th><th>{after_column}</th></tr></thead>\n<tbody>\n{rows}</tbody></table>"
        )
    };
    format!(
        "<article id=\"{commit}\">\n<h2><time datetime=\"{date}\">{day}</time> <code>{short}</code> \
        {subject}</h2>\n\
         <p>{badges}</p>\n{table}\n</article>\n",
        commit = revision.commit,
        date = escape(&revision.date),
        day = escape(revision.date.get(..10).unwrap_or(&revision.date)),
        short = revision.commit.get(..10).unwrap_or(&revision.commit),
        subject = escape(&revision.subject),
        badges = badges(&revision.changes),
    )
}

/// The "What changed" page of an endpoint, in the language of `frame`.
pub(super) fn page(
    frame: &Frame<'_>,
    summary: &str,
    reference: &str,
    feed: &str,
    revisions: &[Revision],
) -> String {
    let ui = frame.ui;
    let up = frame.up();
    let entries: String = revisions.iter().map(|revision| entry(revision, ui)).collect();
    let body = format!(
        "<h1>{title}: {summary}</h1>\n<p><a href=\"{up}{reference}\">{back}</a> · \
         <a href=\"{up}{feed}\" type=\"application/atom+xml\">{subscribe}</a></p>\n<p>{intro}</p>\n{entries}",
        title = ui.what_changed,
        summary = escape(summary),
        reference = escape(reference),
        feed = escape(feed),
        back = ui.back_to_reference,
        subscribe = ui.subscribe,
        intro = ui.changes_intro,
    );
    frame.render(&body, &[], &["site.js"])
}

/// The Atom feed of `revisions`: one entry per commit, linking its place on the page.
pub(super) fn feed(
    base_url: &str,
    endpoint: &Endpoint,
    feed_path: &str,
    page_path: &str,
    revisions: &[Revision],
) -> String {
    let updated = revisions.first().map_or("1970-01-01T00:00:00Z", |revision| revision.date.as_str());
    let mut entries = String::new();
    for revision in revisions {
        let mut counts: BTreeMap<Verdict, usize> = BTreeMap::new();
        for change in &revision.changes {
            *counts.entry(change.verdict).or_default() += 1;
        }
        let summary: Vec<String> =
            counts.iter().map(|(verdict, count)| format!("{count} {}", verdict.as_str())).collect();
        let summary =
            if summary.is_empty() { "no change to the contract".to_owned() } else { summary.join(", ") };
        let _ = write!(
            entries,
            "  <entry>\n    <id>urn:cloudspec:{key}:{commit}</id>\n    <title>{subject}</title>\n    \
             <updated>{date}</updated>\n    <link href=\"{base}{page}#{commit}\"/>\n    \
             <summary>{summary}</summary>\n  </entry>\n",
            key = escape(&endpoint.key()),
            commit = revision.commit,
            subject = escape(&revision.subject),
            date = escape(&revision.date),
            base = escape(base_url),
            page = escape(page_path),
            summary = escape(&summary),
        );
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  \
         <id>{base}{feed}</id>\n  <title>cloudspec: {key}</title>\n  <updated>{updated}</updated>\n  \
         <link rel=\"self\" href=\"{base}{feed}\"/>\n  <link href=\"{base}{page}\"/>\n  \
         <author><name>cloudspec</name></author>\n{entries}</feed>\n",
        base = escape(base_url),
        feed = escape(feed_path),
        page = escape(page_path),
        key = escape(&endpoint.key()),
        updated = escape(updated),
    )
}
