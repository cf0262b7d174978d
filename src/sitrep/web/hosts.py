"""Where the server listens and which `Host` headers it answers.

A page on another site can point its own domain name at 127.0.0.1 (DNS rebinding) and then
read the knowledge base as if it were that site; the `Host` header still names the attacker's
domain, so the server answers only the names it was started for.
"""
import ipaddress
import socket
from dataclasses import dataclass

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


class BadHost(ValueError):
    """An address to bind that is neither an IP address nor a name this machine resolves."""


def bind_addresses(host: str) -> list[Address]:
    """The IP addresses `host` stands for (an IP literal, "localhost", a resolvable name)."""
    literal = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        return [ipaddress.ip_address(literal)]
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError):
        raise BadHost(f"--host {host!r} is not an IP address or a name this machine resolves") from None
    return sorted({ipaddress.ip_address(info[4][0].partition("%")[0]) for info in found}, key=str)


def is_loopback(host: str) -> bool:
    """True when every address `host` stands for is this machine's loopback."""
    return all(address.is_loopback for address in bind_addresses(host))


@dataclass(frozen=True)
class HostPolicy:
    """The `Host` header values to answer: exact `name:port` pairs, and names on any port.

    The default, for an app made without knowing its port, is the loopback names on any port.
    `None` for both means any Host: a server bound to every interface (0.0.0.0) cannot know
    the names it is reached by, and there the token, required off loopback, is the guard.
    """
    with_port: frozenset[str] | None = frozenset()
    any_port: frozenset[str] | None = frozenset(LOOPBACK_NAMES)
    own_pages: frozenset[str] = frozenset()  # the exact pairs and --allowed-host names pages are served under

    @classmethod
    def for_server(cls, host: str, port: int, extra: tuple[str, ...] = ()) -> "HostPolicy":
        """The names a server bound to `host:port` is reached by, plus `extra` (--allowed-host)."""
        addresses = bind_addresses(host)
        extra_names = frozenset(name.lower() for name in extra)
        if any(address.is_unspecified for address in addresses) and not extra_names:
            return cls(with_port=None, any_port=None)
        names = {host.lower()} | {host_form(address) for address in addresses if not address.is_unspecified}
        if all(address.is_loopback for address in addresses):
            names |= set(LOOPBACK_NAMES)
        pairs = {f"{name}:{port}" for name in names} | ({*names} if port == 80 else set())
        with_port = frozenset(pairs | {n for n in extra_names if _has_port(n)})
        return cls(with_port=with_port, any_port=frozenset(n for n in extra_names if not _has_port(n)),
                   own_pages=with_port | extra_names)

    def allows(self, host_header: str | None) -> bool:
        """Whether a request sent with this `Host` header is meant for this server."""
        if self.with_port is None:
            return True
        return _matches(host_header, self.with_port, self.any_port or frozenset())

    def names_this_server(self, netloc: str) -> bool:
        """Whether a page at `netloc` (an Origin's host and port) is this server under one of the
        names it was started for (never the loopback names on any port of the default: another
        server on this machine is another site)."""
        return _matches(netloc, self.own_pages, frozenset(n for n in self.own_pages if not _has_port(n)))


def _matches(value: str | None, pairs: frozenset[str], names: frozenset[str]) -> bool:
    """Whether a `name[:port]` value is one of `pairs`, or one of `names` on any port."""
    if not value:
        return False
    value = value.strip().lower()
    name = value.rpartition(":")[0] if _has_port(value) else value
    return value in pairs or name in names


def host_form(address: Address) -> str:
    """An address as it is written in a URL or a Host header ([::1] for IPv6)."""
    return f"[{address}]" if address.version == 6 else str(address)


def _has_port(value: str) -> bool:
    name, colon, port = value.rpartition(":")
    return bool(colon) and port.isdigit() and not name.endswith(":") and (not name.startswith("[") or name.endswith("]"))
