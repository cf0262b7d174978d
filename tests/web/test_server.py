"""Starting the server: which requests to serve are refused before anything is bound."""
import pytest

from sitrep.web.server import ServeError, address_of, prepare


def test_loopback_needs_no_token_and_any_other_address_does():
    assert prepare("127.1", 8000, None).allows("127.0.0.1:8000")
    with pytest.raises(ServeError, match="give --token"):
        prepare("0.0.0.0", 8000, None)
    assert prepare("0.0.0.0", 8000, "s3cret").allows("kb.lan:8000")


def test_an_invalid_address_is_one_line():
    with pytest.raises(ServeError) as refused:
        prepare("127.0.0.300", 8000, "s3cret")
    assert "\n" not in str(refused.value) and "127.0.0.300" in str(refused.value)


@pytest.mark.parametrize("host, url", [("127.0.0.1", "http://127.0.0.1:8000/"), ("127.1", "http://127.0.0.1:8000/"),
                                       ("::1", "http://[::1]:8000/"), ("[::1]", "http://[::1]:8000/"),
                                       ("localhost", "http://localhost:8000/")])
def test_the_address_is_shown_as_a_browser_opens_it(host, url):
    assert address_of(host, 8000) == url
