//! Simple Application Server (SWAS), API swas-open 2020-06-01.

mod list_images;

pub use list_images::{
    Image, ImageType, JsonArrayOfIds, LIST_IMAGES, ListImagesQuery, ListImagesResponse, Platform,
};

use cloudspec::{ServerTemplate, Service, Tag};

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
};
