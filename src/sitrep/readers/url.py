"""http(s) URLs: fetched once, with a timeout and a size cap, and read by their content type."""
import urllib.error
import urllib.request
from email.message import Message
from importlib.metadata import version

from sitrep.errors import InputError

TIMEOUT_SECONDS = 20
MAX_BYTES = 20 * 1024 * 1024


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def fetch(url: str) -> tuple[bytes, Message]:
    """The body and headers of a URL, or InputError saying why not."""
    request = urllib.request.Request(url, headers={"User-Agent": f"sitrep/{version('sitrep')}"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(MAX_BYTES + 1)
            headers = response.headers
    except urllib.error.HTTPError as err:
        raise InputError(url, f"HTTP {err.code} {err.reason}")
    except urllib.error.URLError as err:
        raise InputError(url, f"could not fetch: {err.reason}")
    except (TimeoutError, OSError) as err:
        raise InputError(url, f"could not fetch: {err}")
    if len(body) > MAX_BYTES:
        raise InputError(url, f"response over the {MAX_BYTES // 2**20} MiB limit")
    return body, headers
