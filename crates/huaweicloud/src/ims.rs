//! Image Management Service (IMS): its native OpenStack Glance APIs among the rest.

mod glance_list_images_detail;
mod ims_list_images;

pub use glance_list_images_detail::{
    ContainerFormat, DiskFormat, GLANCE_LIST_IMAGES_DETAIL, GlanceImage, GlanceImagesDetail, ImageStatus,
    ImagesDetailQuery,
};
pub use ims_list_images::{
    Architecture, HwFirmwareType, IMS_LIST_IMAGES, ImageInfo, ImageInfoIsregistered, ImageSourceType,
    Imagetype, ImsListImagesQuery, Isregistered, ListImagesResponseBody, MemberStatus, OsBit, OsType,
    Platform, SortDir, SortKey, Status, SupportArm, SupportFcInject, VirtualEnvType, Visibility,
};

use cloudspec_endpoint::{Body, ServerTemplate, Service, Tag, schemas};
use serde::{Deserialize, Serialize};

use crate::error::GATEWAY_THROTTLED;

/// IMS, with the versions of the native OpenStack APIs in the paths.
///
/// Its error body is [`ImsError`]; every operation answers the API gateway's 429. Each
/// operation declares the other statuses its page or contract lists: the v1.1 API's may come
/// as Glance's HTML error page instead ([`GLANCE_ERROR`]).
pub static IMS: Service = Service {
    id: "ims",
    name: "Image Management Service (IMS)",
    api_version: "v1.1",
    server: ServerTemplate {
        url: "https://ims.{region}.myhuaweicloud.com",
        default_region: "cn-north-4",
        regions: &[],
        description: "The region of the IMS endpoint; the pages write `https://{Endpoint}`. No source read \
                      says which regions still serve the deprecated v1.1 API: the English page belongs to \
                      IMS's API Reference for the Paris regions (updated 2024-03-01), and Huawei's Chinese \
                      page (2025-11-20) still lists it among IMS's legacy APIs. The Huawei Cloud Go SDK \
                      lists the regions of IMS's v2 API (`services/ims/v2/region/region.go`), `eu-west-0` \
                      and `cn-north-4` among them; the default is the region of API Explorer's examples.",
    },
    tags: &[
        Tag {
            name: "Image (Native OpenStack APIs)",
            description: "Glance's own image APIs, which IMS serves beside its own.",
        },
        Tag { name: "Image", description: "Images and their metadata (API Explorer: 镜像)." },
    ],
    error_body: Body::of::<ImsError>(),
    errors: &[GATEWAY_THROTTLED],
};

/// An error of the v1.1 API: [`ImsError`] as JSON, or Glance v1's error page as HTML.
pub const GLANCE_ERROR: Body = Body::of::<ImsError>().or_text(
    "text/html",
    "GlanceErrorPage",
    "Glance v1's error page, which webob writes when Glance refuses a request, such as \
     `<html><head><title>400 Bad Request</title></head><body><h1>400 Bad Request</h1> Invalid \
     disk format 'None' for image.<br /><br /></body></html>` (openstack-java-sdk issue 47).",
);

/// What an error of IMS may carry: its own error, or the API gateway's members.
///
/// IMS answers with `{"error": {"message", "code"}}` (its "Error Codes" page, and API
/// Explorer's `FailResponseBody` for the v2 API); the API gateway in front of it answers 401
/// and 429 itself, with `error_code`, `error_msg` and `request_id`. No source documents the
/// body of the v1.1 API's errors, and upstream Glance v1 answers with an HTML page (webob)
/// instead. So no member is required, any other is admitted, and the v1.1 API's errors are
/// declared as HTML too.
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct ImsError {
    /// IMS's own error: its code and message.
    #[field(optional)]
    pub error: Option<ImsErrorMessage>,
    /// The API gateway's error code, such as `APIG.0301`.
    #[field(optional)]
    pub error_code: Option<String>,
    /// The API gateway's error message.
    #[field(optional)]
    pub error_msg: Option<String>,
    /// The ID of the request the gateway refused.
    #[field(optional)]
    pub request_id: Option<String>,
}

/// The error in IMS's own error body.
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct ImsErrorMessage {
    /// The error message, such as "The imagetype is invalid.".
    pub message: String,
    /// The error code, such as `IMG.0024`.
    pub code: String,
}
