"""Use cases shared by the desktop, the command line and headquarters tools."""
