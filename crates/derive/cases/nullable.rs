/// Always present, perhaps null: required in both schemas, through a transform in schemars'.
#[schemas]
#[derive(Serialize, Deserialize)]
pub struct GlanceImage {
    #[field(nullable, minimum = 0)]
    pub virtual_size: Option<i64>,
    #[field(nullable)]
    pub container_format: Option<Open<ContainerFormat>>,
    pub size: Option<i64>,
}
