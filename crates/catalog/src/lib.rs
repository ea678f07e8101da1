//! Every endpoint cloudspec documents, in one list. Adding an endpoint means adding it here.

use cloudspec::Endpoint;
use cloudspec_aliyun as aliyun;
use cloudspec_huaweicloud as huaweicloud;

/// Every endpoint, in the order `list` prints them and `generate` writes them.
pub static ENDPOINTS: &[&Endpoint] = &[
    &huaweicloud::cph::LIST_PHONE_IMAGES,
    &huaweicloud::workspace::LIST_IMAGES,
    &aliyun::swas::LIST_IMAGES,
    &huaweicloud::ims::GLANCE_LIST_IMAGES_DETAIL,
];

/// The endpoint whose operationId or `provider/service/OperationId` is `name`; operationIds
/// are unique across the catalog (the lint's `operation-id-unique` holds them so).
pub fn find(name: &str) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().copied().find(|endpoint| endpoint.operation_id == name || endpoint.key() == name)
}

#[cfg(test)]
mod tests {
    use super::{ENDPOINTS, aliyun, find};

    #[test]
    fn keys_and_files_are_unique() {
        let mut keys: Vec<String> = ENDPOINTS.iter().map(|endpoint| endpoint.key()).collect();
        keys.sort();
        let count = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), count, "two endpoints share a provider/service/OperationId");
    }

    #[test]
    fn find_takes_a_key_or_an_operation_id() {
        let key = |name| find(name).map(cloudspec::Endpoint::key);
        assert_eq!(key("aliyun/swas/SwasListImages").as_deref(), Some("aliyun/swas/SwasListImages"));
        assert_eq!(key("ListImages").as_deref(), Some("huaweicloud/workspace/ListImages"));
        assert_eq!(key("ListPhoneImages").as_deref(), Some("huaweicloud/cph/ListPhoneImages"));
        assert!(key("ListCloudPhoneImages").is_none());
    }

    /// Every RPC action sits at its own `/#Action=<Action>` path, so that actions of one product
    /// can share a document: bundled, their paths stay apart and the document stays valid.
    #[test]
    fn rpc_actions_have_paths_of_their_own() {
        let rpc: Vec<_> = ENDPOINTS.iter().filter(|e| e.provider.id == aliyun::ALIBABA_CLOUD.id).collect();
        assert!(!rpc.is_empty());
        for endpoint in &rpc {
            let document = serde_json::to_value((endpoint.openapi)()).expect("serializes");
            let action = document["paths"]
                .as_object()
                .and_then(|paths| paths.values().next())
                .and_then(|item| item["get"]["parameters"].as_array())
                .and_then(|parameters| parameters.iter().find(|parameter| parameter["name"] == "Action"))
                .and_then(|parameter| parameter["schema"]["enum"][0].as_str())
                .expect("an RPC action has a fixed Action parameter")
                .to_owned();
            let summary = cloudspec::document::summary(endpoint).expect("the document has its operation");
            assert_eq!(summary.path, aliyun::rpc::path(&action), "{}", endpoint.key());
        }
        // Bundle SWAS ListImages with a second action of the same product.
        let mut bundle = serde_json::to_value((rpc[0].openapi)()).expect("serializes");
        let paths = bundle["paths"].as_object_mut().expect("paths");
        let mut other = paths.values().next().expect("one path").clone();
        other["get"]["operationId"] = "ListCustomImages".into();
        paths.insert(aliyun::rpc::path("ListCustomImages"), other);
        assert_eq!(paths.len(), 2, "the two actions collide on one path");
        let violations = cloudspec::validate::openapi_3_1_violations(&bundle);
        assert!(violations.is_empty(), "{violations:?}");
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
        let document = serde_json::to_value((aliyun::swas::LIST_IMAGES.openapi)()).expect("serializes");
        let operation =
            cloudspec::openapi::find(&document, aliyun::swas::LIST_IMAGES.operation_id).expect("op");
        let index = operation.value["parameters"]
            .as_array()
            .and_then(|parameters| parameters.iter().position(|parameter| parameter["name"] == "ImageIds"))
            .expect("an ImageIds parameter");
        let at = format!("{}/parameters/{index}/schema", operation.pointer);
        let schema = cloudspec::validate::BodySchema::at(&document, &at).expect("compiles");
        for (value, accepted) in cases {
            let violations = schema.violations(&serde_json::Value::String(value.clone()));
            assert_eq!(violations.is_empty(), accepted, "{value}: {violations:?}");
        }
    }
}
