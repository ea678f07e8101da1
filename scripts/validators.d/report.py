"""The verdict of every validator on every document, for scripts/validators (which see).

Runs the Python validators itself: openapi-spec-validator on each document, and
openapi-schema-validator (OAS30Validator on a 3.0 document, OAS31Validator on a 3.1 one, formats
asserted) on every value a document states beside a schema: each `default`, `example`,
`examples` item and `enum` value of a schema, and each `example` and `examples.*.value` of a
parameter, header or media type. Reads what Spectral and Redocly reported (their JSON output).
Prints every problem, then the table of results; fails on any error and on any warning that
accepted-warnings.tsv does not list; writes the table into the generators' guide,
docs/generators.md (--write), or fails when the guide's differs.

Usage: report.py --spectral FILE --redocly FILE [--write] DOCUMENT...
"""

import argparse
import csv
import difflib
import json
import sys
import urllib.parse
from importlib.metadata import version
from pathlib import Path

from openapi_schema_validator import (
    OAS30Validator,
    OAS31Validator,
    oas30_format_checker,
    oas31_format_checker,
)
from openapi_spec_validator.readers import read_from_filename
from openapi_spec_validator.shortcuts import get_validator_cls
from jsonschema_path import SchemaPath
from referencing import Registry
from referencing.jsonschema import DRAFT4, DRAFT202012

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
GUIDE = ROOT / "docs" / "generators.md"
BEGIN = "<!-- validators: begin (scripts/validators --write writes this table; do not edit it) -->"
END = "<!-- validators: end -->"
DOCUMENT_URI = "urn:cloudspec:document"

SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
SCHEMA_ONE = ("items", "additionalProperties", "not", "contains", "if", "then", "else",
              "propertyNames", "unevaluatedItems", "unevaluatedProperties")
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")


def npm_version(package):
    manifest = ROOT / "target/validators/node/node_modules" / package / "package.json"
    return json.loads(manifest.read_text())["version"]


# (key, column heading), in the table's order.
VALIDATORS = [
    ("openapi-spec-validator", f"openapi-spec-validator {version('openapi-spec-validator')}"),
    ("spectral", f"Spectral {npm_version('@stoplight/spectral-cli')} `spectral:oas`"),
    ("redocly", f"Redocly CLI {npm_version('@redocly/cli')} `lint` (`recommended`)"),
    ("openapi-schema-validator",
     f"openapi-schema-validator {version('openapi-schema-validator')}: defaults, examples, enum values"),
]


def escape(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def schemas(node, at, found):
    """Every schema under the schema `node` at pointer `at`, outer before inner."""
    if not isinstance(node, dict):
        return
    found.append((at, node))
    for key in SCHEMA_MAPS:
        for name, child in (node.get(key) or {}).items():
            schemas(child, f"{at}/{key}/{escape(name)}", found)
    for key in SCHEMA_ONE:
        if key in node:
            schemas(node[key], f"{at}/{escape(key)}", found)
    for key in SCHEMA_LISTS:
        for index, child in enumerate(node.get(key) or []):
            schemas(child, f"{at}/{key}/{index}", found)


def resolve(document, node):
    for _ in range(32):
        reference = node.get("$ref") if isinstance(node, dict) else None
        if not isinstance(reference, str) or not reference.startswith("#"):
            break
        target = document
        for token in reference[1:].split("/")[1:]:
            token = urllib.parse.unquote(token).replace("~1", "/").replace("~0", "~")
            target = target[int(token)] if isinstance(target, list) else target[token]
        node = target
    return node


def values(document, node, at, checks):
    """(schema pointer, value pointer, value) for every value stated beside a schema."""
    if isinstance(node, list):
        for index, child in enumerate(node):
            values(document, child, f"{at}/{index}", checks)
        return
    if not isinstance(node, dict):
        return
    if "schema" in node:
        schema_at = f"{at}/schema"
        if "example" in node:
            checks.append((schema_at, f"{at}/example", node["example"]))
        for name, example in (node.get("examples") or {}).items():
            example = resolve(document, example)
            if isinstance(example, dict) and "value" in example:
                checks.append((schema_at, f"{at}/examples/{escape(name)}/value", example["value"]))
    for key, child in node.items():
        child_at = f"{at}/{escape(key)}"
        if key in ("example", "examples"):
            continue
        if key == "schema" or (key == "schemas" and at == "/components"):
            found = []
            if key == "schema":
                schemas(child, child_at, found)
            else:
                for name, component in child.items():
                    schemas(component, f"{child_at}/{escape(name)}", found)
            for schema_at, schema in found:
                for word in ("default", "example"):
                    if word in schema:
                        checks.append((schema_at, f"{schema_at}/{word}", schema[word]))
                for word in ("examples", "enum"):
                    if isinstance(schema.get(word), list):
                        for index, value in enumerate(schema[word]):
                            checks.append((schema_at, f"{schema_at}/{word}/{index}", value))
        else:
            values(document, child, child_at, checks)


def schema_validator_errors(document):
    """openapi-schema-validator's verdict on every value `document` states beside a schema."""
    openapi_3_0 = str(document.get("openapi", "")).startswith("3.0.")
    specification, cls, formats = (
        (DRAFT4, OAS30Validator, oas30_format_checker) if openapi_3_0
        else (DRAFT202012, OAS31Validator, oas31_format_checker)
    )
    registry = Registry().with_resource(DOCUMENT_URI, specification.create_resource(document))
    checks = []
    values(document, document, "", checks)
    errors = []
    for schema_at, value_at, value in checks:
        reference = f"{DOCUMENT_URI}#{urllib.parse.quote(schema_at, safe='/~')}"
        validator = cls({"$ref": reference}, registry=registry, format_checker=formats)
        for error in validator.iter_errors(value):
            inside = "".join(f"/{escape(token)}" for token in error.absolute_path)
            errors.append(f"{value_at}{inside}: {error.message}")
    return errors


def spec_validator_errors(path):
    spec, base_uri = read_from_filename(str(path))
    cls = get_validator_cls(spec)
    return [error.message for error in cls(SchemaPath.from_dict(spec, base_uri=base_uri)).iter_errors()]


def spectral_results(path, documents):
    found = {document: {"errors": [], "warnings": []} for document in documents}
    for problem in json.loads(Path(path).read_text()):
        source = Path(problem["source"]).resolve().relative_to(ROOT).as_posix()
        where = ".".join(str(token) for token in problem.get("path", []))
        kind = "errors" if problem["severity"] == 0 else "warnings"
        found[source][kind].append((problem["code"], f"{where}: {problem['message']}"))
    return found


def redocly_results(path, documents):
    found = {document: {"errors": [], "warnings": []} for document in documents}
    text = Path(path).read_text()
    decoder = json.JSONDecoder()
    index = 0
    while index < len(text):
        if text[index].isspace():
            index += 1
            continue
        report, index = decoder.raw_decode(text, index)
        for problem in report["problems"]:
            location = problem["location"][0]
            source = Path(location["source"]["ref"]).resolve().relative_to(ROOT).as_posix()
            kind = "errors" if problem["severity"] == "error" else "warnings"
            found[source][kind].append((problem["ruleId"], f"{location.get('pointer', '')}: {problem['message']}"))
    return found


def accepted_warnings():
    with open(HERE / "accepted-warnings.tsv", newline="") as file:
        rows = [row for row in csv.reader(file, delimiter="\t") if row and not row[0].startswith("#")]
    return {(validator, rule): reason for validator, rule, reason in rows}


def cell(result):
    if result["errors"]:
        count = len(result["errors"])
        return f"**{count} error{'s' if count > 1 else ''}**"
    if not result["warnings"]:
        return "valid"
    rules = sorted({rule for rule, _ in result["warnings"]})
    count = len(result["warnings"])
    return f"valid; {count} warning{'s' if count > 1 else ''} ({', '.join(f'`{rule}`' for rule in rules)})"


def table(results, documents, accepted):
    headings = ["Document"] + [heading for _, heading in VALIDATORS]
    lines = [BEGIN, "", "| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    for document in documents:
        cells = [f"`{document}`"] + [cell(results[key][document]) for key, _ in VALIDATORS]
        lines.append("| " + " | ".join(cells) + " |")
    if accepted:
        lines += ["", "The warnings that stay, and why:", ""]
        names = dict(VALIDATORS)
        for (validator, rule), reason in sorted(accepted.items()):
            lines.append(f"- `{rule}` ({names[validator].split(' ')[0]}): {reason}")
    lines += ["", END]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spectral", required=True)
    parser.add_argument("--redocly", required=True)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("documents", nargs="+")
    arguments = parser.parse_args()
    documents = arguments.documents

    results = {
        "openapi-spec-validator": {},
        "openapi-schema-validator": {},
        "spectral": spectral_results(arguments.spectral, documents),
        "redocly": redocly_results(arguments.redocly, documents),
    }
    for document in documents:
        path = ROOT / document
        results["openapi-spec-validator"][document] = {
            "errors": [("", message) for message in spec_validator_errors(path)], "warnings": []}
        loaded, _ = read_from_filename(str(path))
        results["openapi-schema-validator"][document] = {
            "errors": [("", message) for message in schema_validator_errors(loaded)], "warnings": []}

    accepted = accepted_warnings()
    failures = []
    seen = set()
    for document in documents:
        for key, _ in VALIDATORS:
            result = results[key][document]
            for rule, message in result["errors"]:
                failures.append(f"{document}: {key}: error {rule} {message}".replace("  ", " "))
            for rule, message in result["warnings"]:
                seen.add((key, rule))
                if (key, rule) not in accepted:
                    failures.append(f"{document}: {key}: warning {rule} {message} "
                                    "(fix it at its source, or list it in accepted-warnings.tsv with the reason it stays)")
    for validator, rule in sorted(set(accepted) - seen):
        failures.append(f"accepted-warnings.tsv: {validator} no longer reports {rule}: remove the line")

    block = table(results, documents, {key: reason for key, reason in accepted.items() if key in seen})
    print(block.replace(BEGIN + "\n\n", "").replace("\n\n" + END, ""))
    guide = GUIDE.read_text()
    shown = GUIDE.relative_to(ROOT)
    if BEGIN not in guide or END not in guide:
        failures.append(f"{shown} has no {BEGIN} ... {END} block for the table")
    else:
        head, rest = guide.split(BEGIN, 1)
        current, tail = rest.split(END, 1)
        current = BEGIN + current + END
        if current != block:
            if arguments.write:
                GUIDE.write_text(head + block + tail)
                print(f"\nwrote the table into {shown}")
            else:
                diff = difflib.unified_diff(current.splitlines(), block.splitlines(),
                                            str(shown), "what the validators report", lineterm="")
                failures.append(f"{shown}: the table is not what the validators report "
                                "(scripts/validators --write updates it):\n" + "\n".join(diff))
    if failures:
        print("\nscripts/validators failed:", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
