#!/usr/bin/env python
"""Django's command-line utility; `pelayan` (the installed console script) does the same."""

from pelayan.cli import main

if __name__ == "__main__":
    main()
