"""post_message against a real HTTP server on loopback: a message with an id is sent once more
after a 502, and the whole call, the second send included, keeps to the caller's wait."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from bot.channels.rasa_client import post_message


async def _serve(replies: list[tuple[float, int]]):
    """A server whose n-th request waits replies[n][0] seconds, then answers replies[n][1]."""
    seen: list[int] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")  # the JSON body is small: headers are enough here
        delay, status = replies[min(len(seen), len(replies) - 1)]
        seen.append(status)
        await asyncio.sleep(delay)
        body = b"[]"
        writer.write(
            f"HTTP/1.1 {status} X\r\nContent-Length: {len(body)}\r\n"
            "Content-Type: application/json\r\nConnection: close\r\n\r\n".encode()
            + body
        )
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    return server, f"http://127.0.0.1:{port}/webhooks/rest/webhook", seen


def _post(replies, payload, timeout):
    async def run():
        server, url, seen = await _serve(replies)
        async with server, httpx.AsyncClient() as client:
            started = time.monotonic()
            try:
                result = await post_message(client, url, payload, timeout)
            except httpx.TimeoutException as error:
                result = error
            return result, time.monotonic() - started, seen

    return asyncio.run(run())


def test_a_message_with_an_id_is_sent_again_after_a_502():
    result, _, seen = _post([(0, 502), (0, 200)], {"message": "hoi", "message_id": "m1"}, 3.0)
    assert result.status_code == 200 and seen == [502, 200]


def test_without_an_id_a_502_is_not_sent_again():
    result, _, seen = _post([(0, 502), (0, 200)], {"message": "hoi"}, 3.0)
    assert result.status_code == 502 and seen == [502]


def test_the_second_send_keeps_to_what_is_left_of_the_wait():
    # The first send fails after 0.6 s; the second would answer after 5 s: the caller's 1.5 s
    # bound the whole call, not 1.5 s per send.
    result, seconds, seen = _post(
        [(0.6, 502), (5.0, 200)], {"message": "hoi", "message_id": "m2"}, 1.5
    )
    assert isinstance(result, httpx.TimeoutException)
    assert seen == [502, 200]
    assert seconds == pytest.approx(1.5, abs=0.3)


def test_with_too_little_time_left_the_balancers_answer_stands():
    result, seconds, seen = _post(
        [(1.2, 502), (0, 200)], {"message": "hoi", "message_id": "m3"}, 1.5
    )
    assert result.status_code == 502 and seen == [502]
    assert seconds < 1.5
