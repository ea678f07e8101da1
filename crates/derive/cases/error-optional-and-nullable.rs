#[schemas]
#[derive(Serialize)]
pub struct T {
    #[field(optional, nullable)]
    pub a: Option<String>,
}
