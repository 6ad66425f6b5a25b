"""The SQLite archive: tables, engine set-up, migrations."""
