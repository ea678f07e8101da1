//! Cloud Phone Host (CPH): cloud phones running on Kunpeng servers.

mod list_phone_images;

pub use list_phone_images::{
    ImageLabel, ImageVisibility, LIST_PHONE_IMAGES, ListPhoneImagesResponse, PhoneImage,
};

use cloudspec_endpoint::{Body, Response, ServerTemplate, Service, Tag, schemas};
use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, GATEWAY_THROTTLED, GATEWAY_UNAUTHORIZED};
use crate::project::project_path;

project_path!(CphProjectPath, min = 32, max = 32, "CPH's API Explorer bounds it to exactly 32 characters.");

/// CPH's v1 API.
///
/// Its errors are the abnormal statuses of CPH's "Returned Values" page, each with
/// [`CphError`]; and 401 and 429, which that page does not list but the API gateway in front
/// of CPH answers, with its body, which is [`CphError`] too.
pub static CPH: Service = Service {
    id: "cph",
    name: "Cloud Phone Host (CPH)",
    api_version: "v1",
    server: ServerTemplate {
        url: "https://cph.{region}.myhuaweicloud.com",
        default_region: "cn-north-4",
        regions: &[
            "cn-north-4",
            "cn-east-2",
            "cn-east-3",
            "cn-south-1",
            "cn-southwest-2",
            "ap-southeast-1",
            "ap-southeast-3",
            "ru-northwest-2",
        ],
        description: "The region of the CPH endpoint. The pages write `https://{CPH Endpoint}`; the \
                      regions are those of the Huawei Cloud Go SDK (`services/cph/v1/region/region.go`).",
    },
    tags: &[Tag {
        name: "Cloud Phone Management",
        description: "Cloud phones and the images they run (API Explorer: 手机实例管理).",
    }],
    error_body: Body::of::<CphError>(),
    errors: &[
        Response::error(
            400,
            "Bad Request: the server failed to process the request. CPH's error code table maps \
            every `CPS.xxxx` code to 400 on its older English page; a newer Chinese page moves some \
            (CPS.0005 Phone is not found) to 404.",
        ),
        GATEWAY_UNAUTHORIZED,
        Response::error(403, "Forbidden: the request was refused."),
        Response::error(404, "Not Found: the requested resource could not be found."),
        GATEWAY_THROTTLED,
        Response::error(500, "Internal Server Error: the service failed to complete the request."),
        Response::error(501, "Not Implemented: the service does not support the requested function."),
        Response::error(502, "Bad Gateway: a gateway received an invalid response."),
        Response::error(503, "Service Unavailable: the service is temporarily unable to handle the request."),
        Response::error(504, "Gateway Timeout: a gateway timed out waiting for the service."),
    ],
};

/// The error body of CPH's "Abnormal Response" page: the request ID, then the code and message.
///
/// Cloud Gaming APIs add a `failures` array; the cloud phone APIs, this one among them, do not.
/// The API gateway's body (401, 429) has the same three members.
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct CphError {
    /// Specifies the request ID, which is unique.
    pub request_id: String,
    #[serde(flatten)]
    pub error: ErrorCode,
}
