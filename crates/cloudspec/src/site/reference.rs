//! An endpoint's page in one language: its document, rendered by Redoc in the reader's
//! browser with the language's labels, inside the site's frame.

use serde_json::{Map, Value, json};

use super::html::Frame;
use super::locale::Ui;

/// Redoc's options for a page in the language of `ui`. Only the 200 response is expanded:
/// the errors share one body and would fill the page.
pub fn redoc_options(ui: &Ui) -> Value {
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

/// The page of `document` (the endpoint's document in the language of `frame`).
pub fn page(frame: &Frame<'_>, document: &Value) -> String {
    let spec = serde_json::to_string(document).unwrap_or_default();
    let body = "<div id=\"reference\"></div>";
    frame.render(
        body,
        &[("spec", spec), ("ui", ui_data(frame.ui).to_string())],
        &["redoc.standalone.js", "site.js"],
    )
}
