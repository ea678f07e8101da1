//! ListPhoneImages: `GET /v1/{project_id}/cloud-phone/phone-images`, from the English page
//! "Querying a Cloud Phone Image" and the Chinese page "查询手机镜像".

use cloudspec::{Body, Endpoint, Open, Source};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_repr::{Deserialize_repr, Serialize_repr};
use utoipa::{OpenApi, ToSchema};

use super::{CPH, CphError, CphErrors};
use crate::HUAWEI_CLOUD;
use crate::project::ProjectPath;

/// The descriptor of ListPhoneImages.
pub static LIST_PHONE_IMAGES: Endpoint = Endpoint {
    provider: &HUAWEI_CLOUD,
    service: &CPH,
    operation_id: "ListPhoneImages",
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
    openapi: Api::openapi,
    bodies: &[
        Body::of::<ListPhoneImagesResponse>("200"),
        Body::of::<CphError>("400"),
        Body::of::<CphError>("401"),
        Body::of::<CphError>("429"),
    ],
    source_file: file!(),
};

#[derive(OpenApi)]
#[openapi(paths(list_phone_images), components(schemas(CphError)))]
struct Api;

/// Query cloud phone images
///
/// Queries the cloud phone images available to the project.
///
/// Sources, and where they disagree:
/// - The operation is named ListPhoneImages, as both pages name it. API Explorer and the
///   SDKs call it ListCloudPhoneImages; the pages are the contract.
/// - Both pages document no query parameters. Newer pages and SDKs add `image_type`
///   (`public`, `private`, `share`, `all`), and API Explorer adds `marker` and `limit`; they
///   are left out until a page documents them.
/// - Errors follow CPH's "Returned Values" and "Abnormal Response" pages, which every
///   operation page refers to. Those pages omit 401 and 429, which the API gateway in front
///   of CPH answers (API Gateway User Guide, "Error Codes"): they are declared with the
///   gateway's body, whose members are those of CPH's.
/// - The Chinese page's request example is `GET https://{CPH
///   Endpoint}/v1/{project_id}/cloud-phone/phone-images`, with no query.
#[utoipa::path(
    get,
    path = "/v1/{project_id}/cloud-phone/phone-images",
    operation_id = "ListPhoneImages",
    tag = "Cloud Phone Management",
    params(ProjectPath),
    responses(
        (status = 200, description = "OK: the cloud phone images of the project.", body = ListPhoneImagesResponse),
        CphErrors,
    ),
)]
#[expect(dead_code, reason = "only utoipa reads the operation; cloudspec serves no requests")]
fn list_phone_images() {}

/// The body of a successful ListPhoneImages response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub struct ListPhoneImagesResponse {
    /// Specifies the request ID, which is unique.
    pub request_id: String,
    /// Specifies the cloud phone image information.
    ///
    /// Newer sources add `page_info`, and fields `is_support_encrypt` and `receive_status` to
    /// each image; neither page documents them, so they are not modelled, and the schema
    /// admits them as additional properties.
    pub phone_images: Vec<PhoneImage>,
}

/// A cloud phone image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub struct PhoneImage {
    /// Specifies the cloud phone image name. The value can contain a maximum of 128 bytes.
    #[schema(max_length = 128, extensions(("x-max-bytes" = json!(128))))]
    #[schemars(length(max = 128), extend("x-max-bytes" = 128))]
    pub image_name: String,
    /// Specifies the image OS type. The value can contain a maximum of 16 bytes.
    #[schema(max_length = 16, extensions(("x-max-bytes" = json!(16))))]
    #[schemars(length(max = 16), extend("x-max-bytes" = 16))]
    pub os_type: String,
    /// Specifies the cloud phone OS. The value can contain a maximum of 36 bytes.
    #[schema(max_length = 36, extensions(("x-max-bytes" = json!(36))))]
    #[schemars(length(max = 36), extend("x-max-bytes" = 36))]
    pub os_name: String,
    /// Specifies the unique identifier of the cloud phone image. The value can contain a
    /// maximum of 32 bytes.
    ///
    /// Both pages say 32 bytes; API Explorer says 64 characters. The pages are the contract.
    #[schema(max_length = 32, extensions(("x-max-bytes" = json!(32))))]
    #[schemars(length(max = 32), extend("x-max-bytes" = 32))]
    pub image_id: String,
    #[schema(inline)]
    pub is_public: Open<ImageVisibility, i32>,
    #[schema(inline)]
    pub image_label: Open<ImageLabel>,
}

/// Specifies the image type.
///
/// - `1`: public image
/// - `2`: private image
///
/// Both pages list these two values. Newer sources add shared images (the `image_type` filter
/// `share`) without saying which value `is_public` then carries, and API Explorer types it as
/// an int32 from -128 to 128 with no list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize_repr, Deserialize_repr, ToSchema)]
#[repr(u8)]
pub enum ImageVisibility {
    Public = 1,
    Private = 2,
}

/// schemars does not read `serde_repr`: the schema is the one utoipa's `repr` feature derives
/// from the same enum and doc comment.
impl JsonSchema for ImageVisibility {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ImageVisibility".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let schema = serde_json::to_value(<Self as utoipa::PartialSchema>::schema())
            .expect("a utoipa schema serializes");
        schemars::Schema::try_from(schema).expect("utoipa derives an object schema")
    }
}

/// Specifies the cloud phone flavors to which the image is applicable.
///
/// - `cloud_phone`: cloud phone servers of flavor physical.rx1.xlarge
/// - `cloud_phone_1620`: cloud phone servers of flavor physical.kg1.4xlarge.cp
/// - `cloud_game`: cloud gaming servers of flavor physical.rx1.xlarge.cg
/// - `cloud_game_1620`: cloud gaming servers of flavor physical.kg1.4xlarge.cg
/// - `qemu_phone`: QEMU cloud phone flavors on cloud phone servers of flavor physical.rx1.xlarge
///
/// The English page lists three values; the Chinese page adds `cloud_phone_1620` and
/// `cloud_game_1620`. Neither page is dated, and API Explorer gives no list (a string of up
/// to 1024 characters): the list has grown between versions of the pages and may grow again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, JsonSchema)]
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
