//! `cargo xtask new <provider>/<service>/<OperationId> --from <contract>`: an endpoint written
//! from its vendor's contract, in every place an endpoint has. The module gets every
//! parameter and field of the contract; its service and the catalog list it; its citations
//! cite each fact by the contract's place; the request and the fixture are the contract's
//! examples, each with its README row. Once built, [`finish`] accepts the differences it
//! knows the reason of and fills the zh-CN overlay.

mod aliyun;
mod cite;
mod files;
pub(crate) mod finish;
mod huawei;
mod names;
mod plan;
pub(crate) mod register;
mod rust;
mod schema;

pub use rust::MAX_WIDTH;

use std::path::{Path, PathBuf};

use serde_json::Value;

use cloudspec_endpoint::Endpoint;

use crate::sync;
use crate::workspace::{self, Workspace};
use plan::Plan;

/// Why `new` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The command line asks for what cannot be: exit 2.
    #[error("{0}")]
    Usage(String),
    /// A file is not what it must be, or cannot be written.
    #[error("{0}")]
    Invalid(String),
}

/// What `new` wrote, relative to the root.
#[derive(Debug, Default)]
pub struct Written {
    pub files: Vec<PathBuf>,
}

/// Where the endpoint goes, from its key.
#[derive(Debug)]
pub struct Key<'a> {
    pub provider: &'a str,
    pub service: &'a str,
    pub operation_id: &'a str,
}

impl<'a> Key<'a> {
    pub fn parse(key: &'a str) -> Result<Self, NewError> {
        let parts: Vec<&str> = key.split('/').collect();
        let [provider, service, operation_id] = parts.as_slice() else {
            return Err(NewError::Usage(format!(
                "{key:?}: expected <provider>/<service>/<OperationId>, such as huaweicloud/ims/ImsListImages"
            )));
        };
        if !operation_id.starts_with(|c: char| c.is_ascii_uppercase())
            || !operation_id.chars().all(|c| c.is_ascii_alphanumeric())
        {
            return Err(NewError::Usage(format!(
                "{key:?}: the OperationId {operation_id:?} must be PascalCase letters and digits"
            )));
        }
        Ok(Self { provider, service, operation_id })
    }
}

/// Refuses an operationId the catalog already has: operationIds are unique across the catalog.
pub(crate) fn refuse_clash(endpoints: &[&'static Endpoint], key: &Key<'_>) -> Result<(), NewError> {
    match endpoints.iter().find(|endpoint| endpoint.operation_id == key.operation_id) {
        Some(taken) => Err(NewError::Usage(format!(
            "the operationId {:?} is taken by {}: operationIds are unique across the catalog (lint \
            `operation-id-unique`), because generators name a client's method by it. Name this one \
            after its service, as SwasListImages is (e.g. {}{}), and keep the vendor's name in its \
            contract (CONTRIBUTING, \"operationId clashes\")",
            key.operation_id,
            taken.key(),
            names::pascal(key.service),
            key.operation_id
        ))),
        None => Ok(()),
    }
}

/// What `new` was asked for.
#[derive(Debug)]
pub struct Request<'a> {
    /// `provider/service/OperationId`.
    pub key: &'a str,
    /// The contract's file.
    pub from: &'a Path,
    /// The tag (the service's first if `None`; added to the service if it lacks it).
    pub tag: Option<&'a str>,
    /// The action of an Alibaba metadata file (the OperationId if `None`).
    pub action: Option<&'a str>,
}

/// Reads the plan of `request` from its contract, whichever vendor's format it is in.
pub fn read(request: &Request<'_>, key: &Key<'_>) -> Result<Plan, NewError> {
    let shown = request.from.display();
    let bytes = std::fs::read(request.from)
        .map_err(|error| NewError::Usage(format!("{shown}: cannot read: {error}")))?;
    let contract: Value = serde_json::from_slice(&bytes).map_err(|error| {
        NewError::Invalid(format!("{shown}:{}:{}: not JSON: {error}", error.line(), error.column()))
    })?;
    let invalid = |error: String| NewError::Invalid(format!("{shown}: {error}"));
    if huawei::is_definition(&contract) {
        if request.action.is_some() {
            return Err(NewError::Usage(format!(
                "{shown}: --action selects an action of Alibaba's metadata; an API Explorer \
                 definition holds one operation"
            )));
        }
        huawei::plan(&contract, &bytes, key).map_err(invalid)
    } else if aliyun::is_metadata(&contract) {
        let action = aliyun::action(&contract, request.action, key)
            .map_err(|error| NewError::Usage(format!("{shown}: {error}")))?;
        aliyun::plan(&contract, &bytes, key, action).map_err(invalid)
    } else {
        Err(NewError::Usage(format!(
            "{shown}: neither a Huawei Cloud API Explorer definition (no `/product_short`) nor \
             Alibaba Cloud's OpenAPI metadata (no `/apis` and `/info/style`); `new` reads those"
        )))
    }
}

/// Writes the endpoint `request` asks for, from its contract.
pub fn write(
    workspace: &Workspace,
    endpoints: &[&'static Endpoint],
    request: &Request<'_>,
) -> Result<Written, NewError> {
    let key = Key::parse(request.key)?;
    refuse_clash(endpoints, &key)?;
    let crate_src = PathBuf::from("crates").join(key.provider).join("src");
    let service_path = crate_src.join(format!("{}.rs", key.service));
    let read = |path: &Path| {
        std::fs::read_to_string(workspace.path(path)).map_err(|error| {
            NewError::Usage(format!(
                "{}: cannot read ({error}); `new` adds endpoints to existing services: declare the \
                service first (CONTRIBUTING, step 4)",
                path.display()
            ))
        })
    };
    let service_text = read(&service_path)?;
    let provider_text = read(&crate_src.join("lib.rs"))?;
    let plan = self::read(request, &key)?;

    let invalid = |path: &Path, what: String| NewError::Invalid(format!("{}: {what}", path.display()));
    let service_static = register::static_of(&service_text, "Service")
        .ok_or_else(|| invalid(&service_path, "no `pub static ...: Service`".to_owned()))?;
    let provider_static = register::static_of(&provider_text, "Provider")
        .ok_or_else(|| invalid(&crate_src.join("lib.rs"), "no `pub static ...: Provider`".to_owned()))?;
    let first_tag = service_text
        .split("Tag {")
        .nth(1)
        .and_then(|rest| rest.split('"').nth(1))
        .map(str::to_owned)
        .ok_or_else(|| invalid(&service_path, "the service declares no tag".to_owned()))?;
    let tag = request.tag.map_or(first_tag, str::to_owned);
    if plan.rpc.is_some() && !workspace.path(crate_src.join("rpc.rs")).exists() {
        return Err(NewError::Usage(format!(
            "{}: the contract's operation is an RPC action, and the provider {:?} has no `rpc` \
             module to declare it with (`rpc::action!`); RPC actions go to a provider that has \
             one, such as aliyun",
            crate_src.join("rpc.rs").display(),
            key.provider
        )));
    }
    let service_version = register::api_version(&service_text);
    let api_version = plan
        .origin
        .api_version
        .clone()
        .filter(|version| service_version.as_deref() != Some(version.as_str()));
    if plan.rpc.is_some()
        && let Some(version) = &api_version
    {
        return Err(NewError::Usage(format!(
            "{}: the service's API version is {}, the contract's {version}: an RPC action sends \
             its service's version (`rpc::action!`), so declare a service of that version first",
            service_path.display(),
            service_version.as_deref().unwrap_or("not declared")
        )));
    }

    let module_path = crate_src.join(key.service).join(format!("{}.rs", plan.module()));
    if workspace.path(&module_path).exists() {
        return Err(NewError::Usage(format!("{}: already exists", module_path.display())));
    }
    let context = rust::Context {
        provider_static: &provider_static,
        service_static: &service_static,
        tag: &tag,
        api_version,
    };
    let mut written = Written::default();
    let mut write = |path: &Path, text: &str| -> Result<(), NewError> {
        sync::write_file(workspace, path, text)
            .map_err(|error| NewError::Invalid(format!("{}: cannot write: {error}", path.display())))?;
        written.files.push(path.to_owned());
        Ok(())
    };

    write(&module_path, &rust::module(&plan, &context))?;
    let taken = register::exported(&service_text);
    let mut exported: Vec<String> = std::iter::once(plan.descriptor())
        .chain(plan.type_names())
        .filter(|name| !taken.contains(name))
        .collect();
    exported.sort();
    let with_tag = register::tag(&service_text, &tag, &plan.tags.join(", "))
        .map_err(|error| invalid(&service_path, error))?;
    let with_module = register::service(&with_tag, &plan.module(), &exported)
        .map_err(|error| invalid(&service_path, error))?;
    write(&service_path, &with_module)?;
    let catalog_path = PathBuf::from("crates/catalog/src/lib.rs");
    let catalog = register::catalog(
        &read(&catalog_path)?,
        &format!("&{}::{}::{}", key.provider, key.service, plan.descriptor()),
    )
    .map_err(|error| invalid(&catalog_path, error))?;
    write(&catalog_path, &catalog)?;
    format(workspace, &[&module_path, &service_path, &catalog_path])?;

    let contract_file = &plan.origin.file;
    if !workspace.path(contract_file).exists() {
        write(contract_file, &String::from_utf8_lossy(&plan.origin.stored))?;
    }
    let beside = |suffix: &str| crate_src.join(key.service).join(format!("{}.{suffix}", plan.module()));
    write(&beside("conform.yaml"), &files::conform(&plan.origin))?;
    write(&beside("citations.yaml"), &cite::file(&plan))?;

    examples(workspace, &plan, &mut write)?;
    Ok(written)
}

/// The documented request and the success fixture, from the contract's examples, each with
/// its row in the README that says where it comes from.
fn examples(
    workspace: &Workspace,
    plan: &Plan,
    write: &mut dyn FnMut(&Path, &str) -> Result<(), NewError>,
) -> Result<(), NewError> {
    let contract_file = &plan.origin.file;
    let read = |path: &Path| {
        std::fs::read_to_string(workspace.path(path))
            .map_err(|error| NewError::Invalid(format!("{}: cannot read: {error}", path.display())))
    };
    let invalid = |path: &Path, what: String| NewError::Invalid(format!("{}: {what}", path.display()));
    let requests_dir = PathBuf::from("tests/requests");
    let header = provider_header(workspace, &requests_dir.join(&plan.provider))?;
    let request = files::request(plan, &header)
        .map_err(|error| NewError::Invalid(format!("{}: {error}", contract_file.display())))?;
    write(&requests_dir.join(format!("{}.json", plan.key())), &request)?;
    let readme = requests_dir.join("README.md");
    let rows = files::add_row(&read(&readme)?, "| `", &files::request_row(plan))
        .map_err(|error| invalid(&readme, error))?;
    write(&readme, &rows)?;
    if let Some((fixture, dropped)) = files::fixture(plan) {
        let status = plan.success.as_ref().map_or("200", |success| success.status.as_str());
        let fixtures = PathBuf::from("tests/fixtures");
        write(&fixtures.join(plan.key()).join(format!("{status}.json")), &fixture)?;
        let readme = fixtures.join("README.md");
        let row = files::fixture_row(plan, &dropped);
        let rows = files::add_row(&read(&readme)?, "| `", &row).map_err(|error| invalid(&readme, error))?;
        write(&readme, &rows)?;
    }
    Ok(())
}

/// The auth header the provider's other documented requests send, so that every request of
/// a provider sends the same token: the first, in path order, of a request that has one.
fn provider_header(workspace: &Workspace, dir: &Path) -> Result<Value, NewError> {
    let invalid = |error: &dyn std::fmt::Display| NewError::Invalid(error.to_string());
    for path in crate::walk::files(workspace.root(), dir).map_err(|error| invalid(&error))? {
        if path.extension().is_none_or(|extension| extension != "json") {
            continue;
        }
        let text = std::fs::read_to_string(workspace.path(&path))
            .map_err(|error| invalid(&format!("{}: cannot read: {error}", workspace::display(&path))))?;
        let header =
            serde_json::from_str::<Value>(&text).ok().and_then(|request| request.get("header").cloned());
        if let Some(header) = header {
            return Ok(header);
        }
    }
    Ok(Value::Object(serde_json::Map::new()))
}

/// Formats the Rust files `paths` with rustfmt and the workspace's `rustfmt.toml`.
fn format(workspace: &Workspace, paths: &[&Path]) -> Result<(), NewError> {
    let status = std::process::Command::new("rustfmt")
        .current_dir(workspace.root())
        .args(["--edition", "2024"])
        .args(paths)
        .status()
        .map_err(|error| NewError::Invalid(format!("cannot run rustfmt: {error}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(NewError::Invalid(format!("rustfmt refused the written code ({status}); this is a bug of `new`")))
    }
}
