//! ImsListImages: `GET /v2/cloudimages`, IMS's "Querying Images", written by `cargo xtask new`
//! from its API Explorer contract (ListImages), then brought to what the page says.

use cloudspec_endpoint::{Body, Endpoint, Open, Operation, Response, Source, schemas};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use super::IMS;
use crate::HUAWEI_CLOUD;

/// The descriptor of ImsListImages.
pub static IMS_LIST_IMAGES: Endpoint = Endpoint {
    provider: &HUAWEI_CLOUD,
    service: &IMS,
    operation_id: "ImsListImages",
    api_version: Some("v2"),
    replaced_by: None,
    sources: &[
        Source {
            title: "Querying Images",
            locale: "en",
            url: "https://support.huaweicloud.com/intl/th-th/api-ims/ims_03_0602.html",
        },
        Source {
            title: "API Explorer: IMS ListImages",
            locale: "zh-CN",
            url: "https://console.huaweicloud.com/apiexplorer/#/openapi/IMS/doc?api=ListImages",
        },
    ],
    operation: Operation::of::<__path_ims_list_images>(),
    responses: &[
        Response::json(200, "OK: the images that match the query.", Body::of::<ListImagesResponseBody>()),
        Response::error(400, "Bad Request: request error."),
        Response::error(
            401,
            "Unauthorized: authentication failed, as API Explorer lists it. The API gateway in front of \
             IMS refuses a wrong IAM token itself (`APIG.0301`), with its body: `error_code`, `error_msg` \
             and `request_id` (API Gateway User Guide, \"Error Codes\").",
        ),
        Response::error(403, "Forbidden: no permission for the operation."),
        Response::error(404, "Not Found: the resource cannot be found."),
        Response::error(500, "Internal Server Error: internal service error."),
        Response::error(503, "Service Unavailable: the service is unavailable."),
    ],
    source_file: file!(),
};

/// Query images
///
/// Queries images using search criteria and lists them: each query parameter is a criterion,
/// and they combine (`?a=1&b=2`). Windows images can no longer be queried.
#[utoipa::path(get, path = "/v2/cloudimages", tag = "Image", params(ImsListImagesQuery))]
#[expect(dead_code, reason = "only utoipa reads the operation; cloudspec serves no requests")]
fn ims_list_images() {}

/// The query parameters of ImsListImages.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImsListImagesQuery {
    /// Specifies the image type. The following types are supported:
    /// - Public image: gold
    /// - Private image: private
    /// - Shared image: shared
    /// - Marketplace image: market
    #[serde(rename = "__imagetype")]
    #[param(inline)]
    pub imagetype: Option<Imagetype>,
    /// Specifies whether the image is available. The value is true. The extended API uses true
    /// by default. Common users can query only images whose value is true.
    #[serde(rename = "__isregistered")]
    #[param(inline)]
    pub isregistered: Option<Isregistered>,
    /// Whether the image is a full-ECS image: true or false. The page lists it; API Explorer's
    /// definition does not.
    #[serde(rename = "__whole_image")]
    pub whole_image: Option<bool>,
    /// The ID of the key used to encrypt the image, from the IMS console or this API. The page
    /// lists it; API Explorer's definition does not.
    #[serde(rename = "__system__cmkid")]
    pub system_cmkid: Option<String>,
    /// Specifies the number of bits of the operating system. The value is usually 32 or 64.
    #[serde(rename = "__os_bit")]
    #[param(inline)]
    pub os_bit: Option<OsBit>,
    /// Specifies the OS type of the image. The value can be Linux, Windows, or Other.
    #[serde(rename = "__os_type")]
    #[param(inline)]
    pub os_type: Option<OsType>,
    /// Specifies the image platform type.
    #[serde(rename = "__platform")]
    #[param(inline)]
    pub platform: Option<Platform>,
    /// Specifies whether the image supports disk-intensive performance. If it does, the value
    /// is true. Otherwise, this attribute is not required.
    #[serde(rename = "__support_diskintensive")]
    pub support_diskintensive: Option<String>,
    /// Specifies whether the image supports high computing performance. If it does, the value
    /// is true. Otherwise, this attribute is not required.
    #[serde(rename = "__support_highperformance")]
    pub support_highperformance: Option<String>,
    /// If the image supports KVM, the value is true. Otherwise, this attribute is not
    /// required.
    #[serde(rename = "__support_kvm")]
    pub support_kvm: Option<String>,
    /// Specifies whether the image supports GPUs on the KVM virtualization platform. If the
    /// image does not support GPUs under KVM, this attribute is not required. This attribute
    /// cannot coexist with `__support_xen` and `__support_kvm`.
    #[serde(rename = "__support_kvm_gpu_type")]
    pub support_kvm_gpu_type: Option<String>,
    /// If the image supports the Infiniband NIC type under KVM virtualization, the value is
    /// true. Otherwise, this attribute is not required. This attribute cannot coexist with
    /// `__support_xen`.
    #[serde(rename = "__support_kvm_infiniband")]
    pub support_kvm_infiniband: Option<String>,
    /// Specifies whether the image supports large memory. If it does, the value is true.
    /// Otherwise, this attribute is not required.
    #[serde(rename = "__support_largememory")]
    pub support_largememory: Option<String>,
    /// If the image supports XEN, the value is true. Otherwise, this attribute is not
    /// required.
    #[serde(rename = "__support_xen")]
    pub support_xen: Option<String>,
    /// Specifies whether the image supports GPU optimization on the XEN virtualization
    /// platform. If the image does not support GPUs under XEN virtualization, this attribute
    /// is not required. This attribute cannot coexist with `__support_xen` and
    /// `__support_kvm`.
    #[serde(rename = "__support_xen_gpu_type")]
    pub support_xen_gpu_type: Option<String>,
    /// If the image supports HANA under XEN virtualization, the value is true. Otherwise, this
    /// attribute is not required. This attribute cannot coexist with `__support_xen` and
    /// `__support_kvm`.
    #[serde(rename = "__support_xen_hana")]
    pub support_xen_hana: Option<String>,
    /// Specifies the container type.
    pub container_format: Option<String>,
    /// Specifies the image format. The value can be vhd, zvhd, raw, qcow2, or zvhd2. The
    /// default value is vhd.
    #[param(inline)]
    pub disk_format: Option<DiskFormat>,
    /// Queries images in an enterprise project.
    /// - If the value is 0, images in the default enterprise project are queried.
    /// - If the value is a UUID, images in the enterprise project with that UUID are queried.
    /// - If the value is all_granted_eps, images in all enterprise projects of the current
    ///   user are queried.
    ///
    /// For how to obtain an enterprise project ID and details about enterprise project
    /// features, see the Enterprise Management User Guide.
    #[param(default = "0")]
    pub enterprise_project_id: Option<String>,
    /// Specifies the image ID.
    pub id: Option<String>,
    /// Specifies the number of images to query, for pagination. The value is an integer and is
    /// 500 by default.
    #[param(default = 500, format = Int32)]
    pub limit: Option<i32>,
    /// Specifies the image from which the query starts, for pagination. The value is an image
    /// ID.
    pub marker: Option<String>,
    /// Specifies the member status. The value can be accepted, rejected, or pending. accepted
    /// indicates a shared image that has been accepted, rejected indicates an image shared by
    /// another user that has been rejected, and pending indicates an image shared by another
    /// user that is waiting for confirmation. To use this parameter, set `visibility` to
    /// `shared` in the query.
    #[param(inline)]
    pub member_status: Option<MemberStatus>,
    /// Specifies the minimum disk space required for running the image, in GB. The value
    /// ranges from 40 to 1024 GB.
    #[param(minimum = 40, maximum = 1024, format = Int32)]
    pub min_disk: Option<i32>,
    /// Specifies the minimum memory required for running the image, in MB. The value depends
    /// on the ECS flavor limits and is usually 0.
    #[param(format = Int32)]
    pub min_ram: Option<i32>,
    /// Specifies the image name.
    pub name: Option<String>,
    /// Specifies the tenant to which the image belongs.
    pub owner: Option<String>,
    /// Specifies whether the image is protected. The value is true or false. It is usually
    /// true when you query public images and can be omitted when you query private images.
    pub protected: Option<bool>,
    /// Specifies whether results are sorted in ascending or descending order. The value can be
    /// asc or desc. It is used together with sort_key. The default value is desc (descending).
    #[param(inline)]
    pub sort_dir: Option<SortDir>,
    /// Specifies the field used for sorting. The value can be the image attribute name,
    /// container_format, disk_format, status, id, or size. By default, images are sorted by
    /// creation time.
    #[param(inline)]
    pub sort_key: Option<SortKey>,
    /// Specifies the image status. The value can be:
    /// - queued: The image metadata has been created, and the image file is waiting to be
    ///   uploaded.
    /// - saving: The image file is being uploaded to the backend storage.
    /// - deleted: The image has been deleted.
    /// - killed: An error occurred while the image was being uploaded.
    /// - active: The image is available for use.
    #[param(inline)]
    pub status: Option<Status>,
    /// Specifies a tag. After adding custom tags to images, users can use this parameter to
    /// filter images by tag.
    pub tag: Option<String>,
    /// Specifies the environment where the image is used. The value can be FusionCompute,
    /// Ironic, or DataImage. The value is FusionCompute for an ECS image, DataImage for a data
    /// disk image, and Ironic for a BMS image.
    #[param(inline)]
    pub virtual_env_type: Option<VirtualEnvType>,
    /// Specifies whether the image is visible to other tenants. The value can be public,
    /// private, or shared.
    #[param(inline)]
    pub visibility: Option<Visibility>,
    /// Specifies an ECS flavor ID, to filter the public images available for that flavor.
    /// Currently, images can be filtered by only one flavor.
    pub flavor_id: Option<String>,
    /// Specifies the time when the image was created. Images can be filtered by a point in
    /// time, in the format `operator:UTC time`.
    /// The following operators are supported:
    /// - gt: greater than
    /// - gte: greater than or equal to
    /// - lt: less than
    /// - lte: less than or equal to
    /// - eq: equal to
    /// - neq: not equal to
    ///
    /// The time format can be yyyy-MM-ddThh:mm:ssZ or yyyy-MM-dd hh:mm:ss.
    /// For example, to query images created before 2018-10-28 10:00:00, use the following
    /// filter:
    /// created_at=gt:2018-10-28T10:00:00Z
    pub created_at: Option<String>,
    /// Specifies the time when the image was modified. Images can be filtered by a point in
    /// time, in the format `operator:UTC time`.
    /// The following operators are supported:
    /// - gt: greater than
    /// - gte: greater than or equal to
    /// - lt: less than
    /// - lte: less than or equal to
    /// - eq: equal to
    /// - neq: not equal to
    ///
    /// The time format can be yyyy-MM-ddThh:mm:ssZ or yyyy-MM-dd hh:mm:ss.
    /// For example, to query images modified before 2018-10-28 10:00:00, use the following
    /// filter:
    /// updated_at=gt:2018-10-28T10:00:00Z
    pub updated_at: Option<String>,
    /// Specifies the image architecture. The value can be:
    /// - x86
    /// - arm
    #[param(inline)]
    pub architecture: Option<Architecture>,
}

/// Specifies the image type. The following types are supported:
/// - Public image: gold
/// - Private image: private
/// - Shared image: shared
/// - Marketplace image: market
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Imagetype {
    #[serde(rename = "gold")]
    Gold,
    #[serde(rename = "private")]
    Private,
    #[serde(rename = "shared")]
    Shared,
    #[serde(rename = "market")]
    Market,
}

/// Specifies whether the image is available. The value is true. The extended API uses true by
/// default. Common users can query only images whose value is true.
#[schemas(default = json!(Isregistered::default()))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Isregistered {
    #[default]
    #[serde(rename = "true")]
    True,
    #[serde(rename = "false")]
    False,
}

/// Specifies the number of bits of the operating system. The value is usually 32 or 64.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OsBit {
    #[serde(rename = "32")]
    V32,
    #[serde(rename = "64")]
    V64,
}

/// Specifies the OS type of the image. The value can be Linux, Windows, or Other.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OsType {
    #[serde(rename = "Linux")]
    Linux,
    #[serde(rename = "Windows")]
    Windows,
    #[serde(rename = "Other")]
    Other,
}

/// Specifies the image platform type.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Platform {
    #[serde(rename = "Windows")]
    Windows,
    #[serde(rename = "Ubuntu")]
    Ubuntu,
    #[serde(rename = "RedHat")]
    RedHat,
    #[serde(rename = "SUSE")]
    SUSE,
    #[serde(rename = "CentOS")]
    CentOS,
    #[serde(rename = "Debian")]
    Debian,
    #[serde(rename = "OpenSUSE")]
    OpenSUSE,
    #[serde(rename = "Oracle Linux")]
    OracleLinux,
    #[serde(rename = "Fedora")]
    Fedora,
    #[serde(rename = "Other")]
    Other,
    #[serde(rename = "CoreOS")]
    CoreOS,
    #[serde(rename = "EulerOS")]
    EulerOS,
    #[serde(rename = "Huawei Cloud EulerOS")]
    HuaweiCloudEulerOS,
}

/// Specifies the image format. The value can be vhd, zvhd, raw, qcow2, or zvhd2. The default
/// value is vhd.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiskFormat {
    #[serde(rename = "vhd")]
    Vhd,
    #[serde(rename = "zvhd")]
    Zvhd,
    #[serde(rename = "raw")]
    Raw,
    #[serde(rename = "qcow2")]
    Qcow2,
    #[serde(rename = "zvhd2")]
    Zvhd2,
}

/// Specifies the member status. The value can be accepted, rejected, or pending. accepted
/// indicates a shared image that has been accepted, rejected indicates an image shared by
/// another user that has been rejected, and pending indicates an image shared by another user
/// that is waiting for confirmation. To use this parameter, set `visibility` to `shared` in
/// the query.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MemberStatus {
    #[serde(rename = "accepted")]
    Accepted,
    #[serde(rename = "rejected")]
    Rejected,
    #[serde(rename = "pending")]
    Pending,
}

/// Specifies whether results are sorted in ascending or descending order. The value can be asc
/// or desc. It is used together with sort_key. The default value is desc (descending).
#[schemas(default = json!(SortDir::default()))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortDir {
    #[serde(rename = "asc")]
    Asc,
    #[default]
    #[serde(rename = "desc")]
    Desc,
}

/// Specifies the field used for sorting. The value can be the image attribute name,
/// container_format, disk_format, status, id, or size. By default, images are sorted by
/// creation time.
#[schemas(default = json!(SortKey::default()))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortKey {
    #[default]
    #[serde(rename = "created_at")]
    CreatedAt,
    #[serde(rename = "name")]
    Name,
    #[serde(rename = "container_format")]
    ContainerFormat,
    #[serde(rename = "disk_format")]
    DiskFormat,
    #[serde(rename = "status ")]
    Status,
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "size")]
    Size,
}

/// Specifies the image status. The value can be:
/// - queued: The image metadata has been created, and the image file is waiting to be
///   uploaded.
/// - saving: The image file is being uploaded to the backend storage.
/// - deleted: The image has been deleted.
/// - killed: An error occurred while the image was being uploaded.
/// - active: The image is available for use.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    #[serde(rename = "queued")]
    Queued,
    #[serde(rename = "saving")]
    Saving,
    #[serde(rename = "deleted")]
    Deleted,
    #[serde(rename = "killed")]
    Killed,
    #[serde(rename = "active")]
    Active,
}

/// Specifies the environment where the image is used. The value can be FusionCompute, Ironic,
/// or DataImage. The value is FusionCompute for an ECS image, DataImage for a data disk image,
/// and Ironic for a BMS image.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VirtualEnvType {
    #[serde(rename = "FusionCompute")]
    FusionCompute,
    #[serde(rename = "Ironic")]
    Ironic,
    #[serde(rename = "DataImage")]
    DataImage,
}

/// Specifies whether the image is visible to other tenants. The value can be public, private,
/// or shared.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Visibility {
    #[serde(rename = "public")]
    Public,
    #[serde(rename = "private")]
    Private,
    #[serde(rename = "shared")]
    Shared,
}

/// Specifies the image architecture. The value can be:
/// - x86
/// - arm
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Architecture {
    #[serde(rename = "x86")]
    X86,
    #[serde(rename = "arm")]
    Arm,
}

/// The response to querying images.
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListImagesResponseBody {
    /// Specifies the images.
    pub images: Vec<ImageInfo>,
}

/// The image information in the response.
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageInfo {
    /// Specifies the charging identifier of a paid image.
    #[serde(rename = "__account_code")]
    #[field(optional)]
    pub account_code: Option<String>,
    /// Specifies the backup ID. If the image was created from a backup, the value is the
    /// backup ID. Otherwise, it is empty.
    #[serde(rename = "__backup_id")]
    #[field(optional)]
    pub backup_id: Option<String>,
    /// Specifies the image source. The value is empty for public images.
    #[serde(rename = "__data_origin")]
    #[field(optional)]
    pub data_origin: Option<String>,
    /// Specifies the image description.
    /// It can contain letters, digits, Chinese characters, and more, but not carriage returns,
    /// <, or >, and it cannot exceed 1024 characters.
    #[serde(rename = "__description")]
    #[field(optional, max_length = 1024)]
    pub description: Option<String>,
    /// Specifies the image name displayed to users.
    #[serde(rename = "__image_displayname")]
    #[field(optional)]
    pub image_displayname: Option<String>,
    /// Specifies the size of the image file, in bytes.
    #[serde(rename = "__image_size")]
    #[field(optional)]
    pub image_size: Option<String>,
    #[serde(rename = "__image_source_type")]
    pub image_source_type: Open<ImageSourceType>,
    #[serde(rename = "__imagetype")]
    pub imagetype: Open<Imagetype>,
    /// Specifies whether the Marketplace image has been delisted. true: delisted; false: not
    /// delisted.
    #[serde(rename = "__is_offshelved")]
    #[field(optional)]
    pub is_offshelved: Option<String>,
    #[serde(rename = "__isregistered")]
    pub isregistered: ImageInfoIsregistered,
    /// Specifies whether the image supports lazy loading. The value is True or False.
    #[serde(rename = "__lazyloading")]
    #[field(optional)]
    pub lazyloading: Option<String>,
    /// Specifies the parent image ID. The value is empty for public images and for private
    /// images created from image files.
    #[serde(rename = "__originalimagename")]
    #[field(optional)]
    pub originalimagename: Option<String>,
    #[serde(rename = "__os_bit")]
    #[field(optional)]
    pub os_bit: Option<OsBit>,
    /// Specifies the additional attributes of the image, in JSON format: the list of advanced
    /// features that the image supports.
    #[serde(rename = "__os_feature_list")]
    #[field(optional)]
    pub os_feature_list: Option<String>,
    #[serde(rename = "__os_type")]
    pub os_type: Open<OsType>,
    /// Specifies the OS version.
    #[serde(rename = "__os_version")]
    #[field(optional)]
    pub os_version: Option<String>,
    #[serde(rename = "__platform")]
    #[field(optional)]
    pub platform: Option<Open<Platform>>,
    /// Specifies the product ID of a Marketplace image.
    #[serde(rename = "__productcode")]
    #[field(optional)]
    pub productcode: Option<String>,
    /// Specifies that the image was imported from outside. The value is file.
    #[serde(rename = "__root_origin")]
    #[field(optional)]
    pub root_origin: Option<String>,
    /// Specifies the system disk slot of the ECS that corresponds to the image. This parameter
    /// is not used currently.
    #[serde(rename = "__sequence_num")]
    #[field(optional)]
    pub sequence_num: Option<String>,
    /// Specifies whether the image supports host security or host monitoring.
    /// - hss: host security
    /// - ces: host monitoring
    #[serde(rename = "__support_agent_list")]
    #[field(optional)]
    pub support_agent_list: Option<String>,
    /// Specifies whether the image uses the AMD architecture. The value is true or false.
    #[serde(rename = "__support_amd")]
    #[field(optional)]
    pub support_amd: Option<String>,
    #[serde(rename = "__support_arm")]
    #[field(optional)]
    pub support_arm: Option<SupportArm>,
    /// Specifies whether the image supports disk-intensive performance. If it does, the value
    /// is true. Otherwise, this attribute is not required.
    #[serde(rename = "__support_diskintensive")]
    #[field(optional)]
    pub support_diskintensive: Option<String>,
    #[serde(rename = "__support_fc_inject")]
    #[field(optional)]
    pub support_fc_inject: Option<SupportFcInject>,
    /// Specifies whether the image supports high computing performance. If it does, the value
    /// is true. Otherwise, this attribute is not required.
    #[serde(rename = "__support_highperformance")]
    #[field(optional)]
    pub support_highperformance: Option<String>,
    /// If the image supports KVM, the value is true. Otherwise, this attribute is not
    /// required.
    #[serde(rename = "__support_kvm")]
    #[field(optional)]
    pub support_kvm: Option<String>,
    /// Specifies whether the image supports GPUs on the KVM virtualization platform. If the
    /// image does not support GPUs under KVM, this attribute is not required. This attribute
    /// cannot coexist with `__support_xen` and `__support_kvm`.
    #[serde(rename = "__support_kvm_gpu_type")]
    #[field(optional)]
    pub support_kvm_gpu_type: Option<String>,
    /// If the image supports SR-IOV passthrough, the value is true. Otherwise, this attribute
    /// is not required.
    #[serde(rename = "__support_kvm_hi1822_hisriov")]
    #[field(optional)]
    pub support_kvm_hi1822_hisriov: Option<String>,
    /// If the image supports the Virtio-net passthrough flavor, the value is true. Otherwise,
    /// this attribute is not required.
    #[serde(rename = "__support_kvm_hi1822_hivirtionet")]
    #[field(optional)]
    pub support_kvm_hi1822_hivirtionet: Option<String>,
    /// If the image supports the Infiniband NIC type under KVM virtualization, the value is
    /// true. Otherwise, this attribute is not required. This attribute cannot coexist with
    /// `__support_xen`.
    #[serde(rename = "__support_kvm_infiniband")]
    #[field(optional)]
    pub support_kvm_infiniband: Option<String>,
    /// Specifies whether the image supports large memory. If it does, the value is true.
    /// Otherwise, this attribute is not required.
    #[serde(rename = "__support_largememory")]
    #[field(optional)]
    pub support_largememory: Option<String>,
    /// If the image supports XEN, the value is true. Otherwise, this attribute is not
    /// required.
    #[serde(rename = "__support_xen")]
    #[field(optional)]
    pub support_xen: Option<String>,
    /// Specifies whether the image supports GPU optimization on the XEN virtualization
    /// platform. If the image does not support GPUs under XEN virtualization, this attribute
    /// is not required. This attribute cannot coexist with `__support_xen` and
    /// `__support_kvm`.
    #[serde(rename = "__support_xen_gpu_type")]
    #[field(optional)]
    pub support_xen_gpu_type: Option<String>,
    /// If the image supports HANA under XEN virtualization, the value is true. Otherwise, this
    /// attribute is not required. This attribute cannot coexist with `__support_xen` and
    /// `__support_kvm`.
    #[serde(rename = "__support_xen_hana")]
    #[field(optional)]
    pub support_xen_hana: Option<String>,
    /// Specifies the ID of the key used to encrypt the image.
    #[serde(rename = "__system__cmkid")]
    #[field(optional)]
    pub system_cmkid: Option<String>,
    /// Specifies whether the image can be published as a Marketplace image. true: it can;
    /// false: it cannot.
    #[serde(rename = "__system_support_market")]
    #[field(optional)]
    pub system_support_market: Option<bool>,
    /// Specifies the time when the image status became active.
    #[field(optional)]
    pub active_at: Option<String>,
    /// This parameter is not used currently.
    #[field(optional)]
    pub checksum: Option<String>,
    /// Specifies the container type.
    pub container_format: String,
    /// Specifies the time when the image was created. The value is in UTC format.
    pub created_at: String,
    /// Specifies the image format. The value can be vhd, zvhd, raw, or qcow2. The default
    /// value is vhd.
    #[field(optional)]
    pub disk_format: Option<String>,
    /// Specifies the enterprise project to which the image belongs. If the value is 0 or
    /// absent, the image belongs to the default enterprise project. If the value is a UUID,
    /// the image belongs to the enterprise project with that UUID.
    #[field(optional)]
    pub enterprise_project_id: Option<String>,
    /// Specifies the URL for uploading and downloading the image file.
    #[field(optional)]
    pub file: Option<String>,
    #[field(optional)]
    pub hw_firmware_type: Option<Open<HwFirmwareType>>,
    /// Specifies whether the image supports NIC multi-queue. The value is true or false.
    #[field(optional)]
    pub hw_vif_multiqueue_enabled: Option<String>,
    /// Specifies the image ID.
    pub id: String,
    /// Specifies the maximum memory supported by the image, in MB. For the value, see the ECS
    /// flavor limits. It is usually not set.
    #[field(optional)]
    pub max_ram: Option<String>,
    /// Specifies the minimum disk capacity required for running the image, in GB. The value
    /// ranges from 40 to 1024 GB.
    #[field(minimum = 40, maximum = 1024)]
    pub min_disk: i32,
    /// Specifies the minimum memory required for running the image, in MB. The value depends
    /// on the ECS flavor limits and is 0 by default.
    pub min_ram: i32,
    /// Specifies the image name.
    /// - The name cannot start or end with a space.
    /// - The name contains 1 to 128 characters.
    /// - The name can contain the following four types of characters:
    ///   - Uppercase letters
    ///   - Lowercase letters
    ///   - Digits
    ///   - Special characters: hyphens (-), periods (.), underscores (_), spaces, and Chinese
    ///     characters
    #[field(min_length = 1, max_length = 128)]
    pub name: String,
    /// Specifies the graceful shutdown timeout of the VM. The value ranges from 60 to 300 and
    /// is 60 by default (an integer, in seconds).
    /// An ECS is forcibly shut down after its graceful shutdown times out, so that the
    /// instance does not stay shutting down for a long time.
    /// If graceful shutdown of your ECS takes too long because of the state of specific
    /// software, data being saved, or similar reasons, the timeout triggers a forced shutdown.
    /// By setting this field on the image, you can lengthen the graceful shutdown timeout of
    /// the ECSs created from it.
    /// This field currently affects only ECSs, not BMSs.
    #[field(optional)]
    pub os_shutdown_timeout: Option<String>,
    /// Specifies the tenant to which the image belongs.
    pub owner: String,
    /// Specifies whether the image is protected. A protected image cannot be deleted. The
    /// value is true or false.
    pub protected: bool,
    /// Specifies the image schema.
    #[field(optional)]
    pub schema: Option<String>,
    /// Specifies the image link.
    #[serde(rename = "self")]
    pub self_: String,
    /// This parameter is not used currently.
    #[field(optional)]
    pub size: Option<i32>,
    pub status: Status,
    /// Specifies the image tags.
    pub tags: Vec<String>,
    /// Specifies the time when the image was updated. The value is in UTC format.
    pub updated_at: String,
    pub virtual_env_type: VirtualEnvType,
    /// This parameter is not used currently.
    #[field(nullable)]
    pub virtual_size: Option<i32>,
    pub visibility: Visibility,
}

/// Specifies the backend storage type of the image. Only uds is supported currently.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageSourceType {
    #[serde(rename = "uds")]
    Uds,
    #[serde(rename = "swift")]
    Swift,
}

/// Specifies whether the image has been registered. The value is true or false.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageInfoIsregistered {
    #[serde(rename = "true")]
    True,
    #[serde(rename = "false")]
    False,
}

/// Specifies whether the image uses the ARM architecture. The value is true or false.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SupportArm {
    #[serde(rename = "true")]
    True,
    #[serde(rename = "false")]
    False,
}

/// Specifies whether the image supports password/key injection using CloudInit. The value is
/// recommended to be true or false.
/// If the value is true, the image does not support password/key injection using CloudInit.
/// Other values indicate that it does.
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SupportFcInject {
    #[serde(rename = "true")]
    True,
    #[serde(rename = "false")]
    False,
}

/// Specifies the ECS boot mode. The value can be:
/// - bios: BIOS boot
/// - uefi: UEFI boot
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HwFirmwareType {
    #[serde(rename = "bios")]
    Bios,
    #[serde(rename = "uefi")]
    Uefi,
}
