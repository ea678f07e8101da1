//! Simple Application Server (SWAS), API swas-open 2020-06-01.

mod list_images;

pub use list_images::{
    Image, ImageType, JsonArrayOfIds, LIST_IMAGES, ListImagesQuery, ListImagesResponse, Platform,
};

use cloudspec_endpoint::{Body, ServerTemplate, Service, Tag};

use crate::error::ErrorBody;

/// The swas-open API, version 2020-06-01.
pub static SWAS: Service = Service {
    id: "swas",
    name: "Simple Application Server (SWAS)",
    api_version: "2020-06-01",
    server: ServerTemplate {
        url: "https://swas.{region}.aliyuncs.com",
        default_region: "cn-hangzhou",
        regions: &[],
        description: "The region ID of the endpoint, as ListRegions returns them, such as `cn-hangzhou`.",
    },
    tags: &[Tag { name: "Images", description: "Images that simple application servers run." }],
    error_body: Body::of::<ErrorBody>(),
    // Each action's page lists its own error codes, under the statuses they come with.
    errors: &[],
};
