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

/// The endpoint whose `provider/service/OperationId` is `name`, or whose operationId is
/// `name` when only one endpoint has it.
pub fn find(name: &str) -> Option<&'static Endpoint> {
    if let Some(endpoint) = ENDPOINTS.iter().copied().find(|endpoint| endpoint.key() == name) {
        return Some(endpoint);
    }
    let mut named = ENDPOINTS.iter().copied().filter(|endpoint| endpoint.operation_id == name);
    let first = named.next()?;
    named.next().is_none().then_some(first)
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
    fn find_takes_a_key_or_an_unambiguous_operation_id() {
        assert_eq!(
            find("aliyun/swas/ListImages").map(cloudspec::Endpoint::key).as_deref(),
            Some("aliyun/swas/ListImages")
        );
        assert_eq!(
            find("ListPhoneImages").map(cloudspec::Endpoint::key).as_deref(),
            Some("huaweicloud/cph/ListPhoneImages")
        );
        // Workspace and SWAS both name an operation ListImages.
        assert!(find("ListImages").is_none());
        assert!(find("ListCloudPhoneImages").is_none());
    }

    /// Every RPC action sits at its own `/#Action=<Action>` path, so that actions of one product
    /// can share a document: bundled, their paths stay apart and the document stays valid.
    #[test]
    fn rpc_actions_have_paths_of_their_own() {
        let rpc: Vec<_> = ENDPOINTS.iter().filter(|e| e.provider.id == aliyun::ALIBABA_CLOUD.id).collect();
        assert!(!rpc.is_empty());
        for endpoint in &rpc {
            let summary = cloudspec::document::summary(endpoint).expect("the document has its operation");
            assert_eq!(summary.path, aliyun::rpc::path(endpoint.operation_id), "{}", endpoint.key());
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
}
