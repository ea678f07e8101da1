/// Absent or a value, never null; an open enum is inlined without asking.
#[schemas]
#[derive(Serialize, Deserialize)]
pub struct ImageInfo {
    #[field(optional)]
    pub product_code: Option<String>,
    #[field(optional)]
    pub architecture: Option<Open<Architecture>>,
    pub os_type: Open<OsType>,
    pub checksum: Option<String>,
}
