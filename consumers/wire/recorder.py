"""A recording proxy in front of Prism: what each client put on the wire, and Prism's verdict.

Prism's log shows neither the request's headers nor its raw target, and its format is meant
for people; this proxy sees the exact request line and headers a client sent, forwards them
unchanged, and records them with Prism's status and `sl-violations` header (Prism sets it
whenever the request or its own response breaks the document). One listener per route, so
each record names the client and the endpoint without trusting anything the client sends.

    recorder.py LOG PORTS ROUTE=UPSTREAM...

Binds 127.0.0.1:0 for each ROUTE, writes `ROUTE PORT` lines to PORTS once all are bound, and
appends one JSON object per exchange to LOG. Runs until terminated."""

import http.client
import http.server
import json
import os
import sys
import threading
import urllib.parse

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade"}


def handler(route, upstream, log, lock):
    target = urllib.parse.urlsplit(upstream)

    class Recorder(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
            connection.request(self.command, self.path, body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            record = {
                "route": route,
                "method": self.command,
                "target": self.path,
                "headers": [[k, v] for k, v in self.headers.items()],
                "status": response.status,
                "violations": response.getheader("sl-violations"),
                "content_type": response.getheader("Content-Type"),
                "body": payload.decode("utf-8", "replace"),
            }
            with lock:
                log.write(json.dumps(record, ensure_ascii=False) + "\n")
                log.flush()
            self.send_response(response.status)
            for name, value in response.getheaders():
                if name.lower() not in HOP_BY_HOP | {"content-length"}:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            connection.close()

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = forward

        def log_message(self, format, *args):
            pass

    return Recorder


def main():
    log_path, ports_path, *routes = sys.argv[1:]
    lock = threading.Lock()
    log = open(log_path, "a", encoding="utf-8")
    lines = []
    for spec in routes:
        route, upstream = spec.split("=", 1)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler(route, upstream, log, lock))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        lines.append(f"{route} {server.server_address[1]}\n")
    with open(ports_path + ".tmp", "w", encoding="utf-8") as ports:
        ports.writelines(lines)
    # Renamed when complete, so that a reader never sees half the ports.
    os.replace(ports_path + ".tmp", ports_path)
    threading.Event().wait()


if __name__ == "__main__":
    main()
