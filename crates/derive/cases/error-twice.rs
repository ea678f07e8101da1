#[schemas]
#[derive(Serialize)]
pub struct T {
    #[field(max_length = 3, max_length = 4)]
    pub a: String,
}
