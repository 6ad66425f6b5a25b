"""Run kamdesk with `python -m kamdesk`; also the entry of the frozen app (packaging/)."""

import multiprocessing


def run() -> int:
    """The desktop with no arguments, else one command of the command line."""
    # In the frozen app, the worker processes of batch printing and sample data start the
    # app's own executable; here they run their task and exit, before any argument is parsed.
    multiprocessing.freeze_support()
    from kamdesk.cli import main

    return main()


if __name__ == "__main__":  # not when a worker process re-imports this module
    raise SystemExit(run())
