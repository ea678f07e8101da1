"""openapi-python-client, from each OpenAPI 3.1 document: calls every endpoint with its documented
request (tests/requests/<key>.json) through the recording proxy in front of Prism, once for 200
and once per documented error (Prism's `Prefer: code=..., example=...`), and holds each decoded
body to the documented example (tests/fixtures/<key>/<status>.json) and to the model class the
document names for that status. `scripts/wire` generates target/wire/python/<package>/ first.

    python wire.py ROOT ROUTES RESULTS GENERATED

Calls go through each operation's `sync_detailed`, its arguments found by name, so that no
endpoint needs code of its own. Every parameter the documented request leaves out is passed
as UNSET: openapi-python-client otherwise sends a parameter's documented default (Workspace's
`limit=100&offset=0`), and the request would no longer be the documented one."""

import enum
import importlib
import inspect
import json
import re
import sys
import typing
from pathlib import Path

import yaml

root, routes_file, results_file, generated = (Path(arg) for arg in sys.argv[1:])
routes = json.loads(routes_file.read_text(encoding="utf-8"))
sys.path.insert(0, str(generated))


def package_of(key):
    """`aliyun/swas/SwasListImages` -> the package generated from its document."""
    return key.replace("/", "_")


def squash(name):
    """`RegionId`, `region_id`, `format_` and `changes-since` compare by letters and digits."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def python_names(parameters):
    """Each generated argument by its squashed name, and by the name the document gives it:
    openapi-python-client renames a name it cannot use as is, a keyword with a trailing `_`
    (`format_`) and a leading underscore with `field_` (`__imagetype` -> `field_imagetype`)."""
    names = {}
    for name in parameters:
        names.setdefault(squash(re.sub(r"^field_", "", name)), name)
    names.update({squash(name): name for name in parameters})
    return names


def argument(annotation, value):
    """The fixture's value as the type the generated function takes (its enum, int or str)."""
    for candidate in typing.get_args(annotation) or (annotation,):
        if isinstance(candidate, type) and issubclass(candidate, enum.Enum):
            return candidate(value)
        if candidate is int:
            return int(value)
    return value


def call(key, base_url, request, document, headers):
    package = package_of(key)
    (module_file,) = [p for p in (generated / package / "api").glob("*/*.py") if p.name != "__init__.py"]
    module = importlib.import_module(f"{package}.api.{module_file.parent.name}.{module_file.stem}")
    client_module = importlib.import_module(f"{package}.client")
    (scheme,) = document["components"]["securitySchemes"].values()
    values = {**request["path"], **request["query"], **request["header"]}
    secret = values.pop(scheme["name"])
    # The idiomatic place for each kind of API key: a header token, or a default query value.
    if scheme["in"] == "header":
        client = client_module.AuthenticatedClient(
            base_url=base_url, token=secret, prefix="", auth_header_name=scheme["name"], headers=headers
        )
    else:
        client = client_module.Client(base_url=base_url, headers=headers, httpx_args={"params": {scheme["name"]: secret}})
    signature = inspect.signature(module.sync_detailed)
    by_letters = python_names([name for name in signature.parameters if name != "client"])
    kwargs = {name: module.UNSET for name, parameter in signature.parameters.items() if parameter.default is not inspect.Parameter.empty}
    for name, value in values.items():
        python_name = by_letters[squash(name)]
        kwargs[python_name] = argument(signature.parameters[python_name].annotation, value)
    return module.sync_detailed(client=client, **kwargs)


def schema_name(document, status):
    (operation,) = [op for item in document["paths"].values() for op in item.values()]
    ref = operation["responses"][status]["content"]["application/json"]["schema"]["$ref"]
    return ref.rsplit("/", 1)[1]


results = {}
failed = 0
for key in sorted(routes):
    document = yaml.safe_load((root / "spec" / f"{key}.yaml").read_text(encoding="utf-8"))
    request = json.loads((root / "tests/requests" / f"{key}.json").read_text(encoding="utf-8"))
    results[key] = {}
    for fixture in sorted((root / "tests/fixtures" / key).glob("[0-9][0-9][0-9].json")):
        status = fixture.stem
        headers = {} if status == "200" else {"Prefer": f"code={status}, example=documented"}
        try:
            response = call(key, routes[key]["python"], request, document, headers)
            expected = json.loads(fixture.read_text(encoding="utf-8"))
            model = schema_name(document, status)
            if response.status_code != int(status):
                raise AssertionError(f"status {response.status_code}, expected {status}")
            if type(response.parsed).__name__ != model:
                raise AssertionError(f"decoded as {type(response.parsed).__name__}, expected {model}")
            if response.parsed.to_dict() != expected:
                raise AssertionError(f"decoded body differs: {response.parsed.to_dict()!r}")
            results[key][status] = "ok"
        except Exception as error:  # noqa: BLE001 - every failure is reported per call
            results[key][status] = f"{type(error).__name__}: {error}"
            failed += 1
        print(f"  openapi-python-client {key} {status}: {results[key][status]}")

results_file.write_text(json.dumps(results, indent=2), encoding="utf-8")
sys.exit(1 if failed else 0)
