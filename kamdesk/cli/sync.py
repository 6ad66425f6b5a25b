"""Exchange commands: packages to and from headquarters and other managers, and keys."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from kamdesk.cli.common import open_workbench
from kamdesk.i18n import _

if TYPE_CHECKING:
    from kamdesk.sync.keys import PublicCard

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add `export`, `import`, `keys` and `conflicts` to the `kamdesk` parser."""
    export = commands.add_parser(
        "export",
        help=_("write an exchange package (.kamx) for HQ or another manager, or a backup"),
        description=_(
            "Write a signed, encrypted package. hq: what changed since the last package to "
            "headquarters, sensitive fields left out; handover: accounts (or everything) for "
            "another manager; backup: the whole archive."
        ),
    )
    export.add_argument("--kind", choices=("hq", "handover", "backup"), required=True)
    export.add_argument(
        "--account", action="append", default=[], metavar="A", help=_("an account (repeatable)")
    )
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.kamx")
    export.add_argument(
        "--recipient",
        action="append",
        default=[],
        metavar="KEYFILE",
        help=_("seal for this public key file, or a registered installation (repeatable)"),
    )
    export.add_argument(
        "--passphrase-file", type=Path, metavar="F", help=_("seal with the passphrase in F")
    )
    export.add_argument(
        "--include-sensitive",
        action="store_true",
        help=_("also send fields labelled sensitive to HQ"),
    )
    export.set_defaults(handler=_export)

    importing = commands.add_parser(
        "import",
        help=_("merge an exchange package (.kamx) into the archive"),
        description=_(
            "Check a package completely, then merge it in one transaction. --dry-run shows "
            "the counts of new, changed, conflicting and deleted records and changes nothing."
        ),
    )
    importing.add_argument("file", type=Path, metavar="FILE.kamx")
    importing.add_argument("--dry-run", action="store_true", help=_("only count, change nothing"))
    importing.add_argument(
        "--passphrase-file", type=Path, metavar="F", help=_("open with the passphrase in F")
    )
    importing.add_argument("--json", action="store_true", help=_("the result as JSON"))
    importing.set_defaults(handler=_import)

    keys = commands.add_parser(
        "keys",
        help=_("this installation's public key; register other installations' keys"),
        description=_(
            "Without options: show this installation's public key and fingerprint. Give the "
            "fingerprint by phone when you send the key file to someone."
        ),
    )
    keys.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help=_("write this installation's key file")
    )
    keys.add_argument(
        "--register", type=Path, metavar="KEYFILE", help=_("trust packages signed by this key")
    )
    keys.add_argument("--hq", action="store_true", help=_("the key being registered is HQ's"))
    keys.add_argument(
        "--replace", action="store_true", help=_("replace the key registered for it before")
    )
    keys.add_argument("--list", action="store_true", help=_("list the registered keys"))
    keys.add_argument(
        "--name", metavar="NAME", help=_("the name others see on this installation's key")
    )
    keys.set_defaults(handler=_keys)

    conflicts = commands.add_parser(
        "conflicts",
        help=_("fields changed on both sides: list them, keep or take the other value"),
    )
    conflicts.add_argument("--keep", metavar="ID", help=_("keep the value that won"))
    conflicts.add_argument("--take-other", metavar="ID", help=_("take the other value"))
    conflicts.set_defaults(handler=_conflicts)


def _passphrase(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(_("cannot read the passphrase file {p}: {e}").format(p=path, e=exc)) from None
    passphrase = lines[0].strip() if lines else ""
    if not passphrase:
        raise _error(_("the passphrase file {p} is empty").format(p=path))
    return passphrase


def _card(path: Path) -> PublicCard:
    from kamdesk.sync.keys import PublicCard

    try:
        return PublicCard.from_text(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(_("cannot read the key file {p}: {e}").format(p=path, e=exc)) from None


def _error(message: str) -> Exception:
    from kamdesk.sync.service import SyncError

    return SyncError(message)


def _export(args: argparse.Namespace) -> int:
    passphrase = _passphrase(args.passphrase_file)
    with open_workbench(args, write=True) as wb:
        recipients: list[str | PublicCard] = [
            _card(Path(r)) if Path(r).is_file() else r for r in args.recipient
        ]
        accounts = [wb.accounts.resolve(a).id for a in args.account] or None
        options: dict[str, Any] = {
            "accounts": accounts,
            "include_sensitive": args.include_sensitive,
            "recipients": recipients,
            "passphrase": passphrase,
        }
        preview = wb.sync.preview_export(args.kind, **options)
        for table, fields in preview.left_out.items():
            print(_("left out of {t}: {f}").format(t=table, f=", ".join(fields)), file=sys.stderr)
        result = wb.sync.export(args.kind, args.output, **options)
    counts = ", ".join(f"{t} {n}" for t, n in sorted(result.manifest.counts.items()))
    print(
        _("wrote {p}: {n} records ({c}), package {i}").format(
            p=args.output, n=result.records, c=counts or "-", i=result.manifest.package_id
        )
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    passphrase = _passphrase(args.passphrase_file)
    with open_workbench(args, write=not args.dry_run) as wb:
        result = wb.sync.import_package(args.file, passphrase=passphrase, dry_run=args.dry_run)
    if args.json:
        summary = {
            "package": result.manifest.package_id,
            "sender": result.manifest.sender_name or result.manifest.sender,
            "already_applied": result.already_applied,
            "dry_run": result.dry_run,
            **result.summary(),
        }
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    sender = result.manifest.sender_name or result.manifest.sender
    if result.already_applied:
        print(
            _("already applied: package {i} from {s} was imported before; nothing changed").format(
                i=result.manifest.package_id, s=sender
            )
        )
        return 0
    s = result.summary()
    print(
        _("{what} from {s}: {new} new, {changed} changed, {deleted} deleted, {c} conflicts").format(
            what=_("dry run") if result.dry_run else _("imported"),
            s=sender,
            new=s["new"],
            changed=s["changed"],
            deleted=s["deleted"],
            c=s["conflicts"],
        )
    )
    for conflict in result.conflicts:
        print(
            _("conflict in {t} {i}, {f}: kept {k!r}, other {o!r}").format(
                t=conflict.table,
                i=conflict.record_id,
                f=conflict.field,
                k=conflict.kept,
                o=conflict.other,
            )
        )
    if result.dry_run:
        print(_("dry run: nothing was changed"), file=sys.stderr)
    return 0


def _keys(args: argparse.Namespace) -> int:
    with open_workbench(args, write=True) as wb:
        if args.register:
            peer = wb.sync.register(_card(args.register), hq=args.hq, replace=args.replace)
            print(
                _("registered {n} ({i}), fingerprint {f}{hq}").format(
                    n=peer.name or "-",
                    i=peer.installation_id,
                    f=peer.fingerprint,
                    hq=" · HQ" if peer.is_hq else "",
                )
            )
            return 0
        if args.list:
            for peer in wb.sync.peers():
                print(
                    f"{peer.installation_id}  {peer.fingerprint}  {peer.name or '-'}"
                    + ("  HQ" if peer.is_hq else "")
                )
            return 0
        card = wb.sync.set_name(args.name) if args.name else wb.sync.public_card()
    if args.output:
        from kamdesk.interchange.files import replace_atomically

        def write(out: BinaryIO) -> None:
            out.write(card.to_text().encode("utf-8"))

        replace_atomically(args.output, write)
        print(_("wrote {p}; fingerprint {f}").format(p=args.output, f=card.fingerprint))
        return 0
    print(card.to_text(), end="")
    print(_("fingerprint: {f}").format(f=card.fingerprint))
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    chosen = args.keep or args.take_other
    with open_workbench(args, write=bool(chosen)) as wb:
        if chosen:
            wb.sync.resolve(chosen, take_other=bool(args.take_other))
            print(_("conflict {i} settled").format(i=chosen))
            return 0
        rows = wb.sync.conflicts()
    if not rows:
        print(_("no open conflicts"))
    for row in rows:
        print(
            f"{row.id}  {row.table} {row.record_label} · {row.field}: "
            + _("kept {k!r}, other {o!r}").format(k=row.kept, o=row.other)
        )
    return 0
