//! ListPhoneImages: `GET /v1/{project_id}/cloud-phone/phone-images`, from the English page
//! "Querying a Cloud Phone Image" and the Chinese page "查询手机镜像".

use cloudspec_endpoint::{Body, Endpoint, Open, Operation, Response, Source, schemas};
use serde::{Deserialize, Serialize};
use serde_repr::{Deserialize_repr, Serialize_repr};

use super::{CPH, CphProjectPath};
use crate::HUAWEI_CLOUD;

/// The descriptor of ListPhoneImages.
pub static LIST_PHONE_IMAGES: Endpoint = Endpoint {
    provider: &HUAWEI_CLOUD,
    service: &CPH,
    operation_id: "ListPhoneImages",
    api_version: None,
    replaced_by: None,
    sources: &[
        Source {
            title: "Querying a Cloud Phone Image",
            locale: "en",
            url: "https://support.huaweicloud.com/en-us/api-cph/cph_api_0519.html",
        },
        Source {
            title: "查询手机镜像",
            locale: "zh-CN",
            url: "https://support.huaweicloud.com/api-cph/cph_api_0519.html",
        },
    ],
    operation: Operation::of::<__path_list_phone_images>(),
    responses: &[Response::json(
        200,
        "OK: the cloud phone images of the project.",
        Body::of::<ListPhoneImagesResponse>(),
    )],
    source_file: file!(),
};

/// Query cloud phone images
///
/// Queries the cloud phone images available to the project.
#[utoipa::path(
    get,
    path = "/v1/{project_id}/cloud-phone/phone-images",
    tag = "Cloud Phone Management",
    params(CphProjectPath)
)]
#[expect(dead_code, reason = "only utoipa reads the operation; cloudspec serves no requests")]
fn list_phone_images() {}

/// The body of a successful ListPhoneImages response.
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct ListPhoneImagesResponse {
    /// Specifies the request ID, which is unique.
    pub request_id: String,
    /// Specifies the cloud phone image information.
    ///
    /// Newer sources add `is_support_encrypt` to each image (newer pages, the SDKs, API
    /// Explorer), and one snapshot of API Explorer's definition (a mirror's commit 737ea87)
    /// `page_info` and `receive_status`; neither page documents them, so they are not
    /// modelled, and the schema admits them as additional properties.
    pub phone_images: Vec<PhoneImage>,
}

/// A cloud phone image.
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct PhoneImage {
    /// Specifies the cloud phone image name. The value can contain a maximum of 128 bytes.
    #[field(max_bytes = 128)]
    pub image_name: String,
    /// Specifies the image OS type. The value can contain a maximum of 16 bytes.
    #[field(max_bytes = 16)]
    pub os_type: String,
    /// Specifies the cloud phone OS. The value can contain a maximum of 36 bytes.
    #[field(max_bytes = 36)]
    pub os_name: String,
    /// Specifies the unique identifier of the cloud phone image. The value can contain a
    /// maximum of 32 bytes.
    ///
    /// Both pages say 32 bytes; API Explorer says 64 characters. The pages are the contract.
    #[field(max_bytes = 32)]
    pub image_id: String,
    pub is_public: Open<ImageVisibility, i32>,
    pub image_label: Open<ImageLabel>,
}

/// Specifies the image type.
///
/// - `1`: public image
/// - `2`: private image
///
/// Both pages list these two values, and so does API Explorer's description, which types it
/// as an int32 from -128 to 128 with no `enum`. Newer sources add shared images (the
/// `image_type` filter `share`) without saying which value `is_public` then carries.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize_repr, Deserialize_repr)]
#[repr(u8)]
pub enum ImageVisibility {
    Public = 1,
    Private = 2,
}

/// Specifies the cloud phone flavors to which the image is applicable.
///
/// - `cloud_phone`: cloud phone servers of flavor physical.rx1.xlarge
/// - `cloud_phone_1620`: cloud phone servers of flavor physical.kg1.4xlarge.cp
/// - `cloud_game`: cloud gaming servers of flavor physical.rx1.xlarge.cg
/// - `cloud_game_1620`: cloud gaming servers of flavor physical.kg1.4xlarge.cg
/// - `qemu_phone`: QEMU cloud phone flavors on cloud phone servers of flavor physical.rx1.xlarge
///
/// The English page lists three values; the Chinese page and API Explorer's description add
/// `cloud_phone_1620` and `cloud_game_1620` (API Explorer declares no `enum`: a string of up
/// to 1024 characters). The list has grown between versions of the sources and may grow
/// again.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImageLabel {
    CloudPhone,
    // serde's snake_case puts no `_` before a digit: `CloudPhone1620` would read `cloud_phone1620`.
    #[serde(rename = "cloud_phone_1620")]
    CloudPhone1620,
    CloudGame,
    #[serde(rename = "cloud_game_1620")]
    CloudGame1620,
    QemuPhone,
}
