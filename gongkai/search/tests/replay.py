"""Replay OpenSearch HTTP exchanges through the real opensearch-py client.

Each exchange holds the request (method, path, body) the backend must send and the response the
server gives. ``ReplayConnection`` checks every request against the next exchange and answers with
its response, so the client's own serialization and response handling are exercised.
"""

import json
from pathlib import Path

from opensearchpy import Connection, OpenSearch

RECORDINGS = Path(__file__).with_name("recordings")


def _decode(body, ndjson=False):
    if body is None:
        return None
    text = body.decode() if isinstance(body, bytes) else body
    if ndjson:
        return [json.loads(line) for line in text.split("\n") if line.strip()]
    return json.loads(text)


class ReplayConnection(Connection):
    exchanges: list = []

    def perform_request(self, method, url, params=None, body=None, timeout=None, ignore=(), headers=None):
        expected = type(self).exchanges.pop(0)
        path = url.split("?")[0]
        assert (method, path) == (expected["method"], expected["path"]), (method, url, expected["path"])
        if "request" in expected:
            assert _decode(body, path.endswith("_bulk")) == expected["request"], json.dumps(
                _decode(body, path.endswith("_bulk")), ensure_ascii=False, indent=1
            )
        for key, value in expected.get("params", {}).items():
            got = (params or {}).get(key)
            got = got.decode() if isinstance(got, bytes) else str(got)
            assert got == value, (key, params)
        status = expected.get("status", 200)
        if status >= 400 and status not in ignore:
            self._raise_error(status, json.dumps(expected["response"]))
        return status, {"content-type": "application/json"}, json.dumps(expected["response"])


def replay_client(name: str) -> tuple[OpenSearch, list]:
    exchanges = json.loads((RECORDINGS / f"{name}.json").read_text(encoding="utf-8"))["exchanges"]
    ReplayConnection.exchanges = list(exchanges)
    client = OpenSearch(hosts=["http://search.test:9200"], connection_class=ReplayConnection)
    return client, ReplayConnection.exchanges
