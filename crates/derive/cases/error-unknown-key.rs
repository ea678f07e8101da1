#[schemas]
#[derive(Serialize)]
pub struct T {
    #[field(max_chars = 3)]
    pub a: String,
}
