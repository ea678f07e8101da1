#[schemas]
#[derive(Serialize)]
pub struct T {
    #[field(optional)]
    pub a: String,
}
