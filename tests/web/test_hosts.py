"""Bind addresses and the Host names a server answers."""
import ipaddress

import pytest

from sitrep.web.hosts import BadHost, HostPolicy, bind_addresses, is_loopback


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("192.0.2.10", False), ("::", False),
])
def test_addresses_are_parsed_robustly(host, loopback):
    assert is_loopback(host) is loopback


def test_the_short_form_of_loopback_is_its_address():
    assert bind_addresses("127.1") == [ipaddress.ip_address("127.0.0.1")]


@pytest.mark.parametrize("host", ["300.1.1.1", "not a host", "exa mple.invalid", "[::1"])
def test_an_address_that_is_neither_ip_nor_name_is_refused_in_one_line(host):
    with pytest.raises(BadHost, match="is not an IP address or a name this machine resolves"):
        bind_addresses(host)


def test_a_loopback_server_answers_its_port_under_every_loopback_name():
    policy = HostPolicy.for_server("127.1", 8000)
    assert all(policy.allows(h) for h in ("127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "[::1]:8000", "127.1:8000"))
    assert not any(policy.allows(h) for h in ("127.0.0.1:8001", "127.0.0.1", "attacker.example:8000", "", None))


def test_port_80_may_be_left_out():
    assert HostPolicy.for_server("127.0.0.1", 80).allows("localhost")


def test_an_address_bound_on_every_interface_answers_any_host_unless_names_are_given():
    assert HostPolicy.for_server("0.0.0.0", 8000).allows("kb.lan:8000")
    named = HostPolicy.for_server("0.0.0.0", 8000, ("kb.lan", "proxy.example:8443"))
    assert named.allows("kb.lan:8000") and named.allows("kb.lan") and named.allows("proxy.example:8443")
    assert not named.allows("proxy.example:8000") and not named.allows("attacker.example:8000")


def test_a_specific_address_answers_itself():
    policy = HostPolicy.for_server("192.0.2.10", 8000)
    assert policy.allows("192.0.2.10:8000") and not policy.allows("localhost:8000")


def test_pages_of_this_server_are_only_its_own_names_and_ports():
    assert not HostPolicy().names_this_server("127.0.0.1:9999")  # default: port unknown, so only the Host itself
    bound = HostPolicy.for_server("127.0.0.1", 8000, ("kb.example.org",))
    assert bound.names_this_server("localhost:8000") and bound.names_this_server("kb.example.org")
    assert not bound.names_this_server("127.0.0.1:9999") and not bound.names_this_server("evil.example")
    assert not HostPolicy.for_server("0.0.0.0", 8000).names_this_server("kb.lan:8000")
