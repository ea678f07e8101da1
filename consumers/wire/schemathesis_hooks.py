"""What schemathesis needs to read every body the documents declare.

IMS's errors may come as Glance's HTML error page (`text/html`, a string schema): schemathesis
reads JSON, YAML, XML and plain text itself, and for any other media type it skips the
validation of the body and warns, which fails the run (`fail-on`). The page is text, so it is
read as text, and held to its schema like any other body."""

import schemathesis


@schemathesis.deserializer("text/html")
def html(_context, response):
    return response.content.decode(response.encoding or "utf-8", errors="replace")
