//! ListImages: `GET /v2/{project_id}/images`, from the Chinese page "查询产品镜像列表" (its
//! response only) and, for the request, the sources `cloud-apis.md` names.

use cloudspec_endpoint::{Body, Endpoint, Open, Operation, Response, Source, schemas};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use super::{WORKSPACE, WorkspaceProjectPath};
use crate::HUAWEI_CLOUD;

/// The descriptor of Workspace ListImages.
pub static LIST_IMAGES: Endpoint = Endpoint {
    provider: &HUAWEI_CLOUD,
    service: &WORKSPACE,
    operation_id: "ListImages",
    api_version: None,
    replaced_by: None,
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
    operation: Operation::of::<__path_list_images>(),
    responses: &[Response::json(
        200,
        "OK: the product images Workspace supports.",
        Body::of::<ListImagesResponse>(),
    )],
    source_file: file!(),
};

/// Query product images
///
/// Queries the product images that Workspace desktops can be created from.
#[utoipa::path(
    get,
    path = "/v2/{project_id}/images",
    tag = "Image",
    params(WorkspaceProjectPath, ListImagesQuery)
)]
#[expect(dead_code, reason = "only utoipa reads the operation; cloudspec serves no requests")]
fn list_images() {}

/// The query of ListImages; every filter is optional.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "snake_case")]
pub struct ListImagesQuery {
    /// The OS type of the product image, such as Windows: free text, as the pages and API
    /// Explorer (at most 255 characters) give it, unlike the list of the response's `os_type`.
    #[param(max_length = 255, example = "Linux")]
    pub os_type: Option<String>,
    /// The image type. API Explorer admits `gold` and `private` only (`pattern: gold|private`).
    #[param(inline, example = "gold")]
    pub image_type: Option<ImageType>,
    /// The image's OS platform, such as Windows. API Explorer limits it to 1 to 255 characters.
    #[param(min_length = 1, max_length = 255, example = "Windows")]
    pub platform: Option<String>,
    /// The image architecture. API Explorer admits `arm` and `x86` only (`pattern: arm|x86`).
    #[param(inline, example = "x86")]
    pub architecture: Option<Architecture>,
    /// The package series.
    pub package_type: Option<String>,
    /// The image ID.
    pub image_id: Option<String>,
    /// The number of images per page, from 0 to 100. The default of 100 is in the prose of
    /// the pages and of API Explorer's description (默认100), not in a `default` of API
    /// Explorer's; what 0 returns is not documented.
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
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct ListImagesResponse {
    /// The product images Workspace supports.
    pub images: Vec<ImageInfo>,
    /// The total number of objects.
    ///
    /// API Explorer's example answers `total_count` 1 with two images: it counts something
    /// other than the images of this page, or the example is wrong; neither source says which.
    #[field(minimum = 0)]
    pub total_count: i32,
}

/// A product image.
///
/// The fields vary across versions of the sources: older SDKs lack `architecture` and
/// `created_at` (the Python SDK has neither; the Go SDK gained `created_at` later), and API
/// Explorer's example lacks both and `product_code`, so those three are optional. API
/// Explorer's length limits (1 to 55 characters for `name`, `os_type`, `os_version`,
/// `image_type`) are not applied: the same definition bounds `min_ram` and `min_disk` to
/// 1..55, which its own example (`min_ram` 0, `min_disk` 50) and the page (`min_disk` 40 to
/// 1024) contradict.
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct ImageInfo {
    /// The image ID.
    pub id: String,
    pub image_type: Open<ImageType>,
    pub os_type: Open<OsType>,
    #[field(optional)]
    pub architecture: Option<Open<Architecture>>,
    /// The exact version of the operating system.
    pub os_version: String,
    pub disk_format: Open<DiskFormat>,
    /// The image name.
    pub name: String,
    /// The minimum memory the image needs to run, in MB. It follows the limits of the ECS
    /// flavor and is usually 0.
    #[field(minimum = 0)]
    pub min_ram: i32,
    /// The minimum disk the image needs to run, in GB, from 40 to 1024.
    #[field(minimum = 40, maximum = 1024)]
    pub min_disk: i32,
    /// The image's product code.
    #[field(optional)]
    pub product_code: Option<String>,
    /// When the image was created, in UTC. The page says only "格式为UTC时间" (a UTC time) and
    /// shows no value, so no format is asserted.
    #[field(optional)]
    pub created_at: Option<String>,
}

/// The image type:
///
/// - `gold`: a public image
/// - `private`: a private image
///
/// In a response, the page lists them as the types it currently supports (目前支持), and
/// the list is open; in a request, API Explorer's `pattern` (`gold|private`) admits these two
/// only.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImageType {
    Gold,
    Private,
}

/// The OS type: `Linux`, `Windows` or `Other`, the values the page says it currently takes
/// (目前取值).
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OsType {
    Linux,
    Windows,
    Other,
}

/// The OS architecture: `arm` or `x86`. In a response, the page says these are the values it
/// currently takes (目前取值), and the list is open; in a request, API Explorer's `pattern`
/// (`arm|x86`) admits these two only.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Architecture {
    Arm,
    X86,
}

/// The image format: `vhd`, `raw`, `qcow2` or `zvhd2`, the formats the page says it currently
/// supports (目前支持).
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[schemas(default = json!(SortField::default()))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortField {
    #[default]
    Name,
    CreatedAt,
}

/// The sort order: `asc` (the default) or `desc`.
// The schema's default is the type's own, as `SortField`'s is.
#[schemas(default = json!(SortType::default()))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortType {
    #[default]
    Asc,
    Desc,
}
