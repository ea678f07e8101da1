#[schemas]
#[derive(Serialize)]
pub struct T(#[field(max_length = 3)] pub String);
