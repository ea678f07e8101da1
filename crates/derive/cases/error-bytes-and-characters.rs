#[schemas]
#[derive(Serialize)]
pub struct T {
    #[field(max_bytes = 3, max_length = 3)]
    pub a: String,
}
