#[schemas]
#[derive(Serialize)]
pub struct T {
    #[field(example = vec![1])]
    pub a: Vec<i32>,
}
