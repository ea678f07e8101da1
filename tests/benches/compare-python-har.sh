#!/usr/bin/env bash
# Measures `cargo xtask validate --har` on a generated session (tests/benches/har.rs writes it:
# every endpoint's documented exchanges with a browser's headers, repeated), as the guides run
# it: MB/s, and peak memory with `/usr/bin/time -v` (GNU time, from Debian's package `time`,
# installed if missing). Then compares it with openapi-core, the Python library a reviewer would
# script the same check with (each entry's request and response validated against the
# documents under spec/), over a session of CLOUDSPEC_PYTHON_MB megabytes (20 by default: it
# loads the archive whole, as json.load does, and runs at a few MB/s). Installs openapi-core
# into a virtualenv under target/.
# Then a session of one exchange whose body is CLOUDSPEC_BENCH_BODY_MB megabytes (500 by default),
# checked as it streams.
# Run from anywhere: tests/benches/compare-python-har.sh (CLOUDSPEC_BENCH_MB=1000 for 1 GB).
set -euo pipefail
cd "$(dirname "$0")/../.."

megabytes=${CLOUDSPEC_BENCH_MB:-50}
python_megabytes=${CLOUDSPEC_PYTHON_MB:-20}
body_megabytes=${CLOUDSPEC_BENCH_BODY_MB:-500}

if [ ! -x /usr/bin/time ]; then
  echo "==> apt-get install time (GNU time, for the peak memory)"
  apt-get install -y -qq time >/dev/null
fi

echo "==> cargo bench -p cloudspec-tests --bench har (writes the sessions)"
CLOUDSPEC_BENCH_MB=$python_megabytes cargo bench --quiet -p cloudspec-tests --bench har
CLOUDSPEC_BENCH_MB=$megabytes cargo bench --quiet -p cloudspec-tests --bench har
CLOUDSPEC_BENCH_BODY_MB=$body_megabytes cargo bench --quiet -p cloudspec-tests --bench har
session=target/tmp/session-${megabytes}MB.har
one_body=target/tmp/session-body-${body_megabytes}MB.har
small=target/tmp/session-${python_megabytes}MB.har

echo "==> cargo build -p xtask (the dev profile, as the guides run it)"
cargo build --quiet -p xtask

# shellcheck source=tests/benches/measure.sh
source tests/benches/measure.sh
echo "==> /usr/bin/time -v cargo xtask validate --har session"
measure "$session" validate --har "$session"
measure "$small" validate --har "$small"
measure "$one_body" validate --har "$one_body"

venv=target/python-openapi-core
if [ ! -x "$venv/bin/python" ]; then
  echo "==> python3 -m venv $venv"
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check openapi-core pyyaml

"$venv/bin/python" - "$small" spec/*/*/*[!0-9A-Z].yaml <<'PY'
import importlib.metadata, json, os, sys, time, urllib.parse

import yaml
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

session, *documents = sys.argv[1:]
documents = [path for path in documents if ".zh-CN." not in path and not path.endswith(".openapi-3.0.yaml")]
size = os.path.getsize(session) / 1e6

apis = {}
for path in documents:
    with open(path, encoding="utf-8") as file:
        document = yaml.safe_load(file)
    api = OpenAPI.from_dict(document)
    for server in document["servers"]:
        region = server["variables"]["region"]["default"]
        origin = server["url"].replace("{region}", region)
        apis.setdefault(origin, []).append(api)

def check(entry):
    request, response = entry["request"], entry["response"]
    url = urllib.parse.urlsplit(request["url"])
    origin = f"{url.scheme}://{url.netloc}"
    query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
    headers = {pair["name"]: pair["value"] for pair in request["headers"]}
    mock_request = MockRequest(origin, request["method"].lower(), url.path, args=query, headers=headers)
    content = response["content"]
    response_headers = {pair["name"]: pair["value"] for pair in response["headers"]}
    mock_response = MockResponse(
        content.get("text", "").encode(), status_code=response["status"],
        headers=response_headers, content_type=content.get("mimeType", "application/json"),
    )
    for api in apis.get(origin, []):
        api.validate_request(mock_request)
        api.validate_response(mock_request, mock_response)
        return True
    return False

started = time.perf_counter()
with open(session, encoding="utf-8") as file:
    entries = json.load(file)["log"]["entries"]
matched = sum(1 for entry in entries if check(entry))
seconds = time.perf_counter() - started
assert matched == len(entries), f"openapi-core matched {matched} of {len(entries)} entries"

print(f"session: {session} ({size:.1f} MB, {len(entries)} entries), openapi-core {importlib.metadata.version('openapi-core')}")
print(f"openapi-core (json.load + validate_request + validate_response): {seconds:7.2f} s  {size / seconds:7.1f} MB/s")
PY
