"""Data between installations as files: keys, the signed and encrypted package, merge."""
