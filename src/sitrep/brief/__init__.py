"""Briefs: what changed in a period, who says so, how many independent sources, how sure.

`assemble.py` reads the knowledge base (through `sitrep.queries`) into a `Brief`; `plots.py`
draws its pictures; `render.py` writes it as Markdown, HTML or PDF.
"""
from sitrep.brief.assemble import Brief, build

__all__ = ["Brief", "build"]
