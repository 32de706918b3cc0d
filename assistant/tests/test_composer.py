"""The language-model composer against a real local HTTP server speaking the chat-completions API."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.compose import OpenAICompatibleComposer, answer_question, get_composer
from assistant.retrieval import retrieve

pytestmark = pytest.mark.django_db


class ChatServer:
    """A tiny chat-completions server: replies with `reply`, after `delay` seconds, with `status`."""

    def __init__(self):
        self.reply = "Bạn phải báo trước ít nhất 40 ngày [2]."
        self.delay = 0.0
        self.status = 200
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                server.requests.append(
                    {
                        "path": self.path,
                        "auth": self.headers.get("Authorization"),
                        "body": json.loads(self.rfile.read(length)),
                    }
                )
                time.sleep(server.delay)
                body = json.dumps(
                    {
                        "id": "x",
                        "object": "chat.completion",
                        "choices": [{"index": 0, "message": {"role": "assistant", "content": server.reply}}],
                    }
                ).encode()
                try:
                    self.send_response(server.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the composer gave up first (timeout)
                    pass

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def chat(settings):
    server = ChatServer()
    settings.ASSISTANT_LLM_URL = server.url
    settings.ASSISTANT_LLM_KEY = "test-key"
    settings.ASSISTANT_LLM_MODEL = "local-model"
    settings.ASSISTANT_LLM_TIMEOUT = 1
    yield server
    server.close()


QUESTION = "nghi viec phai bao truoc may ngay"


def test_off_by_default_the_answer_is_the_scenarios_own(library):
    assert get_composer().name == "retrieval"
    assert answer_question(QUESTION, retrieve(QUESTION)).composer == "retrieval"


def test_the_model_rephrases_from_the_passages_and_the_citations_stay(library, chat):
    answer = answer_question(QUESTION, retrieve(QUESTION))
    assert answer.composer == "llm"
    assert "40 ngày [2]" in answer.html
    assert answer.citations[0].url.endswith("/bo-luat/#dieu-3")
    [request] = chat.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["auth"] == "Bearer test-key"
    assert request["body"]["model"] == "local-model"
    prompt = request["body"]["messages"][1]["content"]
    assert "[1]" in prompt and "[2]" in prompt and "40 ngày" in prompt
    assert QUESTION in prompt
    assert "ONLY from the numbered passages" in request["body"]["messages"][0]["content"]


def test_the_models_text_is_escaped(library, chat):
    chat.reply = "<img src=x onerror=alert(1)> Báo trước 40 ngày [1]."
    answer = answer_question(QUESTION, retrieve(QUESTION))
    assert answer.composer == "llm"
    assert "<img" not in answer.html and "&lt;img" in answer.html


@pytest.mark.parametrize(
    "change",
    [
        {"status": 500},
        {"delay": 1.5},  # longer than the 1 s timeout
        {"reply": "Bạn cứ nghỉ luôn, không cần báo trước."},  # no citation: not grounded
        {"reply": ""},
    ],
)
def test_any_failure_falls_back_to_the_retrieval_answer(library, chat, change):
    for name, value in change.items():
        setattr(chat, name, value)
    answer = answer_question(QUESTION, retrieve(QUESTION))
    assert answer.composer == "retrieval"
    assert "40 ngày" in answer.html
    assert answer.citations


def test_an_unreachable_server_falls_back(library, settings):
    settings.ASSISTANT_LLM_URL = "http://127.0.0.1:9/v1"
    answer = answer_question(QUESTION, retrieve(QUESTION))
    assert answer.composer == "retrieval" and answer.answered


def test_the_model_is_not_asked_below_the_threshold(library, chat):
    answer = answer_question("cach nau pho bo", retrieve("cach nau pho bo"))
    assert not answer.answered
    assert chat.requests == []
    assert isinstance(get_composer(), OpenAICompatibleComposer)
