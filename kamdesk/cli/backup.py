"""Backup commands: back up now, list the backups, put one back in place of the archive."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamdesk.cli.common import fail
from kamdesk.i18n import _

if TYPE_CHECKING:
    from kamdesk.storage.backups import BackupRow, Counts

__all__ = ["register", "restore_backup"]


def register(commands: Any) -> None:
    """Add `backup`, `backups` and `restore-backup` to the `kamdesk` parser."""
    backup = commands.add_parser(
        "backup",
        help=_("back the archive up now (checked copy; old backups are thinned out)"),
        description=_(
            "Copy the archive with SQLite's backup API and check the copy. Without -o it goes "
            "into the backups folder, which keeps daily, weekly and monthly copies."
        ),
    )
    backup.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help=_("write the copy here instead")
    )
    backup.set_defaults(handler=_backup)

    listing = commands.add_parser("backups", help=_("list the backups of the archive"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_backups)

    restore = commands.add_parser(
        "restore-backup",
        help=_("put a backup in place of the archive (the current state is backed up first)"),
        description=_(
            "Replace the archive with a backup: a file, or the name of one in the backups "
            "folder (see `kamdesk backups`). The archive must not be open in kamdesk."
        ),
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP")
    restore.add_argument("--yes", action="store_true", help=_("do not ask before restoring"))
    restore.set_defaults(handler=restore_backup)


def _archive(args: argparse.Namespace) -> Path:
    from kamdesk.services.paths import default_archive_path

    path: Path = args.db or default_archive_path()
    return path.expanduser().resolve()


def _backup(args: argparse.Namespace) -> int:
    from kamdesk.storage.backups import backup_folder, make_backup, rotate

    path = _archive(args)
    if args.output is not None:
        row = make_backup(path, target=args.output)
        removed: list[Path] = []
    else:
        row = make_backup(path)
        removed = rotate(backup_folder(path), row.taken_at, stem=path.stem)
    print(_("backed up to {p}").format(p=row.path))
    print(f"  {_counts_text(row.counts)} · {size_text(row.size)}")
    if removed:
        print(_("{n} older backups removed by rotation").format(n=len(removed)))
    return 0


def _backups(args: argparse.Namespace) -> int:
    from kamdesk.cli.output import emit_json, table
    from kamdesk.storage.backups import backup_folder, list_backups

    path = _archive(args)
    folder = backup_folder(path)
    rows = list_backups(folder, stem=path.stem)
    if args.json:
        emit_json([_row_dict(r) for r in rows])
        return 0
    if not rows:
        print(_("no backups of {p} in {f} yet").format(p=path.name, f=folder), file=sys.stderr)
        return 0
    print(_("backups of {p} in {f}:").format(p=path.name, f=folder))
    table(
        [_("taken"), _("reason"), _("size"), _("accounts"), _("contacts"), _("visits"),
         _("file")],
        [
            (r.taken_at.strftime("%Y-%m-%d %H:%M"), r.reason_text, size_text(r.size),
             *(_numbers(r.counts)), r.path.name)
            for r in rows
        ],
        cap=60,
    )  # fmt: skip
    return 0


def restore_backup(args: argparse.Namespace) -> int:
    """Put the backup `args.backup` in place of the archive, after saying what will happen
    and, unless `args.yes`, asking."""
    from kamdesk.storage.backups import backup_folder, plan_restore, restore
    from kamdesk.storage.database import writer_lock

    path = _archive(args)
    chosen: Path = args.backup.expanduser()
    if not chosen.exists() and chosen.name == str(chosen):
        chosen = backup_folder(path) / chosen.name  # a name as `kamdesk backups` shows it
    the_plan = plan_restore(path, chosen)
    with writer_lock(path):  # refuses at once, before asking, if kamdesk has it open
        pass
    print(_("Restore {a} from the backup {b}.").format(a=the_plan.archive, b=the_plan.backup))
    print("  " + _("the backup holds: {c}").format(c=_counts_text(the_plan.backup_counts)))
    if the_plan.current_counts is not None:
        now = _counts_text(the_plan.current_counts)
        print("  " + _("the archive holds now: {c}").format(c=now))
        print(_("The archive as it is now is backed up first."))
    if not args.yes:
        if not sys.stdin.isatty():
            return fail(_("not restored: add --yes to restore without being asked"))
        answer = input(_("Restore? [y/N] ")).strip().lower()
        if answer not in ("y", "yes", "是", "是的"):
            print(_("not restored; nothing was changed"))
            return 1
    before = restore(path, the_plan.backup)
    print(_("restored {a} from {b}").format(a=path, b=the_plan.backup.name))
    if before is not None:
        print(_("the state before the restore is kept in {p}").format(p=before.path))
    return 0


def _numbers(counts: Counts | None) -> tuple[str, str, str]:
    if counts is None:
        return ("?", "?", "?")
    return (str(counts.accounts), str(counts.contacts), str(counts.visits))


def _counts_text(counts: Counts | None) -> str:
    if counts is None:
        return _("unreadable")
    return _("{a} accounts, {c} contacts, {v} visits").format(
        a=counts.accounts, c=counts.contacts, v=counts.visits
    )


def size_text(size: int) -> str:
    """A file size in the units people read (340 KB, 12.5 MB)."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def _row_dict(row: BackupRow) -> dict[str, Any]:
    counts = row.counts
    return {
        "path": str(row.path),
        "taken_at": row.taken_at.isoformat(timespec="seconds"),
        "reason": row.reason,
        "size": row.size,
        "accounts": counts.accounts if counts else None,
        "contacts": counts.contacts if counts else None,
        "visits": counts.visits if counts else None,
    }
