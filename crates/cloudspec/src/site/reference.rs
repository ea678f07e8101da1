//! An endpoint's page in one language: its document, rendered by Redoc in the reader's
//! browser with the language's labels, inside the site's frame.

use serde_json::{Map, Value, json};

use cloudspec_endpoint::Endpoint;

use super::html::{Frame, escape};
use super::locale::Ui;

/// Redoc's options for a page in the language of `ui`. Only the 200 response is expanded:
/// the errors share one body and would fill the page.
pub(super) fn redoc_options(ui: &Ui) -> Value {
    let labels: Map<String, Value> =
        ui.labels.iter().map(|(key, text)| ((*key).to_owned(), Value::from(*text))).collect();
    json!({
        "expandResponses": "200",
        "jsonSampleExpandLevel": "all",
        "hideDownloadButton": true,
        "expandDefaultServerVariables": true,
        "labels": labels,
        "theme": super::theme::redoc_theme(),
    })
}

/// What `site.js` needs besides the document: Redoc's options, and the English Redoc writes
/// whatever its labels say, with its translation.
fn ui_data(ui: &Ui) -> Value {
    let translate: Map<String, Value> =
        ui.after_render.iter().map(|(english, text)| ((*english).to_owned(), Value::from(*text))).collect();
    json!({ "options": redoc_options(ui), "translate": translate })
}

/// The block above the reference: the downloads (`downloads`, a table) and the links to what
/// changed (`changes`, `feed`: paths from the root), folded.
pub(super) fn about(frame: &Frame<'_>, downloads: &str, changes: &str, feed: &str) -> String {
    let ui = frame.ui;
    let up = frame.up();
    format!(
        "<details class=\"about\"><summary>{about}</summary>\n\
         <p><a href=\"{up}{changes}\">{what_changed}</a> · <a href=\"{up}{feed}\" \
         type=\"application/atom+xml\">{subscribe}</a></p>\n\
         <p><strong>{heading}</strong></p>\n{downloads}\n</details>",
        about = ui.about,
        changes = escape(changes),
        what_changed = ui.what_changed,
        feed = escape(feed),
        subscribe = ui.subscribe,
        heading = ui.downloads,
    )
}

/// The line above a deprecated operation's reference that links what its vendor recommends
/// in its place, the endpoint of `endpoints` it names, in the language of `frame`; empty where
/// it names none.
pub(super) fn replacement(frame: &Frame<'_>, endpoint: &Endpoint, endpoints: &[&'static Endpoint]) -> String {
    let Some(replacement) =
        endpoint.replaced_by.and_then(|key| endpoints.iter().find(|other| other.key() == key))
    else {
        return String::new();
    };
    let page = crate::paths::site_page(replacement, frame.ui.locale);
    format!(
        "<p class=\"replaced\"><strong>{}</strong> <a href=\"{}{}\"><code>{}</code></a></p>\n",
        frame.ui.replaced_by,
        frame.up(),
        escape(&page),
        escape(&replacement.key())
    )
}

/// The page of `document` (the endpoint's document in the language of `frame`), with `about`
/// above it and `plain` (its reference without JavaScript) where Redoc renders.
pub(super) fn page(frame: &Frame<'_>, document: &Value, about: &str, plain: &str) -> String {
    let spec = serde_json::to_string(document).unwrap_or_default();
    let body = format!("{about}\n<div id=\"reference\">{plain}</div>");
    frame.render(
        &body,
        &[("spec", spec), ("ui", ui_data(frame.ui).to_string())],
        &["redoc.standalone.js", "site.js"],
    )
}
