//! ListImages, from the page "ListImages - Query images" (swas-open 2020-06-01).

use cloudspec_endpoint::{Body, Endpoint, Operation, Response, Source, schemas};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::SWAS;
use crate::ALIBABA_CLOUD;
use crate::error::documented_codes;
use crate::rpc;

/// The descriptor of SWAS ListImages.
pub static LIST_IMAGES: Endpoint = Endpoint {
    provider: &ALIBABA_CLOUD,
    service: &SWAS,
    operation_id: "SwasListImages",
    api_version: None,
    replaced_by: None,
    sources: &[Source {
        title: "ListImages",
        locale: "en",
        url: "https://www.alibabacloud.com/help/en/simple-application-server/developer-reference/\
            api-swas-open-2020-06-01-listimages",
    }],
    operation: Operation::of::<__path_list_images>(),
    // The errors of the page's "Error codes" table.
    responses: &[
        Response::json(200, "OK: the images.", Body::of::<ListImagesResponse>()),
        Response::error(
            400,
            documented_codes!("InvalidImageType.ValueNotSupported": "The specified parameter \
                ImageType is invalid."),
        ),
        Response::error(403, documented_codes!("InvalidParam": "The specified parameter value is invalid.")),
        Response::error(
            500,
            documented_codes!("InternalError": "An error occurred while processing your request."),
        ),
    ],
    source_file: file!(),
};

/// Query images
///
/// Queries the information about images in a region: you can query details about one or
/// more images in a specified region, including the IDs, names, and types of the images.
#[utoipa::path(get, path = rpc::PATH, tag = "Images", params(ListImagesRpc, ListImagesQuery))]
#[expect(dead_code, reason = "only utoipa reads the operation; cloudspec serves no requests")]
fn list_images() {}

rpc::action!(ListImagesRpc, "ListImages", SWAS);

/// The parameters of ListImages itself.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "PascalCase")]
pub struct ListImagesQuery {
    /// The region ID of the images. You can call the ListRegions operation to query the most
    /// recent region list.
    #[param(min_length = 1, example = "cn-hangzhou")]
    pub region_id: String,
    /// The image IDs: a JSON array of up to 50 image IDs. The page types it string and calls
    /// it a JSON array; the SDKs send it as a string.
    #[param(
        inline,
        example = "[\"fe9c66133a9d4688872869726b52****\", \"794c230fd3e64ea19f83f4d7a0ad****\"]"
    )]
    pub image_ids: Option<JsonArrayOfIds>,
    /// The type of the images.
    #[param(inline, example = "system")]
    pub image_type: Option<ImageType>,
}

/// `ImageIds`: a string whose content is a JSON array of image IDs.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct JsonArrayOfIds(pub String);

impl JsonArrayOfIds {
    /// A JSON array of 0 to 50 strings without escapes: image IDs are letters, digits and `*`.
    /// JSON's white space is written out: `\s` means more in Python's `re` than in ECMAScript.
    const PATTERN: &str =
        r#"^\[[ \t\n\r]*(?:"[^"\\]*"[ \t\n\r]*(?:,[ \t\n\r]*"[^"\\]*"[ \t\n\r]*){0,49})?\]$"#;
}

impl utoipa::PartialSchema for JsonArrayOfIds {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some(
                "A string whose content is JSON (`contentMediaType`): a JSON array of at most 50 \
                 strings, which the pattern admits, as the limit shows in a string schema.",
            ))
            .content_media_type("application/json")
            .pattern(Some(Self::PATTERN))
            .into()
    }
}

impl ToSchema for JsonArrayOfIds {}

/// The body of a successful ListImages response.
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListImagesResponse {
    /// The request ID.
    #[field(example = "20758A-585D-4A41-A9B2-28DA8F4F534F")]
    pub request_id: String,
    /// Details of the queried images.
    ///
    /// An older English page describes this field as "The OS type of the image. Valid values:
    /// Linux, Windows", a copy error from `Platform`.
    pub images: Vec<Image>,
}

/// The information about the image.
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Image {
    pub image_type: ImageType,
    /// The description of the image. The page's example is Chinese even on the English page.
    ///
    /// Optional: the page marks no field required, and a custom image has only the
    /// description its owner gave it, if any.
    #[field(optional)]
    pub description: Option<String>,
    /// The name of the image.
    #[field(example = "WordPress-4.8.1")]
    pub image_name: String,
    /// The ID of the image.
    #[field(example = "794c230fd3e64ea19f83f4d7a0ad****")]
    pub image_id: String,
    pub platform: Platform,
}

/// The type of the image:
///
/// - `system`: an OS image
/// - `app`: an application image
/// - `custom`: a custom image
///
/// The page's list of valid values was collapsed when captured, and shows none; the values
/// come from Alibaba's metadata and Terraform's `alicloud_simple_application_server_images`.
/// The page calls them the valid values, and no source shows the list changing, so it is
/// closed. The example, `app`, is the page's for the response.
#[schemas(example = "app")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageType {
    System,
    App,
    Custom,
}

/// The operating system type of the image: `Linux` or `Windows`.
///
/// The page's list of valid values was collapsed when captured, and shows none; Alibaba's
/// metadata lists `Linux` and `Windows` (可能值), as Terraform's `platform` filter does.
/// Closed, as no source shows the list changing.
#[schemas(example = "Linux")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Platform {
    Linux,
    Windows,
}
