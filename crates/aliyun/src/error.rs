//! The error body every Alibaba Cloud RPC product returns on a 4xx or 5xx status.

use cloudspec_endpoint::schemas;
use serde::{Deserialize, Serialize};

/// The common error body of Alibaba Cloud RPC APIs.
///
/// Alibaba Cloud's pages on errors (doc-detail 50285 and 67698) show `RequestId`, `HostId`,
/// `Code` and `Message`. One unofficial, low-confidence source (a public chat transcript)
/// shows a swas-open error with `Product`, `Api`, `RequestId` and `Code` and neither `HostId`
/// nor `Message`. Our choice: require only the request ID and the code, which every source
/// shows, and admit other members, so that a client does not reject an error body if that
/// report is true; a client that needs the message reads it as optional.
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ErrorBody {
    /// The request ID.
    pub request_id: String,
    /// The endpoint that served the request, such as `swas.cn-hangzhou.aliyuncs.com`.
    #[field(optional)]
    pub host_id: Option<String>,
    /// The error code, such as `InvalidParam`.
    pub code: String,
    /// The error message.
    #[field(optional)]
    pub message: Option<String>,
}

/// The description of an error status of an action: the codes and messages its page
/// documents for the status, as a string literal (`Response::error` takes one). The product's
/// Error Center lists more codes.
macro_rules! documented_codes {
    ($($code:literal: $message:literal),+ $(,)?) => {
        concat!(
            "Error. The documented codes:\n\n",
            $("- `", $code, "`: ", $message, "\n",)+
            "\nThe Error Center lists the others."
        )
    };
}

pub(crate) use documented_codes;
