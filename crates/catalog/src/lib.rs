//! Every endpoint cloudspec documents, in one list. Adding an endpoint means adding it here.

use cloudspec::Endpoint;
use cloudspec_huaweicloud as huaweicloud;

/// Every endpoint, in the order `list` prints them and `generate` writes them.
pub static ENDPOINTS: &[&Endpoint] = &[&huaweicloud::cph::LIST_PHONE_IMAGES];

/// The endpoint whose operationId or `provider/service/OperationId` is `name`.
pub fn find(name: &str) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().copied().find(|endpoint| endpoint.operation_id == name || endpoint.key() == name)
}
