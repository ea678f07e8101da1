//! Workspace (云桌面): cloud desktops, and the product images they are created from.

mod list_images;

pub use list_images::{
    Architecture, DiskFormat, ImageInfo, ImageType, LIST_IMAGES, ListImagesQuery, ListImagesResponse, OsType,
    SortField, SortType,
};

use cloudspec_endpoint::{Body, Response, ServerTemplate, Service, Tag, schemas};
use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, GATEWAY_THROTTLED};
use crate::project::project_path;

project_path!(
    WorkspaceProjectPath,
    min = 1,
    max = 255,
    "Workspace's API Explorer bounds it to 1 to 255 characters."
);

/// Workspace's v2 API.
///
/// Its errors are the error statuses of Workspace's page, each with [`WorkspaceError`] (the
/// descriptions are API Explorer's, translated); and 429, which the page does not list but
/// the API gateway in front of Workspace answers, with its body, which [`WorkspaceError`]
/// admits. The page documents 401 with Workspace's body; the gateway answers an invalid
/// token with its own, which [`WorkspaceError`] admits too.
pub static WORKSPACE: Service = Service {
    id: "workspace",
    name: "Workspace",
    api_version: "v2",
    server: ServerTemplate {
        url: "https://workspace.{region}.myhuaweicloud.com",
        default_region: "cn-north-4",
        regions: &[
            "cn-north-4",
            "cn-north-9",
            "cn-east-3",
            "cn-south-1",
            "cn-southwest-2",
            "ap-southeast-3",
            "la-north-2",
            "la-south-2",
            "sa-brazil-1",
        ],
        description: "The region of the Workspace endpoint, as the Huawei Cloud Go SDK lists them \
                      (`services/workspace/v2/region/region.go`).",
    },
    tags: &[Tag {
        name: "Image",
        description: "Product images that desktops are created from (API Explorer: 镜像).",
    }],
    error_body: Body::of::<WorkspaceError>(),
    errors: &[
        Response::error(400, "Bad Request: the request has a syntax error the server cannot understand."),
        Response::error(401, "Unauthorized: authentication failed."),
        Response::error(403, "Forbidden: no permission for the operation."),
        Response::error(404, "Not Found: the resource cannot be found."),
        Response::error(405, "Method Not Allowed: the method in the request is not allowed."),
        GATEWAY_THROTTLED,
        Response::error(500, "Internal Server Error: see the error codes."),
        Response::error(503, "Service Unavailable: the service is unavailable."),
    ],
};

/// The error body of Workspace's page: the code and message, and for a request IAM denied,
/// the reason in encrypted form.
///
/// The page lists `encoded_authorization_message` for every error status, 503 included;
/// API Explorer's `BaseResponse` has only the code and message, so the field is optional. The
/// API gateway's body (401, 429) adds `request_id`, optional too.
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct WorkspaceError {
    #[serde(flatten)]
    pub error: ErrorCode,
    /// The detailed reason for the denial, encrypted. Decrypt it with the
    /// decode-authorization-message API of STS.
    #[field(optional)]
    pub encoded_authorization_message: Option<String>,
    /// The request ID, which the API gateway's bodies carry; the page does not list it.
    #[field(optional)]
    pub request_id: Option<String>,
}
