"""Rate limits key on the real client behind a trusted proxy, and one person's guesses never lock out another."""

import pytest

from django.test import RequestFactory

from gongkai.applications import throttle
from gongkai.core.client_address import client_address


def request(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_forwarded_for_is_believed_only_from_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    assert client_address(request("203.0.113.9", "1.2.3.4")) == "203.0.113.9"  # not a proxy: header ignored
    assert client_address(request("127.0.0.1", "198.51.100.7")) == "198.51.100.7"
    # A client-forged left part is skipped: the right-most untrusted address is the client.
    assert client_address(request("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3")) == "198.51.100.7"
    assert client_address(request("127.0.0.1", "not-an-ip")) == "127.0.0.1"


@pytest.mark.django_db
def test_one_persons_guesses_do_not_lock_out_another(settings):
    from django.core.cache import cache

    cache.clear()
    for _ in range(throttle.PER_NUMBER_AND_ADDRESS):
        throttle.failed("GK1", "198.51.100.7")
    assert throttle.blocked("GK1", "198.51.100.7")
    assert not throttle.blocked("GK1", "203.0.113.9")  # the real applicant elsewhere
    assert not throttle.blocked("GK2", "198.51.100.7")  # another applicant behind the same address
    for n in range(throttle.PER_ADDRESS):
        throttle.failed(f"GK{n + 100}", "192.0.2.1")
    assert throttle.blocked("GK999", "192.0.2.1")  # scanning many numbers from one address is stopped
