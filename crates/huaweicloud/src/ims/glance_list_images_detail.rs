//! `GET /v1.1/images/detail`, deprecated: from the page "Querying Image Details (Native
//! OpenStack API v1.1 - Abandoned and Not Recommended)".

use cloudspec_endpoint::{Body, Endpoint, Header, Open, Operation, Response, Source, schemas};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::IntoParams;

use super::{GLANCE_ERROR, IMS};
use crate::HUAWEI_CLOUD;

/// The descriptor of GlanceListImagesDetail.
pub static GLANCE_LIST_IMAGES_DETAIL: Endpoint = Endpoint {
    provider: &HUAWEI_CLOUD,
    service: &IMS,
    operation_id: "GlanceListImagesDetail",
    api_version: None,
    replaced_by: Some("huaweicloud/ims/ImsListImages"),
    sources: &[
        Source {
            title: "Querying Image Details (Native OpenStack API v1.1 - Abandoned and Not Recommended)",
            locale: "en",
            url: "https://support.huaweicloud.com/intl/en-us/api-ims/ims_03_0710.html",
        },
        Source {
            title: "查询镜像详情(OpenStack原生v1.1--已废弃,不推荐使用)",
            locale: "zh-CN",
            url: "https://support.huaweicloud.com/intl/zh-cn/api-ims/ims_03_0710.html",
        },
    ],
    operation: Operation::of::<__path_glance_list_images_detail>(),
    responses: &[
        Response::json(200, "OK: the images that match the filters.", Body::of::<GlanceImagesDetail>())
            .headers(&[Header::of::<String>(
                "X-Openstack-Request-Id",
                "The request ID, passed through by the OpenStack services, such as \
             `req-68327dda-8078-41fe-b091-01a09ec073da`.",
            )]),
        Response::json(400, "Bad Request: request error. No source documents the body.", GLANCE_ERROR),
        Response::json(
            401,
            "Unauthorized: authentication failed, as the page lists it. The API gateway in front of IMS \
             refuses a wrong IAM token itself (`APIG.0301`), with its body: `error_code`, `error_msg` \
             and `request_id` (API Gateway User Guide, \"Error Codes\").",
            GLANCE_ERROR,
        ),
        Response::json(
            403,
            "Forbidden: you do not have the rights to perform the operation. No source documents the body.",
            GLANCE_ERROR,
        ),
        Response::json(
            404,
            "Not Found: the requested resource was not found. No source documents the body.",
            GLANCE_ERROR,
        ),
        Response::json(
            500,
            "Internal Server Error: internal service error. No source documents the body.",
            GLANCE_ERROR,
        ),
        Response::json(
            503,
            "Service Unavailable: the service is unavailable. No source documents the body.",
            GLANCE_ERROR,
        ),
    ],
    source_file: file!(),
};

#[doc = "A timestamp as Glance v1 writes it: ISO 8601, usually without a time zone (UTC by \
         convention), often with microseconds, such as `2016-05-22T06:04:20.425843`."]
// It is not RFC 3339, so its schema is a pattern rather than `format: date-time`.
// `[0-9]`, not `\d`: Python's `re` reads `\d` as any Unicode digit, ECMAScript as ASCII only.
#[schemas(
    pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$"
)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GlanceTime(pub String);

/// Query image details (deprecated)
///
/// Queries the details of images. Deprecated: this API has been discarded. Use the
/// recommended replacement, Querying Images (Native OpenStack API), `GET /v2/images`
/// (GlanceListImages) — which IMS in turn recommends replacing with ListImages,
/// `GET /v2/cloudimages`. Huawei Cloud no longer answers queries for images of the Windows OS
/// type (the Chinese page).
#[utoipa::path(
    get,
    path = "/v1.1/images/detail",
    tag = "Image (Native OpenStack APIs)",
    params(ImagesDetailQuery)
)]
#[deprecated = "IMS recommends GET /v2/images (GlanceListImages), itself superseded by GET /v2/cloudimages"]
#[expect(dead_code, reason = "only utoipa reads the operation; cloudspec serves no requests")]
fn glance_list_images_detail() {}

/// The filters of the query; each is optional.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "snake_case")]
pub struct ImagesDetailQuery {
    /// Specifies the image name.
    pub name: Option<String>,
    /// Image container type. IMS uses `bare`; Glance v1 also knows `aki`, `ami`, `ari`,
    /// `docker`, `ova` and `ovf`.
    pub container_format: Option<String>,
    /// Image file format. IMS's v2 pages list `zvhd2`, `vhd`, `zvhd`, `raw`, `qcow2` and `iso`.
    #[param(example = "qcow2")]
    pub disk_format: Option<String>,
    /// Image status. IMS's v2 pages list `queued`, `saving`, `deleted`, `killed` and
    /// `active`; Glance v1 adds `pending_delete`.
    pub status: Option<String>,
    /// Minimum size of the image, in bytes. The page types it String; Glance v1 defines it as
    /// an integer number of bytes, and so does this schema, so that clients pass numbers.
    #[param(minimum = 0, format = Int64)]
    pub size_min: Option<i64>,
    /// Maximum size of the image, in bytes (typed as `size_min` is).
    #[param(minimum = 0, format = Int64)]
    pub size_max: Option<i64>,
    /// Last update time: only images changed since then are listed. The page types it String
    /// and Glance v1 reads it as an ISO 8601 timestamp. No `format` is declared: Glance's own
    /// timestamps (`updated_at`) carry no time zone, and a client passes one back as it is.
    #[serde(rename = "changes-since")]
    #[param(rename = "changes-since")]
    pub changes_since: Option<String>,
}

/// The body of a successful response.
///
/// Glance v1 may add `next` and `previous` links for paging; the page does not document
/// them, and the schema admits them as additional properties.
#[schemas]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct GlanceImagesDetail {
    /// The images.
    pub images: Vec<GlanceImage>,
}

/// An image, with the page's eighteen fields in the page's order, each typed as Glance v1
/// writes it (see the operation's description).
#[schemas]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct GlanceImage {
    pub status: Open<ImageStatus>,
    /// Virtual size of an image, in bytes; `null` until Glance knows it, as in the page's
    /// example.
    #[field(nullable, minimum = 0)]
    pub virtual_size: Option<i64>,
    /// Specifies the image name; `null` for an image created without one.
    #[field(nullable)]
    pub name: Option<String>,
    /// Whether an image has been deleted.
    pub deleted: bool,
    /// Image container type; `null` until the image's data is described.
    #[field(nullable)]
    pub container_format: Option<Open<ContainerFormat>>,
    /// Time when an image was created.
    pub created_at: GlanceTime,
    /// Image file type; `null` until the image's data is described.
    #[field(nullable)]
    pub disk_format: Option<Open<DiskFormat>>,
    /// Time when an image was updated. Glance sets it when it creates the image and on every
    /// change, but its column admits `null` (`nullable=True`), so the schema admits `null`.
    #[field(nullable)]
    pub updated_at: Option<GlanceTime>,
    /// Image attribute: custom metadata, any keys.
    #[field(any_object)]
    pub properties: Map<String, Value>,
    /// Tenant to which an image belongs; `null` for an image without an owner.
    #[field(nullable)]
    pub owner: Option<String>,
    /// Whether an image is protected.
    pub protected: bool,
    /// Minimum memory (MB) required for running an image.
    #[field(minimum = 0)]
    pub min_ram: i32,
    /// Image verification sum (MD5). This parameter is available after an image file is
    /// uploaded: before that, Glance v1 writes `null`, and the page's wording allows its
    /// absence, so it is optional as well.
    pub checksum: Option<String>,
    /// Minimum disk capacity (GB) required for running the image.
    #[field(minimum = 0)]
    pub min_disk: i32,
    /// Whether an image is a public one.
    pub is_public: bool,
    /// Time when an image was deleted; `null` for an image that is not, as in the page's
    /// example.
    #[field(nullable)]
    pub deleted_at: Option<GlanceTime>,
    /// Image UUID.
    #[field(format = "uuid")]
    pub id: String,
    /// Image size, in bytes. This parameter is available after an image file is uploaded:
    /// nullable and optional, as `checksum` is.
    #[field(minimum = 0)]
    pub size: Option<i64>,
}

/// Image status, such as `active`. The page lists no values; these are Glance v1's (its API
/// reference's `status` filter, and `deactivated`, which its own example of image metadata
/// shows); IMS's v2 pages list `queued`, `saving`, `deleted`, `killed` and `active`.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImageStatus {
    Queued,
    Saving,
    Active,
    Killed,
    Deleted,
    PendingDelete,
    Deactivated,
}

/// Image container type, such as `bare`. The page lists no values; IMS's v2 pages name `bare`,
/// Glance v1's API reference the others, and later Glance adds `compressed`.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContainerFormat {
    Bare,
    Aki,
    Ami,
    Ari,
    Docker,
    Ova,
    Ovf,
    Compressed,
}

/// Image file type, such as `qcow2`. The page lists no values; IMS's v2 pages list `zvhd2`,
/// `zvhd`, `vhd`, `raw`, `qcow2` and `iso` (Huawei's own `zvhd` and `zvhd2` among them),
/// Glance v1's API reference adds `aki`, `ami`, `ari`, `vdi` and `vmdk`, and later Glance
/// `vhdx` and `ploop`.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiskFormat {
    Zvhd2,
    Zvhd,
    Vhd,
    Raw,
    Qcow2,
    Iso,
    Aki,
    Ami,
    Ari,
    Vdi,
    Vmdk,
    Vhdx,
    Ploop,
}
