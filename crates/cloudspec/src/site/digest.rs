//! The contract first, on the site's copy of a document (`spec/` is left as it is): the
//! operation's notes on sources and their disagreements fold away (`<details>`), and its
//! errors are summed up in one table (status, meaning, example codes) at the end of its
//! description, where Redoc would otherwise repeat one error body per status.

use std::fmt::Write as _;

use serde_json::Value;

use cloudspec_endpoint::Endpoint;

use super::locale::Ui;

/// Folds the notes and adds the errors' table to the operation of `endpoint` in `document`.
pub(super) fn prepare(document: &mut Value, endpoint: &Endpoint, ui: &Ui) {
    let Some(found) = cloudspec_schema::openapi::find(document, endpoint.operation_id) else { return };
    let pointer = format!("/paths/{}/{}", cloudspec_schema::pointer::escape(found.path), found.method);
    let errors = errors_table(found.value, ui);
    let Some(Value::Object(operation)) = document.pointer_mut(&pointer) else { return };
    let description = operation.get("description").and_then(Value::as_str).unwrap_or_default();
    let description = format!("{}{errors}", fold_notes(description));
    operation.insert("description".to_owned(), Value::from(description));
}

/// Each block of `markdown` that is a line ending in a colon followed by a list, folded
/// into `<details>` whose summary is that line. Blank lines around the list let Markdown
/// render it inside the HTML block.
pub(super) fn fold_notes(markdown: &str) -> String {
    let mut out = Vec::new();
    let mut lines = markdown.lines().peekable();
    while let Some(line) = lines.next() {
        let heading = line.trim_end();
        let opens_list = lines.peek().is_some_and(|next| next.starts_with("- "));
        if !(opens_list && (heading.ends_with(':') || heading.ends_with('：'))) {
            out.push(line.to_owned());
            continue;
        }
        let summary = heading.trim_end_matches([':', '：']);
        out.push(format!("<details><summary>{}</summary>\n", super::html::escape(summary)));
        while let Some(item) = lines.next_if(|next| next.starts_with("- ") || next.starts_with("  ")) {
            out.push(item.to_owned());
        }
        out.push("\n</details>".to_owned());
    }
    out.join("\n")
}

/// One error status of an operation: what it means (the first paragraph of its description)
/// and the codes its examples carry or its description lists.
#[derive(Debug)]
pub(super) struct ErrorRow {
    pub status: String,
    pub meaning: String,
    pub codes: Vec<String>,
}

/// Every error status of `operation`, in the document's order.
pub(super) fn errors(operation: &Value) -> Vec<ErrorRow> {
    let mut rows = Vec::new();
    for (status, response) in operation.get("responses").and_then(Value::as_object).into_iter().flatten() {
        if status.starts_with('2') {
            continue;
        }
        let description = response.get("description").and_then(Value::as_str).unwrap_or_default();
        let meaning = description.split("\n\n").next().unwrap_or_default().replace('\n', " ");
        let mut codes = Vec::new();
        for media in
            response.get("content").and_then(Value::as_object).into_iter().flatten().map(|(_, media)| media)
        {
            let examples = media.get("examples").and_then(Value::as_object).into_iter().flatten();
            for example in
                examples.filter_map(|(_, example)| example.get("value")).chain(media.get("example"))
            {
                collect_codes(example, &mut codes);
            }
        }
        for line in description.lines() {
            if let Some(code) = line.strip_prefix("- `").and_then(|rest| rest.split('`').next())
                && !codes.iter().any(|known| known == code)
            {
                codes.push(code.to_owned());
            }
        }
        rows.push(ErrorRow { status: status.clone(), meaning, codes });
    }
    rows
}

/// A Markdown table of the operation's [`errors`].
fn errors_table(operation: &Value, ui: &Ui) -> String {
    let [status_column, meaning_column, codes_column] = ui.error_columns;
    let mut rows = String::new();
    for row in errors(operation) {
        let codes: Vec<String> = row.codes.iter().map(|code| format!("`{code}`")).collect();
        let _ =
            writeln!(rows, "| {} | {} | {} |", row.status, row.meaning.replace('|', "\\|"), codes.join(", "));
    }
    if rows.is_empty() {
        return String::new();
    }
    format!(
        "\n\n### {heading}\n\n| {status_column} | {meaning_column} | {codes_column} |\n|---|---|---|\n{rows}",
        heading = ui.errors
    )
}

/// The string values of members whose name ends in `code` (`error_code`, `Code`).
fn collect_codes(value: &Value, codes: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            for (name, member) in members {
                match member {
                    Value::String(code) if name.to_lowercase().ends_with("code") => {
                        if !codes.contains(code) {
                            codes.push(code.clone());
                        }
                    }
                    other => collect_codes(other, codes),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_codes(item, codes)),
        _ => {}
    }
}
