"""kamdesk: the key account manager's workbench."""

__version__ = "0.1.0"
