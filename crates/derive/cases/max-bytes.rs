/// A limit in bytes: maxLength counts characters, so `x-max-bytes` says it in both schemas.
#[schemas]
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct PhoneImage {
    /// At most 128 bytes.
    #[field(max_bytes = 128)]
    pub image_name: String,
    pub plain: String,
}
