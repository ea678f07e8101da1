/// serde_repr writes the number: the JSON Schema is utoipa's, which reads `#[repr]`.
#[schemas]
#[derive(Serialize_repr, Deserialize_repr)]
#[repr(u8)]
pub enum ImageVisibility {
    Public = 1,
    Private = 2,
}
