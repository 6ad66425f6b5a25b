"""Run kamdesk with `python -m kamdesk`."""

from kamdesk.cli import main

raise SystemExit(main())
