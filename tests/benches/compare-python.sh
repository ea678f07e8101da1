#!/usr/bin/env bash
# Compares `cargo xtask validate` with Python's jsonschema (the reference implementation most
# reviewers would reach for) on the same generated ListPhoneImages capture and the same
# document under spec/. Installs what it needs: jsonschema and PyYAML into a virtualenv
# under target/. Run from anywhere: tests/benches/compare-python.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

megabytes=${CLOUDSPEC_BENCH_MB:-50}
export CLOUDSPEC_BENCH_MB=$megabytes

echo "==> cargo bench -p cloudspec-tests --bench validate (writes the capture)"
cargo bench --quiet -p cloudspec-tests --bench validate
capture=$(ls target/tmp/ListPhoneImages-"${megabytes}"MB-valid.json)

venv=target/python-jsonschema
if [ ! -x "$venv/bin/python" ]; then
  echo "==> python3 -m venv $venv"
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check jsonschema pyyaml

echo "==> cargo build -p xtask (the dev profile, as the README runs it)"
cargo build --quiet -p xtask

"$venv/bin/python" - "$capture" spec/huaweicloud/cph/ListPhoneImages.yaml <<'PY'
import importlib.metadata, json, os, resource, subprocess, sys, time

import jsonschema
import yaml

capture, document_path = sys.argv[1:]
size = os.path.getsize(capture) / 1e6

def best_of(runs, work):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)

def cli():
    result = subprocess.run(
        ["cargo", "xtask", "validate", "ListPhoneImages", capture],
        stdout=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 0, f"cargo xtask validate exited {result.returncode}"

cli_seconds = best_of(3, cli)
peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

with open(document_path, encoding="utf-8") as file:
    document = yaml.safe_load(file)
# The document is the root, so that its #/components/schemas/... references resolve in it.
# Python's jsonschema ignores x-max-bytes (unknown keyword): it does less work than cloudspec.
schema = {"$ref": "#/components/schemas/ListPhoneImagesResponse", "components": document["components"]}
validator = jsonschema.Draft202012Validator(schema)

errors = []
def python():
    with open(capture, encoding="utf-8") as file:
        body = json.load(file)
    errors.append(sum(1 for _ in validator.iter_errors(body)))

python_seconds = best_of(1, python)
assert errors == [0], f"Python's jsonschema found {errors} errors"

print(f"capture: {capture} ({size:.1f} MB), jsonschema {jsonschema.__version__ if hasattr(jsonschema, '__version__') else ''}")
print(f"cargo xtask validate:       {cli_seconds:7.2f} s  {size / cli_seconds:7.1f} MB/s  (best of 3, peak RSS {peak_mb:.0f} MB)")
print(f"Python jsonschema (load+validate): {python_seconds:7.2f} s  {size / python_seconds:7.1f} MB/s")
print(f"ratio: cargo xtask validate is {python_seconds / cli_seconds:.0f}x faster than Python's jsonschema")
PY
