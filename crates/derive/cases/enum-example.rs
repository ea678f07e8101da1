/// A closed enum with its example, on the type.
#[schemas(example = "app")]
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageType {
    System,
    App,
}
