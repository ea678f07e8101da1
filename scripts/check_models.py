"""Imports every pydantic module datamodel-code-generator wrote, and loads every documented
example (tests/fixtures/<provider>/<service>/<OperationId>/<status>.json) into the models
generated from its endpoint's standalone JSON Schemas: each must fit at least one of them.

Negative fixtures (invalid/<status>/<case>.json) are loaded too, and those the models accept
are listed without failing: pydantic knows no `x-max-bytes`, our limit in UTF-8 bytes."""

import importlib.util
import json
import sys
from pathlib import Path

import pydantic

models_dir = Path(sys.argv[1])
modules = {}
for path in sorted(models_dir.glob("*.py")):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    modules[path.stem] = module
print(f"  imported {len(modules)} generated modules")


def models_of(key):
    """The root models generated from the standalone schemas of endpoint `key`."""
    prefix = key.replace("/", "_") + "_"
    found = []
    for name, module in modules.items():
        if name.startswith(prefix) and name.endswith("_schema"):
            type_name = name[len(prefix) : -len("_schema")]
            found.append(getattr(module, type_name))
    return found


def fits(models, text):
    for model in models:
        try:
            model.model_validate_json(text, strict=True)
            return True
        except pydantic.ValidationError:
            pass
    return False


failures = []
accepted = []
checked = 0
for fixture in sorted(Path("tests/fixtures").rglob("*.json")):
    parts = fixture.relative_to("tests/fixtures").parts
    key = "/".join(parts[:3])
    models = models_of(key)
    if not models:
        failures.append(f"{fixture}: no model generated for {key}")
        continue
    text = fixture.read_text(encoding="utf-8")
    json.loads(text)
    negative = "invalid" in parts
    if fits(models, text) and negative:
        accepted.append(fixture)
    elif not negative and not fits(models, text):
        failures.append(f"{fixture}: rejected by every model of {key}")
    checked += 1

print(f"  loaded {checked} fixtures into the generated models (strict JSON mode)")
for fixture in accepted:
    print(f"  note: the models accept the negative fixture {fixture}")
for failure in failures:
    print(f"  FAIL {failure}", file=sys.stderr)
sys.exit(1 if failures else 0)
