//! Every file an endpoint generates under `spec/`: its OpenAPI 3.1 document, and the
//! renditions derived from it. Each is named `spec/<provider>/<service>/<OperationId>.<rest>`,
//! so that the files of an endpoint are known by their name alone, even when it fails to build.

use serde_json::Value;

use cloudspec_endpoint::Endpoint;

use crate::document::{self, BuildError, Document};
use crate::downgrade::Language;
use crate::editorial::Glossary;
use crate::emit::Output;
use crate::overlay;
use crate::paths;
use crate::relpath::RelPath;
use crate::rendition;
use crate::soundness::{Dialect, Values};
use crate::workspace::Workspace;

/// What an endpoint generates: the files that built, the OpenAPI 3.1 documents among them
/// (English, then each locale's), and the failures, each on the path of the file it
/// prevented. A failure of the English document prevents every other file.
#[derive(Debug, Default)]
pub(crate) struct Built {
    pub outputs: Vec<Output>,
    pub documents: Vec<Document>,
    pub failures: Vec<(RelPath, BuildError)>,
}

/// The captures under `sources/` that every provenance page is held to, or why they cannot
/// be read: read once per catalog ([`captures`]), not once per endpoint, since each endpoint
/// is held to all of them and they grow with the catalog.
pub(crate) type Captures = Result<crate::provenance::Captures, String>;

/// The captures of `workspace`, for [`build_with`].
pub(crate) fn captures(workspace: &Workspace) -> Captures {
    crate::provenance::Captures::read(workspace).map_err(|error| error.to_string())
}

/// Every file `endpoint` generates ([`build_with`]), the captures read for it alone.
pub(crate) fn build(workspace: &Workspace, endpoint: &'static Endpoint) -> Built {
    build_with(workspace, &captures(workspace), endpoint)
}

/// Every file `endpoint` generates: its OpenAPI 3.1 document, the provenance page of its
/// facts (held to `captures`), that document's OpenAPI 3.0.3 rendition, the standalone JSON
/// Schema of each body type, and then for each locale the localized 3.1 document and its
/// 3.0.3 rendition.
pub(crate) fn build_with(workspace: &Workspace, captures: &Captures, endpoint: &'static Endpoint) -> Built {
    let mut built = Built::default();
    let document = match document::build(workspace, endpoint) {
        Ok(document) => document,
        Err(error) => {
            built.failures.push((paths::document(endpoint), error));
            return built;
        }
    };
    built.outputs.push(Output { path: document.path.clone(), text: document.text.clone() });
    let provenance = captures.as_ref().map_err(String::clone).and_then(|captures| {
        crate::provenance::of(workspace, &document, captures).map(|outcome| (outcome, captures))
    });
    match provenance {
        Ok((outcome, captures)) => built.outputs.push(Output {
            path: paths::sources(endpoint),
            text: crate::provenance::markdown(&document, &outcome, captures),
        }),
        Err(problem) => built.failures.push((paths::sources(endpoint), BuildError::Provenance(problem))),
    }
    let english_rendition =
        built.rendition(workspace, endpoint, paths::SOURCE_LOCALE, &document.value, Values::Check);
    match rendition::json_schemas(&document) {
        Ok(schemas) => built.outputs.extend(schemas),
        Err(error) => {
            // Every error of the schemas names the body type whose file it prevented.
            let path = error
                .type_name()
                .map_or_else(|| paths::document(endpoint), |name| paths::json_schema(endpoint, name));
            built.failures.push((path, error));
        }
    }
    for &locale in endpoint.provider.locales {
        let path = paths::localized_document(endpoint, locale);
        let localized = localize(workspace, endpoint, &document, locale)
            .and_then(|(value, values)| Ok((document::rendered(&value)?, value, values)));
        match localized {
            Ok((text, value, values)) => {
                built.outputs.push(Output { path: path.clone(), text: text.clone() });
                // The twin of a rendition that was not proven is checked in full.
                let values = if english_rendition { values } else { Values::Check };
                built.rendition(workspace, endpoint, locale, &value, values);
                built.documents.push(Document { endpoint, path, value, text });
            }
            Err(error) => built.failures.push((path, error)),
        }
    }
    built.documents.insert(0, document);
    built
}

impl Built {
    /// Adds the OpenAPI 3.0.3 rendition of `endpoint`'s 3.1 document `value` in `locale`, or
    /// its failure; true when it built.
    fn rendition(
        &mut self,
        workspace: &Workspace,
        endpoint: &Endpoint,
        locale: &str,
        value: &Value,
        values: Values,
    ) -> bool {
        let path = paths::rendition_3_0(endpoint, locale);
        let rendered = language(workspace, endpoint.provider.id, locale)
            .and_then(|language| rendition::openapi_3_0(value, values, language));
        match rendered {
            Ok(text) => {
                self.outputs.push(Output { path, text });
                true
            }
            Err(error) => {
                self.failures.push((path, error));
                false
            }
        }
    }
}

/// The document in `locale`: the English one with the locale's overlay applied, complete
/// and current, and still valid and sound OpenAPI 3.1; and whether its values are the English
/// document's. An overlay may update any field, not only the strings it translates: then the
/// localized document's values are checked as the English document's were.
pub(crate) fn localize(
    workspace: &Workspace,
    endpoint: &Endpoint,
    document: &Document,
    locale: &str,
) -> Result<(Value, Values), BuildError> {
    let relative = paths::overlay(endpoint, locale);
    let overlay = overlay::read(&workspace.path(&relative), &relative)?;
    let applied = overlay::apply(&document.value, &overlay, &relative)?;
    let values = if applied.only_translates { Values::Inherited } else { Values::Check };
    document::proven_as(&applied.document, Dialect::OpenApi3_1, values)?;
    Ok((applied.document, values))
}

/// The language the 3.0 rendition of a document in `locale` writes its notes in: Chinese
/// spaced as the provider's glossary says, for a Chinese locale.
fn language(workspace: &Workspace, provider: &str, locale: &str) -> Result<Language, BuildError> {
    if locale == paths::SOURCE_LOCALE {
        return Ok(Language::English);
    }
    if !locale.starts_with("zh") {
        return Err(BuildError::NoNotes { locale: locale.to_owned() });
    }
    Ok(Language::Chinese(Glossary::load(workspace, provider, locale)?.spacing.style))
}
