//! The index in one language: every endpoint, its summary, request line and state, with a
//! link to its page in each language, and a filter by provider and state (`site.js`; without
//! JavaScript the whole table shows).

use std::fmt::Write as _;

use serde_json::Value;

use cloudspec_endpoint::Endpoint;

use super::html::{Frame, escape};
use super::locale;

/// An endpoint as the index lists it.
#[derive(Debug)]
pub(super) struct Entry {
    pub endpoint: &'static Endpoint,
    /// Its page in each language: locale and path.
    pub pages: Vec<(&'static str, String)>,
    /// Its document in each language.
    pub documents: Vec<(&'static str, Value)>,
    /// Its files under `spec/`, published.
    pub downloads: Vec<super::downloads::Download>,
}

impl Entry {
    /// The document in `locale`, or the English one.
    fn document(&self, locale: &str) -> &Value {
        self.documents
            .iter()
            .find(|(other, _)| *other == locale)
            .or_else(|| self.documents.first())
            .map_or(&Value::Null, |(_, document)| document)
    }
}

/// The index page of `frame`'s language.
pub(super) fn page(frame: &Frame<'_>, entries: &[Entry]) -> String {
    let ui = frame.ui;
    let [endpoint_column, summary_column, request_column, state_column, reference_column] = ui.columns;
    let mut rows = String::new();
    let mut providers: Vec<(&str, &str)> = Vec::new();
    for entry in entries {
        let endpoint = entry.endpoint;
        let provider = (endpoint.provider.id, endpoint.provider.name);
        if !providers.contains(&provider) {
            providers.push(provider);
        }
        let document = entry.document(ui.locale);
        let title = document.pointer("/info/title").and_then(Value::as_str).unwrap_or(endpoint.operation_id);
        let operation = cloudspec_schema::openapi::find(document, endpoint.operation_id);
        let summary = operation
            .as_ref()
            .and_then(|operation| operation.value.get("summary").and_then(Value::as_str))
            .unwrap_or_default();
        let request = operation
            .as_ref()
            .map(|operation| format!("{} {}", operation.method.to_uppercase(), operation.path))
            .unwrap_or_default();
        let deprecated = operation.as_ref().is_some_and(cloudspec_schema::openapi::Operation::deprecated);
        let (state, state_text) =
            if deprecated { ("deprecated", ui.deprecated) } else { ("current", ui.current) };
        let links: Vec<String> = entry
            .pages
            .iter()
            .map(|(locale, path)| {
                format!(
                    "<a href=\"{}{}\" hreflang=\"{locale}\" lang=\"{locale}\">{}</a>",
                    frame.up(),
                    escape(path),
                    locale::ui(locale).language
                )
            })
            .collect();
        let _ = writeln!(
            rows,
            "<tr data-provider=\"{}\" data-state=\"{state}\">\
             <td data-label=\"{endpoint_column}\">{}</td>\
             <td data-label=\"{summary_column}\">{}</td>\
             <td data-label=\"{request_column}\"><code>{}</code></td>\
             <td data-label=\"{state_column}\"><span class=\"state {state}\">{state_text}</span></td>\
             <td data-label=\"{reference_column}\">{}</td></tr>",
            escape(endpoint.provider.id),
            escape(title),
            escape(summary),
            escape(&request),
            links.join(" · ")
        );
    }
    let mut downloads = String::new();
    for entry in entries {
        let title =
            entry.document(ui.locale).pointer("/info/title").and_then(Value::as_str).unwrap_or_default();
        let _ = writeln!(
            downloads,
            "<details><summary>{}</summary>\n{}\n</details>",
            escape(title),
            super::downloads::table(&entry.downloads, ui, &frame.up())
        );
    }
    let [show, every_provider, every_state] = ui.filter;
    let mut provider_options = format!("<option value=\"\">{every_provider}</option>");
    for (id, name) in providers {
        let _ = write!(provider_options, "<option value=\"{}\">{}</option>", escape(id), escape(name));
    }
    let body = format!(
        "<h1>{title}</h1>\n<p>{intro}</p>\n\
         <form class=\"search\" role=\"search\" hidden><label>{search} <input type=\"search\" \
         name=\"q\"></label></form>\n\
         <ol id=\"results\" aria-live=\"polite\"></ol>\n\
         <form class=\"filter\" hidden><span>{show}</span> \
         <select name=\"provider\" aria-label=\"{every_provider}\">{provider_options}</select> \
         <select name=\"state\" aria-label=\"{every_state}\"><option value=\"\">{every_state}</option>\
         <option value=\"current\">{current}</option><option \
         value=\"deprecated\">{deprecated}</option></select></form>\n\
         <table class=\"endpoints\">\n<thead><tr><th>{endpoint_column}</th><th>{summary_column}</th>\
         <th>{request_column}</th><th>{state_column}</th><th>{reference_column}</th></tr></thead>\n\
         <tbody>\n{rows}</tbody>\n</table>\n<h2>{downloads_heading}</h2>\n{downloads}\
         <p><small>{rendered_by} (<a href=\"LICENSE.redoc.txt\">Redoc licence</a>).</small></p>",
        title = ui.site_title,
        intro = ui.index_intro,
        current = ui.current,
        deprecated = ui.deprecated,
        rendered_by = ui.rendered_by,
        downloads_heading = ui.downloads,
        search = ui.search,
    );
    let [endpoint, parameter, field, error, none] = ui.search_words;
    let words = serde_json::json!({
        "endpoint": endpoint, "parameter": parameter, "field": field, "error": error, "none": none
    });
    frame.render(&body, &[("search-words", words.to_string())], &["search-index.js", "site.js"])
}
