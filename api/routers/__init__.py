"""Endpoint modules. They keep annotations evaluated (no `from __future__ import annotations`):
ninja reads the view signatures, `Query[...]` and `Path[...]` included, when the API is built."""
