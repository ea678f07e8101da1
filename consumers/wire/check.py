"""The wire test's own client and its judge.

    python check.py joined ROOT ROUTES RESULTS_DIR # the client that joins URL strings
    python check.py verdict ROOT ROUTES RESULTS_DIR LOG MATRIX

`joined` calls every endpoint as many hand-written clients and SDK templates do: server URL +
the document's path + "?" + the encoded query, one string, sent with urllib. It asks Prism for
every documented example (200 plain, each error with `Prefer: code=..., example=documented`)
from the 3.1 document and from the 3.0 rendition, and holds each body to its fixture.

`verdict` reads what the recording proxy saw (LOG) and holds every exchange to the documented
request (tests/requests/<key>.json): method and path (the document's, with the request's path
values), the query parameters as a set, the auth header. Prism must have answered the status
asked for with no `sl-violations` header, i.e. it found both the request and its own response
valid. Every client must have decoded every documented status (RESULTS_DIR/<client>.json). It
writes the endpoint x client matrix to MATRIX and exits 1 on any failure."""

import base64
import hashlib
import hmac
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import yaml

# Route names: the proxy's listener for each client, and the document each one reads.
CLIENTS = {
    "progenitor": ("progenitor", "3.0"),
    "typescript": ("openapi-fetch", "3.1"),
    "python": ("openapi-python-client", "3.1"),
    "joined-3.1": ("joined URL", "3.1"),
    "joined-3.0": ("joined URL", "3.0"),
}

# The reference site's request samples (samples.py): each sends the documented request for 200.
SAMPLES = {
    "sample-curl": ("curl sample", "3.1"),
    "sample-python": ("Python sample", "3.1"),
    "sample-typescript": ("TypeScript sample", "3.1"),
    "sample-rust": ("Rust sample", "3.0"),
}
ROUTES = {**CLIENTS, **SAMPLES}


def document(root, key, version):
    suffix = ".yaml" if version == "3.1" else ".openapi-3.0.yaml"
    return yaml.safe_load((root / "spec" / f"{key}{suffix}").read_text(encoding="utf-8"))


def operation(doc):
    ((path, item),) = doc["paths"].items()
    ((method, op),) = item.items()
    return method.upper(), path, op


def request_of(root, key):
    return json.loads((root / "tests/requests" / f"{key}.json").read_text(encoding="utf-8"))


def statuses(root, key):
    return sorted(p.stem for p in (root / "tests/fixtures" / key).glob("[0-9][0-9][0-9].json"))


def fixture(root, key, status):
    return json.loads((root / "tests/fixtures" / key / f"{status}.json").read_text(encoding="utf-8"))


def wire_path(template, values):
    for name, value in values.items():
        template = template.replace("{" + name + "}", urllib.parse.quote(str(value), safe=""))
    return template


# The parameters Alibaba Cloud's signature v1 adds to a request (the "Request signatures" page):
# what a signing client writes, never the caller.
SIGNATURE_V1 = ("Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp")


def sign_v1(query, secret):
    """Alibaba Cloud signature v1 of a GET to `/`: HMAC-SHA1 keyed by `secret&` over
    `GET&%2F&` + the percent-encoded, sorted query (the "Request signatures" page)."""

    def encode(text):
        return urllib.parse.quote(str(text), safe="-_.~")

    canonical = "&".join(f"{encode(k)}={encode(v)}" for k, v in sorted(query.items()) if k != "Signature")
    digest = hmac.new(f"{secret}&".encode(), f"GET&%2F&{encode(canonical)}".encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def signatures_are_genuine(root, keys):
    """A documented request that carries a signature v1 is signed for real, with the AccessKey
    pair of Alibaba's own example (`testid`, `testsecret`); the example itself checks the code."""
    page_example = {
        "Timestamp": "2016-02-23T12:46:24Z", "Format": "XML", "AccessKeyId": "testid",
        "Action": "DescribeRegions", "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "Version": "2014-05-26",
        "SignatureVersion": "1.0",
    }  # fmt: skip
    failures = []
    if sign_v1(page_example, "testsecret") != "OLeaidS1JvxuMvnyHOwuJ+uX5qY=":
        failures.append("signature v1: the page's own example does not come out")
    for key in keys:
        query = request_of(root, key)["query"]
        if "Signature" in query and query["Signature"] != sign_v1(query, "testsecret"):
            failures.append(f"tests/requests/{key}.json: Signature is not the signature v1 of its query")
    return failures


def joined(root, routes, results_dir):
    results = {}
    failed = 0
    for key in sorted(routes):
        request = request_of(root, key)
        for route in ("joined-3.1", "joined-3.0"):
            doc = document(root, key, CLIENTS[route][1])
            method, template, _ = operation(doc)
            query = urllib.parse.urlencode({k: str(v) for k, v in request["query"].items()})
            url = routes[key][route].rstrip("/") + wire_path(template, request["path"]) + ("?" + query if query else "")
            outcome = results.setdefault(route, {}).setdefault(key, {})
            for status in statuses(root, key):
                headers = dict(request["header"])
                if status != "200":
                    headers["Prefer"] = f"code={status}, example=documented"

                def call(url=url, headers=headers, method=method, key=key, status=status):
                    try:
                        with urllib.request.urlopen(urllib.request.Request(url, headers=headers, method=method)) as r:
                            got_status, body = r.status, r.read()
                    except urllib.error.HTTPError as error:
                        got_status, body = error.code, error.read()
                    if got_status != int(status):
                        raise AssertionError(f"status {got_status}, expected {status}: {body[:300]!r}")
                    if json.loads(body) != fixture(root, key, status):
                        raise AssertionError(f"body differs from the fixture: {body[:300]!r}")

                failed += attempt(outcome, status, call)
                print(f"  joined URL ({CLIENTS[route][1]}) {key} {status}: {outcome[status]}")
    for route, outcome in results.items():
        (results_dir / f"{route}.json").write_text(json.dumps(outcome, indent=2), encoding="utf-8")
    return failed


def attempt(outcome, name, call):
    """Runs `call`, recording under `name` in `outcome` "ok" or what went wrong; 1 when it
    failed. Every failure is reported per call, so none stops the others."""
    try:
        call()
    except Exception as error:  # noqa: BLE001 - reported, not raised
        outcome[name] = f"{type(error).__name__}: {error}"
        return 1
    outcome[name] = "ok"
    return 0


def expected_status(headers):
    prefer = next((v for k, v in headers if k.lower() == "prefer"), "")
    for part in prefer.split(","):
        name, _, value = part.strip().partition("=")
        if name == "code":
            return value
    return "200"


def judge(root, key, record):
    """What is wrong with one exchange, as sentences; none when it is the documented request."""
    request = request_of(root, key)
    method, template, _ = operation(document(root, key, "3.1"))
    target = urllib.parse.urlsplit(record["target"])
    problems = []
    if record["method"] != method:
        problems.append(f"method {record['method']}, documented {method}")
    if target.path != wire_path(template, request["path"]):
        problems.append(f"path {target.path}, documented {wire_path(template, request['path'])}")
    if target.fragment:
        problems.append(f"a fragment reached the server: #{target.fragment}")
    sent = sorted(urllib.parse.parse_qsl(target.query, keep_blank_values=True))
    documented = sorted((k, str(v)) for k, v in request["query"].items())
    if sent != documented:
        missing = sorted(set(documented) - set(sent))
        extra = sorted(set(sent) - set(documented))
        problems.append(f"query differs: missing {missing}, not documented {extra}")
    headers = {k.lower(): v for k, v in record["headers"]}
    for name, value in request["header"].items():
        if headers.get(name.lower()) != value:
            problems.append(f"header {name}: {headers.get(name.lower())!r}, documented {value!r}")
    status = expected_status(record["headers"])
    if str(record["status"]) != status:
        problems.append(f"Prism answered {record['status']}, asked for {status}: {record['body'][:300]}")
    if record["violations"]:
        problems.append(f"Prism found violations: {record['violations']}")
    return status, problems


def verdict(root, routes, results_dir, log, matrix_file):
    keys = sorted(routes)
    failures = signatures_are_genuine(root, keys)
    seen = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        route, key = record["route"].split("|", 1)
        status, problems = judge(root, key, record)
        seen.setdefault((route, key), set()).add(status)
        failures += [f"{ROUTES[route][0]} ({ROUTES[route][1]}) {key} {status}: {p}" for p in problems]
        if problems:
            seen[(route, key)].add(f"bad {status}")
    cells = {}
    for route in CLIENTS:
        results_file = results_dir / f"{route}.json"
        decoded = json.loads(results_file.read_text(encoding="utf-8")) if results_file.exists() else {}
        for key in keys:
            ok = []
            for status in statuses(root, key):
                verdict_of_client = decoded.get(key, {}).get(status, "not called")
                if verdict_of_client != "ok":
                    failures.append(f"{CLIENTS[route][0]} ({CLIENTS[route][1]}) {key} {status}: {verdict_of_client}")
                elif status not in seen.get((route, key), set()):
                    failures.append(f"{CLIENTS[route][0]} ({CLIENTS[route][1]}) {key} {status}: no request reached Prism")
                elif f"bad {status}" not in seen[(route, key)]:
                    ok.append(status)
            cells[(route, key)] = ok
    samples_file = results_dir / "samples.json"
    ran = json.loads(samples_file.read_text(encoding="utf-8")) if samples_file.exists() else {}
    for route, (name, version) in SAMPLES.items():
        for key in keys:
            outcome = ran.get(route, {}).get(key, "not run")
            if outcome != "ok":
                failures.append(f"{name} ({version}) {key} 200: {outcome}")
            elif "200" not in seen.get((route, key), set()):
                failures.append(f"{name} ({version}) {key} 200: no request reached Prism")
            cells[(route, key)] = ["200"] if outcome == "ok" and "bad 200" not in seen.get((route, key), set()) else []
    matrix_file.write_text(matrix(root, keys, cells), encoding="utf-8")
    for failure in failures:
        print(f"  FAIL {failure}", file=sys.stderr)
    return len(failures)


def matrix(root, keys, cells):
    """The generators' guide's table (docs/generators.md): for each endpoint and client, the documented statuses that went
    through on the wire (the documented request, Prism satisfied, the body decoded)."""
    columns = ["progenitor", "typescript", "python", "joined", "samples"]
    head = ["Endpoint", "progenitor (3.0)", "openapi-fetch (3.1)", "openapi-python-client (3.1)", "joined URL (3.1, 3.0)",
            "the site's samples: curl, Python, TypeScript, Rust"]  # fmt: skip
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key in keys:
        method, path, _ = operation(document(root, key, "3.1"))
        row = [f"`{key}` `{method} {path}`"]
        for column in columns:
            wanted = ["200"] if column == "samples" else statuses(root, key)
            routes = {"joined": ["joined-3.1", "joined-3.0"], "samples": list(SAMPLES)}.get(column, [column])
            good = all(cells[(route, key)] == wanted for route in routes)
            row.append(("✓ " if good else "✗ ") + " ".join(sorted(set.intersection(*(set(cells[(r, key)]) for r in routes)))))
        lines.append("| " + " | ".join(cell.strip() for cell in row) + " |")
    return "\n".join(lines) + "\n"


def main():
    command, root, routes_file, *rest = sys.argv[1:]
    root = Path(root)
    routes = json.loads(Path(routes_file).read_text(encoding="utf-8"))
    if command == "joined":
        sys.exit(1 if joined(root, routes, Path(rest[0])) else 0)
    results_dir, log, matrix_file = (Path(arg) for arg in rest)
    sys.exit(1 if verdict(root, routes, results_dir, log, matrix_file) else 0)


if __name__ == "__main__":
    main()
