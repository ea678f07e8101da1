//! ListImages: `GET /v2/{project_id}/images`, from the Chinese page "查询产品镜像列表" (its
//! response only) and, for the request, the sources `cloud-apis.md` names.

use cloudspec::{Body, Endpoint, Source};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

use super::{WORKSPACE, WorkspaceError, WorkspaceErrors};
use crate::HUAWEI_CLOUD;
use crate::project::ProjectPath;

/// The descriptor of Workspace ListImages.
pub static LIST_IMAGES: Endpoint = Endpoint {
    provider: &HUAWEI_CLOUD,
    service: &WORKSPACE,
    operation_id: "ListImages",
    sources: &[
        Source {
            title: "查询产品镜像列表",
            locale: "zh-CN",
            url: "https://support.huaweicloud.com/api-workspace/ListImages.html",
        },
        Source {
            title: "API Explorer: Workspace ListImages",
            locale: "zh-CN",
            url: "https://console.huaweicloud.com/apiexplorer/#/openapi/Workspace/doc?api=ListImages",
        },
    ],
    openapi: Api::openapi,
    bodies: &[Body::of::<ListImagesResponse>("200"), Body::of::<WorkspaceError>("400")],
    source_file: file!(),
};

#[derive(OpenApi)]
#[openapi(paths(list_images), components(schemas(WorkspaceError)))]
struct Api;

/// Query product images
///
/// Queries the product images that Workspace desktops can be created from.
///
/// Sources, and where they disagree:
/// - The page documents the response only; the URI and the query parameters come from API
///   Explorer, the Go SDK and the newest pages.
/// - `sort_field` and `sort_type` appear only in the newest pages, in no SDK; they are
///   modelled because the pages are the contract.
/// - API Explorer also requires a `Content-Type` header on this GET; OpenAPI describes
///   `Content-Type` through request bodies, not parameters, so it is not modelled.
/// - The pages disagree on whether `X-Auth-Token` is mandatory; it is required here, as on
///   every Huawei Cloud API that IAM authenticates.
#[utoipa::path(
    get,
    path = "/v2/{project_id}/images",
    operation_id = "ListImages",
    tag = "Image",
    params(ProjectPath, ListImagesQuery),
    responses(
        (status = 200, description = "OK: the product images Workspace supports.", body = ListImagesResponse),
        WorkspaceErrors,
    ),
)]
#[expect(dead_code, reason = "only utoipa reads the operation; cloudspec serves no requests")]
fn list_images() {}

/// The query of ListImages; every filter is optional.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "snake_case")]
pub struct ListImagesQuery {
    /// The OS type of the product image.
    #[param(inline)]
    pub os_type: Option<OsType>,
    /// The image type.
    #[param(inline)]
    pub image_type: Option<ImageType>,
    /// The image's OS platform, such as Windows. API Explorer limits it to 1 to 255 characters.
    #[param(min_length = 1, max_length = 255, example = "Windows")]
    pub platform: Option<String>,
    /// The image architecture.
    #[param(inline)]
    pub architecture: Option<Architecture>,
    /// The package series.
    pub package_type: Option<String>,
    /// The image ID.
    pub image_id: Option<String>,
    /// The number of images per page, from 0 to 100. The default of 100 is in the pages'
    /// prose only; what 0 returns is not documented.
    #[param(minimum = 0, maximum = 100, default = 100, format = Int32)]
    pub limit: Option<i32>,
    /// The offset to start from. The maximum of 5000 comes from API Explorer alone.
    #[param(minimum = 0, maximum = 5000, default = 0, format = Int32)]
    pub offset: Option<i32>,
    /// The field to sort by.
    #[param(inline)]
    pub sort_field: Option<SortField>,
    /// The sort order, used with `sort_field`.
    #[param(inline)]
    pub sort_type: Option<SortType>,
}

/// The body of a successful ListImages response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub struct ListImagesResponse {
    /// The product images Workspace supports.
    pub images: Vec<ImageInfo>,
    /// The total number of objects.
    ///
    /// API Explorer's example answers `total_count` 1 with two images: it counts something
    /// other than the images of this page, or the example is wrong; neither source says which.
    #[schema(minimum = 0, format = Int32)]
    #[schemars(range(min = 0))]
    pub total_count: i32,
}

/// A product image.
///
/// The fields vary across versions of the sources: `architecture`, `product_code` and
/// `created_at` are missing from API Explorer's example and from older SDKs, so they are
/// optional. API Explorer's length limits (1 to 55 characters for `name`, `os_type`,
/// `os_version`, `image_type`) are not applied: the same definition bounds `min_ram` and
/// `min_disk` to 1..55, which its own example (`min_ram` 0, `min_disk` 50) and the page
/// (`min_disk` 40 to 1024) contradict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub struct ImageInfo {
    /// The image ID.
    pub id: String,
    pub image_type: ImageType,
    pub os_type: OsType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    #[schemars(with = "Architecture")]
    pub architecture: Option<Architecture>,
    /// The exact version of the operating system.
    pub os_version: String,
    pub disk_format: DiskFormat,
    /// The image name.
    pub name: String,
    /// The minimum memory the image needs to run, in MB. It follows the limits of the ECS
    /// flavor and is usually 0.
    #[schema(minimum = 0, format = Int32)]
    #[schemars(range(min = 0))]
    pub min_ram: i32,
    /// The minimum disk the image needs to run, in GB, from 40 to 1024.
    #[schema(minimum = 40, maximum = 1024, format = Int32)]
    #[schemars(range(min = 40, max = 1024))]
    pub min_disk: i32,
    /// The image's product code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    #[schemars(with = "String")]
    pub product_code: Option<String>,
    /// When the image was created, in UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, format = DateTime)]
    #[schemars(with = "String", extend("format" = "date-time"))]
    pub created_at: Option<String>,
}

/// The image type:
///
/// - `gold`: a public image
/// - `private`: a private image
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImageType {
    Gold,
    Private,
}

/// The OS type: `Linux`, `Windows` or `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
pub enum OsType {
    Linux,
    Windows,
    Other,
}

/// The OS architecture: `arm` or `x86`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Architecture {
    Arm,
    X86,
}

/// The image format: `vhd`, `raw`, `qcow2` or `zvhd2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DiskFormat {
    Vhd,
    Raw,
    Qcow2,
    Zvhd2,
}

/// The field to sort by: `name` (the default) or `created_at`.
// The schema's default is the type's own (`#[default]`), so that the parameter's schema is one
// string enum with its default: a `default` on the parameter makes utoipa 6 wrap the inlined
// enum in an `allOf` beside a `type: object` member holding it, which no value satisfies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(default = json!(SortField::default()))]
pub enum SortField {
    #[default]
    Name,
    CreatedAt,
}

/// The sort order: `asc` (the default) or `desc`.
// The schema's default is the type's own, as `SortField`'s is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(default = json!(SortType::default()))]
pub enum SortType {
    #[default]
    Asc,
    Desc,
}
