//! Every endpoint cloudspec documents, in one list. Adding an endpoint means adding it here.

use cloudspec_aliyun as aliyun;
use cloudspec_endpoint::Endpoint;
use cloudspec_huaweicloud as huaweicloud;

/// Every endpoint, in the order `list` prints them and `generate` writes them.
pub static ENDPOINTS: &[&Endpoint] = &[
    &huaweicloud::cph::LIST_PHONE_IMAGES,
    &huaweicloud::workspace::LIST_IMAGES,
    &aliyun::swas::LIST_IMAGES,
    &huaweicloud::ims::GLANCE_LIST_IMAGES_DETAIL,
    &huaweicloud::ims::IMS_LIST_IMAGES,
];

/// The endpoint whose operationId or `provider/service/OperationId` is `name`; operationIds
/// are unique across the catalog (the lint's `operation-id-unique` holds them so).
pub fn find(name: &str) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().copied().find(|endpoint| endpoint.operation_id == name || endpoint.key() == name)
}

#[cfg(test)]
mod tests {
    use super::{ENDPOINTS, aliyun, find};

    /// No two endpoints share a key, nor any file: their documents, renditions, schemas,
    /// fixtures and requests follow from the key, but their overlays and accepted
    /// differences from the module that declares them, so two endpoints in one module would
    /// share them. Compared without case, as a checkout on macOS or Windows would.
    #[test]
    fn keys_and_files_are_unique() {
        use cloudspec::paths;

        let mut keys: Vec<String> = ENDPOINTS.iter().map(|endpoint| endpoint.key()).collect();
        keys.sort();
        let count = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), count, "two endpoints share a provider/service/OperationId");

        let mut owners = std::collections::BTreeMap::new();
        for endpoint in ENDPOINTS {
            let locales = endpoint.locales();
            let mut files =
                vec![paths::conform_file(endpoint), paths::fixture_dir(endpoint), paths::request(endpoint)];
            for locale in &locales {
                files.extend([
                    paths::localized_document(endpoint, locale),
                    paths::rendition_3_0(endpoint, locale),
                ]);
                if *locale != paths::SOURCE_LOCALE {
                    files.push(paths::overlay(endpoint, locale));
                }
            }
            files.extend(
                endpoint
                    .body_types()
                    .into_iter()
                    .map(|body| paths::json_schema(endpoint, &(body.schema_name)())),
            );
            files.sort();
            files.dedup();
            for file in files {
                let shown = file.to_string_lossy().to_lowercase();
                if let Some(other) = owners.insert(shown, endpoint.key()) {
                    panic!("{} and {} both own {}", other, endpoint.key(), file.display());
                }
            }
        }
    }

    /// A replacement is an endpoint of the catalog, named by a deprecated one: the site links
    /// a deprecated operation's page to it.
    #[test]
    fn what_replaces_a_deprecated_endpoint_is_in_the_catalog() {
        for endpoint in ENDPOINTS.iter().filter(|endpoint| endpoint.replaced_by.is_some()) {
            let key = endpoint.replaced_by.unwrap_or_default();
            assert!(
                find(key).is_some(),
                "{}: replaced_by names {key}, which the catalog lacks",
                endpoint.key()
            );
            let summary = cloudspec::document::summary(endpoint).expect("the document has its operation");
            assert!(summary.deprecated, "{}: names a replacement but is not deprecated", endpoint.key());
        }
        assert!(ENDPOINTS.iter().any(|endpoint| endpoint.replaced_by.is_some()), "a case to hold");
    }

    #[test]
    fn find_takes_a_key_or_an_operation_id() {
        let key = |name| find(name).map(cloudspec_endpoint::Endpoint::key);
        assert_eq!(key("aliyun/swas/SwasListImages").as_deref(), Some("aliyun/swas/SwasListImages"));
        assert_eq!(key("ListImages").as_deref(), Some("huaweicloud/workspace/ListImages"));
        assert_eq!(key("ListPhoneImages").as_deref(), Some("huaweicloud/cph/ListPhoneImages"));
        assert!(key("ListCloudPhoneImages").is_none());
    }

    /// Every path is the path of the request line: no fragment, no query. A client that
    /// joins server, path, `?` and query would put the query into a fragment, which is never
    /// sent, and Prism routes no such path.
    #[test]
    fn paths_are_what_goes_on_the_wire() {
        for endpoint in ENDPOINTS {
            let summary = cloudspec::document::summary(endpoint).expect("the document has its operation");
            assert!(
                summary.path.starts_with('/') && !summary.path.contains(['#', '?']),
                "{}: the path {} is not one a request line carries",
                endpoint.key(),
                summary.path
            );
        }
    }

    /// Every RPC action is written as it goes on the wire: `GET /` with `Action` and `Version`
    /// required query parameters of one allowed value each, `Version` its product's. So a
    /// document holds one action (every action of a product is `GET /`), and no two actions of
    /// a product share a name.
    #[test]
    fn rpc_actions_are_get_root_with_a_fixed_action_and_version() {
        let mut actions = Vec::new();
        for endpoint in ENDPOINTS.iter().filter(|e| e.provider.id == aliyun::ALIBABA_CLOUD.id) {
            let key = endpoint.key();
            let document = cloudspec::finish::utoipa_document(endpoint).expect("the operation");
            let paths: Vec<&String> = document["paths"].as_object().expect("paths").keys().collect();
            assert_eq!(paths, [aliyun::rpc::PATH], "{key}: an RPC action's document has the one path /");
            let operation =
                cloudspec_schema::openapi::find(&document, endpoint.operation_id).expect("its operation");
            assert_eq!(operation.method, "get", "{key}");
            let fixed = |name: &str| {
                let parameter = operation.value["parameters"]
                    .as_array()
                    .and_then(|parameters| parameters.iter().find(|parameter| parameter["name"] == name))
                    .unwrap_or_else(|| panic!("{key}: no {name} parameter"));
                assert_eq!(parameter["in"], "query", "{key}: {name}");
                assert_eq!(parameter["required"], true, "{key}: {name} must be required");
                assert!(parameter["schema"].get("default").is_none(), "{key}: {name} has a default");
                match parameter["schema"]["enum"].as_array().map(Vec::as_slice) {
                    Some([serde_json::Value::String(value)]) => value.clone(),
                    other => panic!("{key}: {name} must allow exactly one string, not {other:?}"),
                }
            };
            assert_eq!(
                fixed("Version"),
                endpoint.api_version.unwrap_or(endpoint.service.api_version),
                "{key}"
            );
            actions.push((endpoint.service.id, fixed("Action")));
        }
        assert!(!actions.is_empty(), "no RPC action in the catalog");
        let count = actions.len();
        actions.sort();
        actions.dedup();
        assert_eq!(actions.len(), count, "two endpoints are the same action of one product");
    }

    /// The documented limit of 50 image IDs shows as the pattern of `ImageIds`: each case is
    /// a value and whether the schema must accept it.
    #[test]
    fn swas_image_ids_hold_at_most_50_ids() {
        let ids = |n: usize| {
            let ids: Vec<String> = (0..n).map(|i| format!("\"{i:032x}\"")).collect();
            format!("[{}]", ids.join(","))
        };
        let cases = [
            (r#"["fe9c66133a9d4688872869726b52****", "794c230fd3e64ea19f83f4d7a0ad****"]"#.to_owned(), true),
            ("[]".to_owned(), true),
            (ids(50), true),
            (ids(51), false),
            ("fe9c66133a9d4688872869726b52****,794c230fd3e64ea19f83f4d7a0ad****".to_owned(), false),
            (r#"["a", 1]"#.to_owned(), false),
        ];
        let document = cloudspec::finish::utoipa_document(&aliyun::swas::LIST_IMAGES).expect("the operation");
        let operation =
            cloudspec_schema::openapi::find(&document, aliyun::swas::LIST_IMAGES.operation_id).expect("op");
        let index = operation.value["parameters"]
            .as_array()
            .and_then(|parameters| parameters.iter().position(|parameter| parameter["name"] == "ImageIds"))
            .expect("an ImageIds parameter");
        let at = format!("{}/parameters/{index}/schema", operation.pointer);
        let schema = cloudspec_schema::validate::BodySchema::at(&document, &at).expect("compiles");
        for (value, accepted) in cases {
            let violations = schema.violations(&serde_json::Value::String(value.clone()));
            assert_eq!(violations.is_empty(), accepted, "{value}: {violations:?}");
        }
    }
}
