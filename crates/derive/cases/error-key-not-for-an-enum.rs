#[schemas(max_length = 3)]
#[derive(Serialize)]
pub enum T {
    A,
}
