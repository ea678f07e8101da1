//! Sections of Markdown files (the tables of the README and the guides under `docs/`)
//! generated from the code, so that a table cannot drift from what it lists. A section lies
//! between two marker lines, `<!-- begin: NAME -->` and `<!-- end: NAME -->`; a test holds
//! each section to the code with [`ensure_section`], in rust-analyzer's `ensure_file_contents`
//! manner.

use std::fmt::Write as _;
use std::path::Path;

use cloudspec_endpoint::Endpoint;

use crate::finish::FinishError;
use crate::{document, paths};

/// The README's table of endpoints (section `endpoints`), one row per endpoint in the
/// catalog's order, from its descriptor and its utoipa document: adding an endpoint does not
/// touch the README by hand.
pub fn endpoints_table(endpoints: &[&'static Endpoint]) -> Result<String, FinishError> {
    let mut table = String::from(
        "| Endpoint | Operation | Documentation pages | Generated document |\n|---|---|---|---|\n",
    );
    for &endpoint in endpoints {
        let summary = document::summary(endpoint)?;
        let query: Vec<String> =
            summary.fixed_query.iter().map(|(name, value)| format!("{name}={value}")).collect();
        let query = if query.is_empty() { String::new() } else { format!("?{}", query.join("&")) };
        let pages: Vec<String> = endpoint
            .sources
            .iter()
            .map(|source| format!("[{}]({}) ({})", cell(source.title), source.url, source.locale))
            .collect();
        let document = paths::document(endpoint).to_string();
        let _ = writeln!(
            table,
            "| {} {} | `{}`: {}, `{} {}{query}` | {} | [`{document}`]({document}) |",
            endpoint.provider.name,
            endpoint.service.name,
            endpoint.operation_id,
            cell(&summary.summary),
            summary.method.to_uppercase(),
            summary.path,
            pages.join(", "),
        );
    }
    Ok(table)
}

/// `text` fit for a table cell: a `|` would end it.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// Why a section could not be replaced.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub(crate) enum SectionError {
    #[error("no line `{0}`: add the begin and end markers where the section goes")]
    NoMarker(String),
    #[error("`{end}` comes before `{begin}`")]
    Misordered { begin: String, end: String },
}

/// The marker lines of section `name`.
pub(crate) fn markers(name: &str) -> (String, String) {
    (format!("<!-- begin: {name} -->"), format!("<!-- end: {name} -->"))
}

/// `text` with the lines between the markers of `name` replaced by `body` (which ends with a
/// newline, or is empty).
pub(crate) fn replace_section(text: &str, name: &str, body: &str) -> Result<String, SectionError> {
    let (begin, end) = markers(name);
    let find = |marker: &str| {
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            if line.trim_end() == marker {
                return Ok((offset, offset + line.len()));
            }
            offset += line.len();
        }
        Err(SectionError::NoMarker(marker.to_owned()))
    };
    let ((_, body_start), (body_end, _)) = (find(&begin)?, find(&end)?);
    if body_end < body_start {
        return Err(SectionError::Misordered { begin, end });
    }
    Ok(format!("{}{body}{}", &text[..body_start], &text[body_end..]))
}

/// Holds section `name` of the file at `path` to `body`. When it differs, the file is
/// rewritten (unless `CI` is set, where nothing may change) and the answer is an error that
/// says so: the test that calls this fails once, and passes once the file is committed.
pub fn ensure_section(path: &Path, name: &str, body: &str) -> Result<(), String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|error| format!("{shown}: cannot read: {error}"))?;
    let updated = replace_section(&text, name, body).map_err(|error| format!("{shown}: {error}"))?;
    if updated == text {
        return Ok(());
    }
    if std::env::var_os("CI").is_some_and(|value| !value.is_empty() && value != "false") {
        return Err(format!(
            "{shown}: section `{name}` is not what the code generates; run the tests without CI set \
            and commit the file"
        ));
    }
    std::fs::write(path, updated).map_err(|error| format!("{shown}: cannot write: {error}"))?;
    Err(format!("{shown}: section `{name}` was out of date and has been rewritten; commit it"))
}

#[cfg(test)]
mod tests {
    use super::{SectionError, replace_section};

    #[test]
    fn a_section_is_replaced_between_its_markers_only() {
        let text = "# Title\n<!-- begin: t -->\nold\n<!-- end: t -->\nafter\n";
        assert_eq!(
            replace_section(text, "t", "new\nrows\n").as_deref(),
            Ok("# Title\n<!-- begin: t -->\nnew\nrows\n<!-- end: t -->\nafter\n")
        );
        assert_eq!(
            replace_section(text, "other", ""),
            Err(SectionError::NoMarker("<!-- begin: other -->".into()))
        );
        let backwards = "<!-- end: t -->\n<!-- begin: t -->\n";
        assert!(matches!(replace_section(backwards, "t", ""), Err(SectionError::Misordered { .. })));
    }
}
