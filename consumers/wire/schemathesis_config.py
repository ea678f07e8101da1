"""What schemathesis is told a real client sends on every request, from the documented request.

    python schemathesis_config.py DOCUMENT REQUEST > schemathesis.toml

A client of these APIs always sends its credentials, so that what schemathesis reports is what
such a client meets, every request carries the documented request's (tests/requests/<key>.json):

- the value of each API key of the document's security schemes (the `X-Auth-Token` header,
  Alibaba's `AccessKeyId` query parameter), through schemathesis's OpenAPI-aware auth; with
  `with-security-parameters = false`, schemathesis does not also generate the key as a
  parameter of its own, which it would leave out or fill with junk (Prism then answers 401,
  which no page documents for a request that lacks its credential);
- the signature v1 parameters a signing client writes (`Signature`, `SignatureNonce`,
  `Timestamp`...), as fixed values: a signer never sends an empty or random signature, and
  Prism reads an empty query value as a missing one, so generated values would have most cases
  refused for what no client does. The parameters the caller chooses stay generated.

And any schemathesis warning fails the run (`fail-on`): one says the operation was not really
exercised, e.g. that Prism refused most of the cases the document calls valid."""

import json
import sys

import yaml

from check import SIGNATURE_V1


def config(document, request):
    lines = ["[generation]", "with-security-parameters = false", "", "[warnings]", "fail-on = true", ""]
    for name, scheme in document.get("components", {}).get("securitySchemes", {}).items():
        value = request[scheme["in"]][scheme["name"]]
        lines += [f"[auth.openapi.{name}]", f"api_key = {json.dumps(value)}", ""]
    signed = {name: value for name, value in request["query"].items() if name in SIGNATURE_V1}
    if signed:
        lines.append("[parameters]")
        lines += [f'"query.{name}" = {json.dumps(str(value))}' for name, value in signed.items()]
    return "\n".join(lines).rstrip("\n") + "\n"


if __name__ == "__main__":
    document_path, request_path = sys.argv[1:]
    document = yaml.safe_load(open(document_path, encoding="utf-8"))
    request = json.load(open(request_path, encoding="utf-8"))
    sys.stdout.write(config(document, request))
