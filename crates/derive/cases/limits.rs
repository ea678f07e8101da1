/// Every other key a field takes.
#[schemas]
#[derive(Serialize, Deserialize)]
pub struct Limits {
    #[field(min_length = 1, max_length = 255)]
    pub name: String,
    #[field(minimum = 40, maximum = 1024)]
    pub min_disk: i32,
    #[field(minimum = -1.5)]
    pub ratio: f64,
    #[field(format = "uuid")]
    pub id: String,
    #[field(pattern = r"^\d{4}$")]
    pub year: String,
    #[field(example = "WordPress-4.8.1")]
    pub image_name: String,
    #[field(default = 100, example = json!(50))]
    pub limit: i32,
    #[field(any_object)]
    pub properties: Map<String, Value>,
    #[field(inline)]
    pub nested: Nested,
}
