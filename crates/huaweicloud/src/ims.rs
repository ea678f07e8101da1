//! Image Management Service (IMS): its native OpenStack Glance APIs among the rest.

mod glance_list_images_detail;

pub use glance_list_images_detail::{
    GLANCE_LIST_IMAGES_DETAIL, GlanceImage, GlanceImagesDetail, ImagesDetailQuery,
};

use std::collections::BTreeMap;

use cloudspec::{ServerTemplate, Service, Tag};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use utoipa::openapi::{RefOr, response::Response};
use utoipa::{IntoResponses, ToSchema};

use crate::error;

/// IMS, with the versions of the native OpenStack APIs in the paths.
pub static IMS: Service = Service {
    id: "ims",
    name: "Image Management Service (IMS)",
    api_version: "v1.1",
    server: ServerTemplate {
        url: "https://ims.{region}.myhuaweicloud.com",
        default_region: "cn-north-4",
        regions: &[],
        description: "The region of the IMS endpoint. The pages write `https://{Endpoint}`; no source \
                      read lists the regions.",
    },
    tags: &[Tag {
        name: "Image (Native OpenStack APIs)",
        description: "Glance's own image APIs, which IMS serves beside its own.",
    }],
};

/// The error body IMS documents for its APIs: an `error` object with a message and an
/// `IMG.xxxx` code.
///
/// The v1.1 page documents status codes only. Upstream Glance v1 answers errors with an HTML
/// page (webob); IMS documents this JSON body for its APIs in general, and a client can act on
/// it, so it is the body modelled here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub struct ImsError {
    pub error: ImsErrorDetail,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub struct ImsErrorDetail {
    /// The error message.
    pub message: String,
    /// The IMS error code, such as `IMG.0024`.
    pub code: String,
}

/// The abnormal statuses of the v1.1 page, each with [`ImsError`].
#[derive(Debug)]
pub struct ImsErrors;

impl IntoResponses for ImsErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        error::responses::<ImsError>(&[
            (400, "Bad Request: request error."),
            (401, "Unauthorized: authentication failed."),
            (403, "Forbidden: you do not have the rights to perform the operation."),
            (404, "Not Found: the requested resource was not found."),
            (500, "Internal Server Error: internal service error."),
            (503, "Service Unavailable: the service is unavailable."),
        ])
    }
}
