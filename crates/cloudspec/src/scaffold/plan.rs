//! What `new` writes an endpoint from: the operation of a vendor contract read into Rust
//! terms (parameters, structs, enums), each piece with the contract place that states it, so
//! that the module, its citations and its fixtures are rendered from one reading.

use serde_json::{Map, Value};

use super::names;

/// One endpoint to write.
#[derive(Debug)]
pub struct Plan {
    /// The provider's, the service's and the operation's ids, as the key names them.
    pub provider: String,
    pub service: String,
    pub operation_id: String,
    /// The vendor's name of the operation (API Explorer's `operationId`, Alibaba's action).
    pub vendor_name: String,
    /// Where the plan was read from, as the endpoint's files name it.
    pub origin: Origin,
    /// The action's name, for an RPC action: path `/`, and `Action` and `Version` declared
    /// by the provider's `rpc::action!`.
    pub rpc: Option<String>,
    pub method: String,
    pub path: String,
    /// The contract's summary and description, in the contract's language.
    pub summary: String,
    pub description: String,
    /// The contract's tags.
    pub tags: Vec<String>,
    pub parameters: Vec<Parameter>,
    /// Header parameters of the contract the document leaves out, each with why.
    pub headers: Vec<(String, String)>,
    /// The structs and enums of the bodies and parameters, in the order they are written.
    pub types: Vec<TypeDef>,
    /// The success response: its status, description and body type.
    pub success: Option<Success>,
    /// The error statuses the operation declares itself, with their documented codes (a
    /// service that declares its statuses for every operation leaves this empty).
    pub errors: Vec<ErrorStatus>,
    /// The contract's example of the request.
    pub example_request: Option<RequestExample>,
}

/// The vendor contract a plan is read from, as the endpoint's files name it.
#[derive(Debug)]
pub struct Origin {
    /// What the READMEs call the contract: "API Explorer", "Alibaba's OpenAPI metadata".
    pub name: String,
    /// The `contract:` of the `.conform.yaml`: `format`, then the keys that find the file.
    pub declaration: Vec<(&'static str, String)>,
    /// The stored contract, under `contracts/`, and its bytes in the stored form.
    pub file: std::path::PathBuf,
    pub stored: Vec<u8>,
    /// The page the descriptor names as its source: title, locale, URL.
    pub source: (String, &'static str, String),
    /// The operation's API version, where the contract states one.
    pub api_version: Option<String>,
}

/// An error status and the codes the contract documents for it, each with its message and
/// the place that lists it.
#[derive(Debug)]
pub struct ErrorStatus {
    pub status: String,
    pub codes: Vec<(String, String, String)>,
}

/// The values of the contract's example request, and what the requests' README says of them.
#[derive(Debug, Default)]
pub struct RequestExample {
    pub path: Map<String, Value>,
    pub query: Map<String, Value>,
    pub said: String,
}

#[derive(Debug)]
pub struct Success {
    pub status: String,
    pub description: String,
    pub body: String,
    /// The contract's example of the body, if it gives one.
    pub example: Option<Example>,
}

/// A contract's example of a body.
#[derive(Debug)]
pub struct Example {
    pub value: Value,
    /// The contract place that holds it, which the citation names.
    pub at: String,
    /// Where in the contract it is, as the fixtures' README says it.
    pub said: String,
}

/// Where a parameter goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    Path,
    Query,
}

impl Location {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Path => "path",
            Self::Query => "query",
        }
    }
}

/// A path or query parameter.
#[derive(Debug)]
pub struct Parameter {
    pub wire: String,
    pub location: Location,
    pub required: bool,
    pub description: String,
    pub kind: Kind,
    /// The schema keywords written on the parameter, as the contract gives them.
    pub keywords: Vec<(&'static str, Value)>,
    /// The contract place of the parameter's schema keywords (Swagger 2.0 writes them on the
    /// parameter, Alibaba's metadata in its `schema`) and of its required-ness.
    pub schema_place: String,
    pub required_place: String,
}

impl Parameter {
    /// The place that both the document and the contract give this parameter.
    pub fn place(&self) -> String {
        format!("operation/parameters[in={},name={}]", self.location.as_str(), self.wire)
    }
}

/// What a value is, in Rust terms.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    String,
    Boolean,
    /// An integer of 32 bits where the contract says `int32`, else 64.
    Integer {
        bits32: bool,
    },
    Number,
    /// One of the plan's enums, by name; `open` where a response may send other values.
    Enum {
        name: String,
        open: bool,
    },
    Array(Box<Kind>),
    /// One of the plan's structs, by name.
    Struct(String),
    /// An object of any members.
    AnyObject,
}

impl Kind {
    /// `Some(open)` where the kind is, or holds, the enum `name`.
    pub(crate) fn names_enum(&self, name: &str) -> Option<bool> {
        match self {
            Self::Enum { name: found, open } if found == name => Some(*open),
            Self::Array(items) => items.names_enum(name),
            _ => None,
        }
    }
}

/// A struct or an enum of the plan.
#[derive(Debug)]
pub enum TypeDef {
    Struct(Struct),
    Enum(Enum),
}

impl TypeDef {
    pub fn name(&self) -> &str {
        match self {
            Self::Struct(found) => &found.name,
            Self::Enum(found) => &found.name,
        }
    }
}

#[derive(Debug)]
pub struct Struct {
    pub name: String,
    pub description: String,
    pub fields: Vec<Field>,
    /// Where the contract writes the object (a JSON pointer).
    pub at: String,
    /// Whether the contract says which properties are required.
    pub states_required: bool,
}

#[derive(Debug)]
pub struct Field {
    pub wire: String,
    pub description: String,
    pub kind: Kind,
    pub required: bool,
    /// Whether the contract's definition requires it (its example may not bear it out).
    pub contract_required: bool,
    /// Present and perhaps `null`: the contract's example sends `null`.
    pub nullable: bool,
    pub keywords: Vec<(&'static str, Value)>,
    /// Where the contract writes the property.
    pub at: String,
}

#[derive(Debug)]
pub struct Enum {
    pub name: String,
    pub description: String,
    pub values: Vec<String>,
    /// The value the server assumes (a request parameter's default), written on the type.
    pub default: Option<String>,
    /// Where the contract writes the list.
    pub at: String,
    /// Where the list is read from a description, not an `enum`: the words that give it.
    pub described: Option<String>,
}

/// The keywords a field or parameter may carry, as `conform` compares them (less `type` and
/// `enum`, which the Rust type states).
pub(crate) const KEYWORDS: [&str; 9] =
    ["format", "pattern", "default", "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems"];

/// Whether a response list is open: the contract calls the values current (目前, "currently").
pub(crate) fn is_open(description: &str) -> bool {
    description.contains("目前") || description.to_lowercase().contains("currently")
}

impl Plan {
    /// The plan of `key`, the vendor's operation `vendor_name` read from `origin`, before a
    /// reader fills in the operation.
    pub fn new(key: &super::Key<'_>, vendor_name: String, origin: Origin) -> Self {
        Self {
            provider: key.provider.to_owned(),
            service: key.service.to_owned(),
            operation_id: key.operation_id.to_owned(),
            vendor_name,
            origin,
            rpc: None,
            method: String::new(),
            path: String::new(),
            summary: String::new(),
            description: String::new(),
            tags: Vec::new(),
            parameters: Vec::new(),
            headers: Vec::new(),
            types: Vec::new(),
            success: None,
            errors: Vec::new(),
            example_request: None,
        }
    }

    /// The enum named `name` (or, where that name is taken by other values, `owner` and
    /// `name`) of `values` with `default`: a known one if it is the same, else a new one.
    pub(crate) fn enum_named(&mut self, name: &str, owner: &str, written: Enum) -> String {
        // The same values in any order: an enum is a set.
        let set = |values: &[String]| {
            let mut values = values.to_vec();
            values.sort();
            values
        };
        let same =
            |known: &Enum| set(&known.values) == set(&written.values) && known.default == written.default;
        for candidate in [name.to_owned(), format!("{owner}{name}")] {
            match self.types.iter().find(|known| known.name() == candidate) {
                Some(TypeDef::Enum(known)) if same(known) => return candidate,
                Some(_) => {}
                None => {
                    self.types.push(TypeDef::Enum(Enum { name: candidate.clone(), ..written }));
                    return candidate;
                }
            }
        }
        let mut index = 2;
        while self.types.iter().any(|known| known.name() == format!("{owner}{name}{index}")) {
            index += 1;
        }
        let candidate = format!("{owner}{name}{index}");
        self.types.push(TypeDef::Enum(Enum { name: candidate.clone(), ..written }));
        candidate
    }

    /// The example value `text` of the query parameter `name`, typed as the parameter is.
    pub(crate) fn query_value(&self, name: &str, text: &str) -> Result<Value, String> {
        let kind = self
            .parameters
            .iter()
            .find(|parameter| parameter.location == Location::Query && parameter.wire == name)
            .map(|parameter| &parameter.kind)
            .ok_or_else(|| {
                format!("the example request sends {name:?}, which the contract does not declare")
            })?;
        Ok(match kind {
            Kind::Integer { .. } | Kind::Number => {
                serde_json::from_str(text.trim()).unwrap_or_else(|_| Value::from(text))
            }
            Kind::Boolean => Value::Bool(text.trim() == "true"),
            _ => Value::from(text),
        })
    }

    /// The enum of the plan named `name`.
    pub(crate) fn enum_def(&self, name: &str) -> Option<&Enum> {
        self.types.iter().find_map(|found| match found {
            TypeDef::Enum(found) if found.name == name => Some(found),
            _ => None,
        })
    }

    /// The kinds of every field of every body struct.
    fn body_kinds(&self) -> impl Iterator<Item = &Kind> {
        self.types
            .iter()
            .filter_map(|found| match found {
                TypeDef::Struct(found) => Some(found.fields.iter().map(|field| &field.kind)),
                TypeDef::Enum(_) => None,
            })
            .flatten()
    }

    /// Whether a body field has the enum `name`, which makes it a component.
    pub(crate) fn used_in_body(&self, name: &str) -> bool {
        self.body_kinds().any(|kind| kind.names_enum(name).is_some())
    }

    /// Whether a body field has the enum `name` as an open list.
    pub(crate) fn open_in_body(&self, name: &str) -> bool {
        self.body_kinds().any(|kind| kind.names_enum(name) == Some(true))
    }

    /// The names of every type, for the service's `pub use`.
    pub(crate) fn type_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.types.iter().map(|found| found.name().to_owned()).collect();
        names.push(self.query_type());
        names
    }

    /// The struct of the query parameters, and of the path's.
    pub(crate) fn query_type(&self) -> String {
        format!("{}Query", self.operation_id)
    }

    /// The type `rpc::action!` declares for an RPC action's `Action`, `Version` and common
    /// parameters.
    pub(crate) fn rpc_type(&self) -> String {
        format!("{}Rpc", self.operation_id)
    }

    pub(crate) fn path_type(&self) -> String {
        format!("{}Path", self.operation_id)
    }

    /// The module's file stem: `ims_list_images`.
    pub fn module(&self) -> String {
        names::snake(&self.operation_id)
    }

    /// The descriptor's name: `IMS_LIST_IMAGES`.
    pub fn descriptor(&self) -> String {
        self.module().to_uppercase()
    }

    pub fn key(&self) -> String {
        format!("{}/{}/{}", self.provider, self.service, self.operation_id)
    }
}
