/// A default written as an expression.
#[schemas(default = json!(SortField::default()))]
#[derive(Default, Serialize, Deserialize)]
pub enum SortField {
    #[default]
    Name,
    CreatedAt,
}
