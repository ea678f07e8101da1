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
    responses: &[Response::json(200, "OK: 正常", Body::of::<ListImagesResponseBody>())],
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
    /// 镜像类型,目前支持以下类型:
    /// 公共镜像:gold
    /// 私有镜像:private
    /// 共享镜像:shared
    /// 市场镜像:market
    #[serde(rename = "__imagetype")]
    #[param(inline)]
    pub imagetype: Option<Imagetype>,
    /// 镜像是否可用,取值为true,扩展接口会默认为true,普通用户只能查询取值为true的镜像。
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
    /// 操作系统位数,一般取值为32或者64。
    #[serde(rename = "__os_bit")]
    #[param(inline)]
    pub os_bit: Option<OsBit>,
    /// 镜像系统类型,取值为Linux,Windows,Other。
    #[serde(rename = "__os_type")]
    #[param(inline)]
    pub os_type: Option<OsType>,
    /// 镜像平台分类
    #[serde(rename = "__platform")]
    #[param(inline)]
    pub platform: Option<Platform>,
    /// 表示该镜像支持密集存储。如果镜像支持密集存储性能,则值为true,否则无需增加该属性。
    #[serde(rename = "__support_diskintensive")]
    pub support_diskintensive: Option<String>,
    /// 表示该镜像支持高计算性能。如果镜像支持高计算性能,则值为true,否则无需增加该属性。
    #[serde(rename = "__support_highperformance")]
    pub support_highperformance: Option<String>,
    /// 如果镜像支持KVM,取值为true,否则无需增加该属性。
    #[serde(rename = "__support_kvm")]
    pub support_kvm: Option<String>,
    /// 表示该镜像是支持KVM虚拟化平台下的GPU类型,如果不支持KVM虚拟机下GPU类型,无需添加该属性。该属性与“__support_xen”和“__support_kvm”属性不共存。
    #[serde(rename = "__support_kvm_gpu_type")]
    pub support_kvm_gpu_type: Option<String>,
    /// 如果镜像支持KVM虚拟化下Infiniband网卡类型,取值为true。否则,无需添加该属性。该属性与“__support_xen”属性不共存。
    #[serde(rename = "__support_kvm_infiniband")]
    pub support_kvm_infiniband: Option<String>,
    /// 表示该镜像支持超大内存。如果镜像支持超大内存,取值为true,否则无需增加该属性。
    #[serde(rename = "__support_largememory")]
    pub support_largememory: Option<String>,
    /// 如果镜像支持XEN,取值为true,否则无需增加该属性。
    #[serde(rename = "__support_xen")]
    pub support_xen: Option<String>,
    /// 表示该镜像是支持XEN虚拟化平台下的GPU优化类型,如果不支持XEN虚拟化下GPU类型,无需添加该属性 。该属性与“__support_xen”和“__support_kvm”属性不共存。
    #[serde(rename = "__support_xen_gpu_type")]
    pub support_xen_gpu_type: Option<String>,
    /// 如果镜像支持XEN虚拟化下HANA类型,取值为true。否则,无需添加该属性。该属性与“__support_xen”和“__support_kvm”属性不共存。
    #[serde(rename = "__support_xen_hana")]
    pub support_xen_hana: Option<String>,
    /// 容器类型
    pub container_format: Option<String>,
    /// 镜像格式,目前支持vhd,zvhd、raw,qcow2,zvhd2。默认值是vhd。
    #[param(inline)]
    pub disk_format: Option<DiskFormat>,
    /// 表示查询某个企业项目下的镜像。
    /// 取值为0,表示查询属于default企业项目下的镜像。
    /// 取值为UUID,表示查询属于该UUID对应的企业项目下的镜像。取值为all_granted_eps,表示查询当前用户所有企业项目下的镜像。
    /// 关于企业项目ID的获取及企业项目特性的详细信息,请参考《企业管理用户指南》。
    #[param(default = "0")]
    pub enterprise_project_id: Option<String>,
    /// 镜像ID
    pub id: Option<String>,
    /// 用于分页,表示查询几条镜像记录,取值为整数,默认取值为500。
    #[param(default = 500, format = Int32)]
    pub limit: Option<i32>,
    /// 用于分页,表示从哪个镜像开始查询,取值为镜像ID。
    pub marker: Option<String>,
    /// 成员状态。目前取值有accepted、rejected、pending。accepted表示已经接受共享的镜像,rejected表示已经拒绝了其他用户共享的镜像,pending表示需要确认的其他用户的共享镜像。需要在查询时设置“visibility”参数为“shared”。
    #[param(inline)]
    pub member_status: Option<MemberStatus>,
    /// 镜像运行需要的最小磁盘,单位为GB 。取值为40~1024GB。
    #[param(minimum = 40, maximum = 1024, format = Int32)]
    pub min_disk: Option<i32>,
    /// 镜像运行需要的最小内存,单位为MB。参数取值依据弹性云服务器的规格限制,一般设置为0。
    #[param(format = Int32)]
    pub min_ram: Option<i32>,
    /// 镜像名称
    pub name: Option<String>,
    /// 镜像属于哪个租户
    pub owner: Option<String>,
    /// 镜像是否是受保护,取值为true/false,一般查询公共镜像时候取值为true,查询私有镜像可以不指定。
    pub protected: Option<bool>,
    /// 用于排序,表示升序还是降序,取值为asc和desc。与sort_key一起组合使用,默认为降序desc。
    #[param(inline)]
    pub sort_dir: Option<SortDir>,
    /// 用于排序,表示按照哪个字段排序。取值为镜像属性name,container_format,disk_format,status ,id,size字段,默认为创建时间。
    #[param(inline)]
    pub sort_key: Option<SortKey>,
    /// 镜像状态。取值如下:
    /// queued:表示镜像元数据已经创建成功,等待上传镜像文件。
    /// saving:表示镜像正在上传文件到后端存储。
    /// deleted:表示镜像已经删除。
    /// killed:表示镜像上传错误。
    /// active:表示镜像可以正常使用。
    #[param(inline)]
    pub status: Option<Status>,
    /// 标签,用户为镜像增加自定义标签后可以通过该参数过滤查询。
    pub tag: Option<String>,
    /// 镜像使用环境类型:FusionCompute,Ironic,DataImage。如果弹性云服务器镜像,则取值为FusionCompute,如果是数据卷镜像则取值是DataImage,如果是裸金属服务器镜像,则取值是Ironic。
    #[param(inline)]
    pub virtual_env_type: Option<VirtualEnvType>,
    /// 是否被其他租户可见,取值为public、private或shared
    #[param(inline)]
    pub visibility: Option<Visibility>,
    /// 用于通过云服务器规格过滤出可用公共镜像,取值为规格ID。
    /// 当前仅支持通过单个规格进行过滤。
    pub flavor_id: Option<String>,
    /// 镜像创建时间。支持按照时间点过滤查询,取值格式为“操作符:UTC时间”。
    /// 其中操作符支持如下几种:
    /// gt:大于
    /// gte:大于等于
    /// lt:小于
    /// lte:小于等于
    /// eq:等于
    /// neq:不等于
    /// 时间格式支持:yyyy-MM-ddThh:mm:ssZ或者yyyy-MM-dd hh:mm:ss
    /// 例如,查询创建时间在2018-10-28 10:00:00之前的镜像,可以通过如下条件过滤:
    /// created_at=gt:2018-10-28T10:00:00Z
    pub created_at: Option<String>,
    /// 镜像修改时间。支持按照时间点过滤查询,取值格式为“ 操作符:UTC时间”。
    /// 其中操作符支持如下几种:
    /// gt:大于
    /// gte:大于等于
    /// lt:小于
    /// lte:小于等于
    /// eq:等于
    /// neq:不等于
    /// 时间格式支持:yyyy-MM-ddThh:mm:ssZ或者yyyy-MM-dd hh:mm:ss
    /// 例如,查询修改时间在2018-10-28 10:00:00之前的镜像,可以通过如下条件过滤:
    /// updated_at=gt:2018-10-28T10:00:00Z
    pub updated_at: Option<String>,
    /// 镜像架构类型。取值包括:
    /// x86
    /// arm
    #[param(inline)]
    pub architecture: Option<Architecture>,
}

/// 镜像类型,目前支持以下类型:
/// 公共镜像:gold
/// 私有镜像:private
/// 共享镜像:shared
/// 市场镜像:market
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

/// 镜像是否可用,取值为true,扩展接口会默认为true,普通用户只能查询取值为true的镜像。
#[schemas(default = json!(Isregistered::default()))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Isregistered {
    #[default]
    #[serde(rename = "true")]
    True,
    #[serde(rename = "false")]
    False,
}

/// 操作系统位数,一般取值为32或者64。
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OsBit {
    #[serde(rename = "32")]
    V32,
    #[serde(rename = "64")]
    V64,
}

/// 镜像系统类型,取值为Linux,Windows,Other。
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

/// 镜像平台分类
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

/// 镜像格式,目前支持vhd,zvhd、raw,qcow2,zvhd2。默认值是vhd。
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

/// 成员状态。目前取值有accepted、rejected、pending。accepted表示已经接受共享的镜像,rejected表示已经拒绝了其他用户共享的镜像,pending表示需要确认的其他用户的共享镜像。需要在查询时设置“visibility”参数为“shared”。
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

/// 用于排序,表示升序还是降序,取值为asc和desc。与sort_key一起组合使用,默认为降序desc。
#[schemas(default = json!(SortDir::default()))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortDir {
    #[serde(rename = "asc")]
    Asc,
    #[default]
    #[serde(rename = "desc")]
    Desc,
}

/// 用于排序,表示按照哪个字段排序。取值为镜像属性name,container_format,disk_format,status ,id,size字段,默认为创建时间。
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

/// 镜像状态。取值如下:
/// queued:表示镜像元数据已经创建成功,等待上传镜像文件。
/// saving:表示镜像正在上传文件到后端存储。
/// deleted:表示镜像已经删除。
/// killed:表示镜像上传错误。
/// active:表示镜像可以正常使用。
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

/// 镜像使用环境类型:FusionCompute,Ironic,DataImage。如果弹性云服务器镜像,则取值为FusionCompute,如果是数据卷镜像则取值是DataImage,如果是裸金属服务器镜像,则取值是Ironic。
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

/// 是否被其他租户可见,取值为public、private或shared
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

/// 镜像架构类型。取值包括:
/// x86
/// arm
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Architecture {
    #[serde(rename = "x86")]
    X86,
    #[serde(rename = "arm")]
    Arm,
}

/// 查询镜像列表响应
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListImagesResponseBody {
    /// 镜像列表
    pub images: Vec<ImageInfo>,
}

/// 镜像信息响应体
#[schemas]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageInfo {
    /// 收费镜像标识。
    #[serde(rename = "__account_code")]
    #[field(optional)]
    pub account_code: Option<String>,
    /// 备份ID。如果是备份创建的镜像,则填写为备份的ID,否则为空
    #[serde(rename = "__backup_id")]
    #[field(optional)]
    pub backup_id: Option<String>,
    /// 镜像来源。公共镜像为空
    #[serde(rename = "__data_origin")]
    #[field(optional)]
    pub data_origin: Option<String>,
    /// 镜像描述信息。
    /// 支持字母、数字、中文等,不支持回车、<、 >,长度不能超过1024个字符。
    #[serde(rename = "__description")]
    #[field(optional, max_length = 1024)]
    pub description: Option<String>,
    /// 对外展示名称。
    #[serde(rename = "__image_displayname")]
    #[field(optional)]
    pub image_displayname: Option<String>,
    /// 镜像文件的大小,单位为字节
    #[serde(rename = "__image_size")]
    #[field(optional)]
    pub image_size: Option<String>,
    #[serde(rename = "__image_source_type")]
    pub image_source_type: Open<ImageSourceType>,
    #[serde(rename = "__imagetype")]
    pub imagetype: Open<Imagetype>,
    /// 表示当前市场镜像是否下架。true:已下架 false:未下架
    #[serde(rename = "__is_offshelved")]
    #[field(optional)]
    pub is_offshelved: Option<String>,
    #[serde(rename = "__isregistered")]
    pub isregistered: ImageInfoIsregistered,
    /// 镜像是否支持延迟加载。取值为“True”或“False”。
    #[serde(rename = "__lazyloading")]
    #[field(optional)]
    pub lazyloading: Option<String>,
    /// 父镜像ID。公共镜像或通过文件创建的私有镜像,取值为空
    #[serde(rename = "__originalimagename")]
    #[field(optional)]
    pub originalimagename: Option<String>,
    #[serde(rename = "__os_bit")]
    #[field(optional)]
    pub os_bit: Option<OsBit>,
    /// 镜像附加属性。该属性采用JSON格式来标识镜像支持的高级特性清单。
    #[serde(rename = "__os_feature_list")]
    #[field(optional)]
    pub os_feature_list: Option<String>,
    #[serde(rename = "__os_type")]
    pub os_type: Open<OsType>,
    /// 操作系统具体版本
    #[serde(rename = "__os_version")]
    #[field(optional)]
    pub os_version: Option<String>,
    #[serde(rename = "__platform")]
    #[field(optional)]
    pub platform: Option<Open<Platform>>,
    /// 市场镜像的产品ID
    #[serde(rename = "__productcode")]
    #[field(optional)]
    pub productcode: Option<String>,
    /// 表示当前镜像来源是从外部导入。取值:file。
    #[serde(rename = "__root_origin")]
    #[field(optional)]
    pub root_origin: Option<String>,
    /// 表示当前镜像对应云服务器的系统盘插槽位置。目前暂时不用
    #[serde(rename = "__sequence_num")]
    #[field(optional)]
    pub sequence_num: Option<String>,
    /// 镜像是否支持企业主机安全或主机监控。
    /// hss:企业主机安全
    /// ces:主机监控
    #[serde(rename = "__support_agent_list")]
    #[field(optional)]
    pub support_agent_list: Option<String>,
    /// 是否是AMD架构类型的镜像。取值为“true”或者“false”。
    #[serde(rename = "__support_amd")]
    #[field(optional)]
    pub support_amd: Option<String>,
    #[serde(rename = "__support_arm")]
    #[field(optional)]
    pub support_arm: Option<SupportArm>,
    /// 镜像来源表示该镜像支持密集存储。如果镜像支持密集存储性能,则值为true,否则无需增加该属性。
    #[serde(rename = "__support_diskintensive")]
    #[field(optional)]
    pub support_diskintensive: Option<String>,
    #[serde(rename = "__support_fc_inject")]
    #[field(optional)]
    pub support_fc_inject: Option<SupportFcInject>,
    /// 表示该镜像支持高计算性能。如果镜像支持高计算性能,则值为true,否则无需增加该属性。
    #[serde(rename = "__support_highperformance")]
    #[field(optional)]
    pub support_highperformance: Option<String>,
    /// 如果镜像支持KVM,取值为true,否则无需增加该属性。
    #[serde(rename = "__support_kvm")]
    #[field(optional)]
    pub support_kvm: Option<String>,
    /// 表示该镜像是支持KVM虚拟化平台下的GPU类型,如果不支持KVM虚拟机下GPU类型,无需添加该属性。该属性与“__support_xen”和“__support_kvm”属性不共存。
    #[serde(rename = "__support_kvm_gpu_type")]
    #[field(optional)]
    pub support_kvm_gpu_type: Option<String>,
    /// 如果镜像支持sriov直通,取值为true,否则无需增加该属性。
    #[serde(rename = "__support_kvm_hi1822_hisriov")]
    #[field(optional)]
    pub support_kvm_hi1822_hisriov: Option<String>,
    /// 如果镜像支持Virtio-net直通规格,取值为true,否则无需增加该属性。
    #[serde(rename = "__support_kvm_hi1822_hivirtionet")]
    #[field(optional)]
    pub support_kvm_hi1822_hivirtionet: Option<String>,
    /// 如果镜像支持KVM虚拟化下Infiniband网卡类型,取值为true。否则,无需添加该属性。该属性与“__support_xen”属性不共存。
    #[serde(rename = "__support_kvm_infiniband")]
    #[field(optional)]
    pub support_kvm_infiniband: Option<String>,
    /// 表示该镜像支持超大内存。如果镜像支持超大内存,取值为true,否则无需增加该属性。
    #[serde(rename = "__support_largememory")]
    #[field(optional)]
    pub support_largememory: Option<String>,
    /// 如果镜像支持XEN,取值为true,否则无需增加该属性。
    #[serde(rename = "__support_xen")]
    #[field(optional)]
    pub support_xen: Option<String>,
    /// 表示该镜像是支持XEN虚拟化平台下的GPU优化类型,如果不支持XEN虚拟化下GPU类型,无需添加该属性            。该属性与“__support_xen”和“__support_kvm”属性不共存。
    #[serde(rename = "__support_xen_gpu_type")]
    #[field(optional)]
    pub support_xen_gpu_type: Option<String>,
    /// 如果镜像支持XEN虚拟化下HANA类型,取值为true。否则,无需添加该属性。该属性与“__support_xen”             和“__support_kvm”属性不共存。
    #[serde(rename = "__support_xen_hana")]
    #[field(optional)]
    pub support_xen_hana: Option<String>,
    /// 加密镜像所使用的密钥ID。
    #[serde(rename = "__system__cmkid")]
    #[field(optional)]
    pub system_cmkid: Option<String>,
    /// 表示当前镜像是否支持发布为市场镜像,true表示支持,false 表示不支持
    #[serde(rename = "__system_support_market")]
    #[field(optional)]
    pub system_support_market: Option<bool>,
    /// 镜像状态变为正常的时间。
    #[field(optional)]
    pub active_at: Option<String>,
    /// 目前暂时不使用
    #[field(optional)]
    pub checksum: Option<String>,
    /// 容器类型
    pub container_format: String,
    /// 创建时间。格式为UTC时间
    pub created_at: String,
    /// 镜像的格式,目前支持vhd,zvhd、raw,qcow2。默认值是vhd
    #[field(optional)]
    pub disk_format: Option<String>,
    /// 表示当前镜像所属的企业项目。取值为0或无该值,表示属于default企业项目,取值为UUID,表示属于该UUID对应的企业项目。
    #[field(optional)]
    pub enterprise_project_id: Option<String>,
    /// 镜像文件下载和上传链接
    #[field(optional)]
    pub file: Option<String>,
    #[field(optional)]
    pub hw_firmware_type: Option<Open<HwFirmwareType>>,
    /// 镜像是否支持网卡多队列。取值为“true”或者“false”。
    #[field(optional)]
    pub hw_vif_multiqueue_enabled: Option<String>,
    /// 镜像ID
    pub id: String,
    /// 镜像支持的最大内存,单位为MB。取值可以参考云服务器规格限制,一般不设置。
    #[field(optional)]
    pub max_ram: Option<String>,
    /// 镜像运行需要的最小磁盘容量,单位为GB。取值为40~1024GB。
    #[field(minimum = 40, maximum = 1024)]
    pub min_disk: i32,
    /// 镜像运行需要的最小内存,单位为MB。参数取值依据弹性云服务器的规格限制,默认设置为0
    pub min_ram: i32,
    /// 镜像名称。
    /// 名称的首尾字母不能为空格。
    /// 名称的长度至为1~128位。
    /// 名称包含以下4种字符:
    /// 大写字母
    /// 小写字母
    /// 数字
    /// 特殊字符包含-、.、_、空格和中文。
    #[field(min_length = 1, max_length = 128)]
    pub name: String,
    /// 设置虚拟机的优雅关机超时时间,设置范围为60-300,默认为60(取值为整数,单位为秒)。
    /// 云服务器在优雅关机超时后会触发强制关机,避免实例长时间处于关机状态中。
    /// 当您的云服务器关机过程中由于特定软件的状态、保存等原因导致优雅关机时间过长,会触发超时强制关机。
    /// 您可以通过设置镜像该字段,使得发放的云服务器优雅关机超时时间变长。
    /// 该字段当前只影响弹性云服务器,不影响裸金属服务器。
    #[field(optional)]
    pub os_shutdown_timeout: Option<String>,
    /// 镜像属于哪个租户
    pub owner: String,
    /// 是否是受保护的,受保护的镜像不允许删除。取值为true或false
    pub protected: bool,
    /// 镜像视图
    #[field(optional)]
    pub schema: Option<String>,
    /// 镜像链接信息
    #[serde(rename = "self")]
    pub self_: String,
    /// 目前暂时不使用
    #[field(optional)]
    pub size: Option<i32>,
    pub status: Status,
    /// 镜像标签列表
    pub tags: Vec<String>,
    /// 更新时间。格式为UTC时间
    pub updated_at: String,
    pub virtual_env_type: VirtualEnvType,
    /// 目前暂时不使用
    #[field(nullable)]
    pub virtual_size: Option<i32>,
    pub visibility: Visibility,
}

/// 镜像后端存储类型,目前只支持uds
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageSourceType {
    #[serde(rename = "uds")]
    Uds,
    #[serde(rename = "swift")]
    Swift,
}

/// 是否是注册过的镜像,取值为“true”或者“false”
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageInfoIsregistered {
    #[serde(rename = "true")]
    True,
    #[serde(rename = "false")]
    False,
}

/// 是否是ARM架构类型的镜像,取值为“true”或者“false”。
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SupportArm {
    #[serde(rename = "true")]
    True,
    #[serde(rename = "false")]
    False,
}

/// 表示当前镜像支持CloudInit密码/密钥注入方式,建议设置为"true"或者"false"。
/// 如果取值为"true",表示该镜像不支持CloudInit注入密码/密钥,其他取值时表示支持CloudInit注入密钥/密码。
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SupportFcInject {
    #[serde(rename = "true")]
    True,
    #[serde(rename = "false")]
    False,
}

/// 云服务器的启动方式。目前支持:
/// bios:表示bios引导启动。
/// uefi:表示uefi引导启动。
#[schemas]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HwFirmwareType {
    #[serde(rename = "bios")]
    Bios,
    #[serde(rename = "uefi")]
    Uefi,
}
