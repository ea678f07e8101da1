#!/usr/bin/env bash
# Measures `cargo xtask validate` on a generated ListPhoneImages capture read from standard
# input, as the guides run it: MB/s, and peak memory with `/usr/bin/time -v` (GNU time, from
# Debian's package `time`, installed if missing), for a conforming capture, one with a
# violation in 1 image of 100, and one with a value off an open enum's list (a notice) in 1
# image of 100. Then compares it with Python's jsonschema (the reference
# implementation most reviewers would reach for) on the same capture and the same document
# under spec/. Installs what it needs: jsonschema and PyYAML into a virtualenv under target/.
# Run from anywhere: tests/benches/compare-python.sh (CLOUDSPEC_BENCH_MB=400 for 400 MB).
set -euo pipefail
cd "$(dirname "$0")/../.."

megabytes=${CLOUDSPEC_BENCH_MB:-50}
export CLOUDSPEC_BENCH_MB=$megabytes

if [ ! -x /usr/bin/time ]; then
  echo "==> apt-get install time (GNU time, for the peak memory)"
  apt-get install -y -qq time >/dev/null
fi

echo "==> cargo bench -p cloudspec-tests --bench validate (writes the captures)"
cargo bench --quiet -p cloudspec-tests --bench validate
capture=$(ls target/tmp/ListPhoneImages-"${megabytes}"MB-valid.json)

echo "==> cargo build -p xtask (the dev profile, as the guides run it)"
cargo build --quiet -p xtask

# shellcheck source=tests/benches/measure.sh
source tests/benches/measure.sh
echo "==> /usr/bin/time -v cargo xtask validate ListPhoneImages - < capture"
measure "$capture" validate ListPhoneImages -
measure target/tmp/ListPhoneImages-"${megabytes}"MB-1-in-100-invalid.json validate ListPhoneImages -
measure target/tmp/ListPhoneImages-"${megabytes}"MB-1-in-100-unlisted.json validate ListPhoneImages -

venv=target/python-jsonschema
if [ ! -x "$venv/bin/python" ]; then
  echo "==> python3 -m venv $venv"
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check jsonschema pyyaml

"$venv/bin/python" - "$capture" spec/huaweicloud/cph/ListPhoneImages.yaml <<'PY'
import importlib.metadata, json, os, subprocess, sys, time

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
    with open(capture, "rb") as stdin:
        result = subprocess.run(
            ["cargo", "xtask", "validate", "ListPhoneImages", "-"],
            stdin=stdin, stdout=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"},
        )
    assert result.returncode == 0, f"cargo xtask validate exited {result.returncode}"

cli_seconds = best_of(3, cli)

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

print(f"capture: {capture} ({size:.1f} MB), jsonschema {importlib.metadata.version('jsonschema')}")
print(f"cargo xtask validate (stdin): {cli_seconds:7.2f} s  {size / cli_seconds:7.1f} MB/s  (best of 3)")
print(f"Python jsonschema (load+validate): {python_seconds:7.2f} s  {size / python_seconds:7.1f} MB/s")
print(f"ratio: cargo xtask validate is {python_seconds / cli_seconds:.0f}x faster than Python's jsonschema")
PY
