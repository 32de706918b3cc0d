"""An Elasticsearch node that records what the client sends and answers with canned responses.

The client's transport is the seam: everything above it (the elasticsearch client,
elasticsearch.dsl, our engine) runs for real; nothing leaves the process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node._base import NodeApiResponse
from elasticsearch import Elasticsearch

from search.engines.elasticsearch import ElasticsearchEngine


@dataclass
class SentRequest:
    method: str
    path: str
    body: object


class RecordingNode(BaseNode):
    # Shared by every node the client creates in a test; reset by `recording_engine`.
    requests: list[SentRequest] = []
    responses: list[tuple[str, str, int, object]] = []

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        path = target.split("?")[0]
        payload = None
        if body:
            text = body.decode("utf-8")
            if path.endswith("/_bulk"):
                payload = [json.loads(line) for line in text.splitlines() if line.strip()]
            else:
                payload = json.loads(text)
        RecordingNode.requests.append(SentRequest(method, path, payload))
        status, answer = 200, {}
        for want_method, want_suffix, canned_status, canned in RecordingNode.responses:
            if method == want_method and path.endswith(want_suffix):
                status, answer = canned_status, canned
                break
        if path.endswith("/_bulk") and not answer:
            answer = {"took": 1, "errors": False, "items": []}
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders({"x-elastic-product": "Elasticsearch", "content-type": "application/json"}),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, json.dumps(answer).encode("utf-8"))


def recording_engine(index_prefix: str = "portal") -> ElasticsearchEngine:
    RecordingNode.requests = []
    RecordingNode.responses = []
    client = Elasticsearch(hosts=["http://es.invalid:9200"], node_class=RecordingNode)
    return ElasticsearchEngine(client, index_prefix=index_prefix)


def answer(method: str, path_suffix: str, body: object, status: int = 200) -> None:
    RecordingNode.responses.append((method, path_suffix, status, body))


def sent(method: str | None = None, path_suffix: str = "") -> list[SentRequest]:
    return [
        request
        for request in RecordingNode.requests
        if (method is None or request.method == method) and request.path.endswith(path_suffix)
    ]
