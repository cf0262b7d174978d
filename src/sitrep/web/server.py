"""Running the web application under uvicorn: the address to bind, whether it may be bound
without a token, and the Host names the server answers.
"""
from collections.abc import Callable
from pathlib import Path

from sitrep.database import display_name
from sitrep.web.hosts import BadHost, HostPolicy, host_form, bind_addresses


class ServeError(ValueError):
    """A `serve` request that cannot be honoured, with the one line that says why."""


def prepare(host: str, port: int, token: str | None, allowed_hosts: tuple[str, ...] = ()) -> HostPolicy:
    """The Host policy for a server on `host:port`; ServeError when the address is invalid, or
    not loopback and no token guards it."""
    try:
        addresses = bind_addresses(host)
    except BadHost as error:
        raise ServeError(str(error)) from None
    if not token and not all(address.is_loopback for address in addresses):
        raise ServeError(f"binding {host} exposes the knowledge base: give --token or SITREP_TOKEN")
    return HostPolicy.for_server(host, port, allowed_hosts)


def address_of(host: str, port: int) -> str:
    """The URL a browser opens for a server bound to `host:port` (a name as given, an address
    in its full form: 127.1 is shown as 127.0.0.1)."""
    if any(c.isalpha() for c in host) and ":" not in host:
        return f"http://{host}:{port}/"
    address = bind_addresses(host)[0]
    return f"http://{host_form(address)}:{port}/"


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          allowed_hosts: tuple[str, ...] = (), announce: Callable[[str], None] = print) -> None:
    """Serve the knowledge base `db` until interrupted; ServeError before binding anything when
    the request is unsafe or invalid. `announce` is told where the server listens."""
    import uvicorn

    from sitrep.web.app import create_app

    hosts = prepare(host, port, token, allowed_hosts)
    announce(f"serving {display_name(db)} on {address_of(host, port)} (Ctrl-C to stop)")
    uvicorn.run(create_app(db, token=token, hosts=hosts), host=host.strip("[]"), port=port, log_level="warning")
