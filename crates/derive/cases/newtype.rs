/// A newtype's keys go on the type; its JSON Schema is utoipa's.
#[schemas(pattern = r"^\d{4}-\d{2}-\d{2}$")]
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct GlanceTime(pub String);
