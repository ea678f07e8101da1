#[schemas]
#[derive(Serialize)]
pub struct T {
    #[field(max_length = 3)]
    #[schemars(length(max = 3))]
    pub a: String,
}
