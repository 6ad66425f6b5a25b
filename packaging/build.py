"""Build the self-contained kamdesk app for this system: one folder, and an archive of it.

    python packaging/build.py [--dist DIR] [--work DIR] [--no-archive] [--installer]

1. compiles the translations (resources/i18n/*.ts to .qm, with PySide6's lrelease);
2. runs PyInstaller on packaging/kamdesk.spec: DIR/kamdesk/ (on macOS also DIR/kamdesk.app);
3. checks the bundle: the executable, the font, catalogues newer than their sources, the
   migrations Alembic reads by path;
4. writes DIR/kamdesk-<version>-<system>-<machine>.tar.gz on Linux, .zip on Windows and macOS
   (on Linux the folder also gets the desktop entry, the icons and install.sh first);
5. prints the size of the bundle on disk and compressed;
6. with --installer: the Inno Setup installer on Windows (ISCC), a .dmg on macOS (hdiutil).

DIR defaults to dist/ and the work folder to build/, both ignored by git. Needs the package
extra: pip install -e ".[package]".
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

import translations  # noqa: E402  (packaging/translations.py)

from kamdesk import __version__  # noqa: E402

APP = "kamdesk"
EXE = "kamdesk-app.exe" if sys.platform == "win32" else "kamdesk-app"
SPEC = HERE / "kamdesk.spec"
LINUX_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The sizes of the freedesktop icon theme (hicolor) that install.sh fills."""


class BuildError(Exception):
    """The build stopped; the message says where."""


@dataclass(frozen=True)
class Result:
    bundle: Path
    executable: Path
    archive: Path | None
    files: int
    size: int
    compressed: int | None


def bundle_dir(dist: Path) -> Path:
    """The one-folder app inside `dist` (on macOS: the folder PyInstaller bundles into .app)."""
    return dist / APP


def executable(dist: Path) -> Path:
    return bundle_dir(dist) / EXE


def archive_name() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64")
    suffix = ".tar.gz" if sys.platform.startswith("linux") else ".zip"
    return f"{APP}-{__version__}-{system}-{machine}{suffix}"


def compile_translations(work: Path) -> Path:
    folder = work / "i18n"
    if folder.exists():
        shutil.rmtree(folder)
    try:
        compiled = translations.compile_catalogues(folder)
    except RuntimeError as exc:
        raise BuildError(str(exc)) from exc
    print(f"translations: {', '.join(p.name for p in compiled)}")
    return folder


def run_pyinstaller(dist: Path, work: Path, qm_dir: Path) -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise BuildError(
            'PyInstaller is not installed: pip install -e ".[package]" (or ".[test]")'
        ) from exc
    if sys.platform.startswith("linux"):
        lacking = [tool for tool in ("objcopy", "ldd") if shutil.which(tool) is None]
        if lacking:
            raise BuildError(
                f"PyInstaller needs {' and '.join(lacking)} on Linux:"
                " apt-get install binutils libc-bin (or your distribution's equivalent)"
            )
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    env = dict(os.environ, KAMDESK_QM_DIR=str(qm_dir))
    if subprocess.run(command, cwd=ROOT, env=env).returncode != 0:
        raise BuildError("PyInstaller failed (its messages are above)")


def check_bundle(dist: Path) -> None:
    """What the frozen app reads from its folder is there."""
    bundle = bundle_dir(dist)
    internal = bundle / "_internal"
    wanted = [
        executable(dist),
        internal / "resources" / "fonts" / "wqy-microhei.ttc",
        internal / "kamdesk" / "storage" / "migrations" / "env.py",
    ]
    wanted += [
        internal / "resources" / "i18n" / ts.with_suffix(".qm").name
        for ts in (ROOT / "resources" / "i18n").glob("*.ts")
    ]
    missing = [str(p.relative_to(dist)) for p in wanted if not p.exists()]
    if not any(internal.glob("PySide6/**/qtbase_zh_CN.qm")):
        missing.append("PySide6/…/translations/qtbase_zh_CN.qm")
    revisions = list((internal / "kamdesk" / "storage" / "migrations" / "versions").glob("*.py"))
    if len(revisions) != len(list((ROOT / "kamdesk/storage/migrations/versions").glob("*.py"))):
        missing.append("kamdesk/storage/migrations/versions/*.py")
    stale = [
        qm.name
        for qm in (internal / "resources" / "i18n").glob("*.qm")
        if qm.with_suffix(".ts").exists()
        and qm.stat().st_mtime < qm.with_suffix(".ts").stat().st_mtime
    ]
    if missing or stale:
        raise BuildError(f"the bundle is incomplete: missing {missing}, older than source {stale}")


def system_libraries(dist: Path) -> list[str]:
    """Linux: libraries the window system plugins (X11, Wayland) need and the bundle lacks,
    because the build machine did not have them; the user's machine must then provide them."""
    internal = bundle_dir(dist) / "_internal"
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    lacking: set[str] = set()
    for plugin in internal.glob("PySide6/Qt/plugins/platforms/*.so"):
        listing = subprocess.run([ldd, str(plugin)], env=env, capture_output=True, text=True)
        lacking.update(
            line.split("=>")[0].strip()
            for line in listing.stdout.splitlines()
            if "not found" in line
        )
    return sorted(lacking)


def add_linux_extras(dist: Path) -> None:
    """The desktop entry, the icons and install.sh, beside the executable."""
    bundle = bundle_dir(dist)
    for name in ("kamdesk.desktop", "install.sh"):
        shutil.copy2(HERE / "linux" / name, bundle / name)
    (bundle / "install.sh").chmod(0o755)
    icons = bundle / "icons"
    icons.mkdir(exist_ok=True)
    for size in LINUX_ICON_SIZES:
        name = f"kamdesk-{size}.png"
        shutil.copy2(ROOT / "resources" / "icons" / name, icons / name)


def write_archive(dist: Path) -> Path:
    target = dist / archive_name()
    target.unlink(missing_ok=True)
    if sys.platform.startswith("linux"):
        with tarfile.open(target, "w:gz", compresslevel=6) as tar:
            tar.add(bundle_dir(dist), arcname=APP)
    elif sys.platform == "darwin":
        # ditto keeps the .app's symbolic links and signature, which zipfile would not
        subprocess.run(
            ["ditto", "-c", "-k", "--keepParent", str(dist / f"{APP}.app"), str(target)],
            check=True,
        )
    else:
        shutil.make_archive(str(target.with_suffix("")), "zip", dist, APP)
    return target


def make_installer(dist: Path) -> Path | None:
    if sys.platform == "win32":
        iscc = shutil.which("iscc") or shutil.which("ISCC.exe")
        if iscc is None:
            raise BuildError("Inno Setup's ISCC is not on PATH (https://jrsoftware.org/isdl.php)")
        subprocess.run(
            [
                iscc,
                f"/DAppVersion={__version__}",
                f"/DSourceDir={bundle_dir(dist)}",
                f"/DOutputDir={dist}",
                str(HERE / "windows" / "kamdesk.iss"),
            ],
            check=True,
        )
        return dist / f"{APP}-{__version__}-windows-setup.exe"
    if sys.platform == "darwin":
        image = dist / f"{APP}-{__version__}-macos.dmg"
        subprocess.run(
            [
                "hdiutil",
                "create",
                "-volname",
                APP,
                "-srcfolder",
                str(dist / f"{APP}.app"),
                "-ov",
                "-format",
                "UDZO",
                str(image),
            ],
            check=True,
        )
        return image
    print("installer: none on Linux; the archive carries install.sh and the desktop entry")
    return None


def folder_size(folder: Path) -> tuple[int, int]:
    """Number of files and their bytes (symbolic links not followed)."""
    count = size = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            count += 1
            size += path.stat().st_size
    return count, size


def megabytes(size: int) -> str:
    """In MiB, as `du -h` and the file managers count."""
    return f"{size / 2**20:.1f} MiB"


def build(dist: Path, work: Path, *, archive: bool = True, installer: bool = False) -> Result:
    """Everything above; returns where the bundle is and its sizes."""
    started = time.monotonic()
    dist, work = dist.resolve(), work.resolve()
    qm_dir = compile_translations(work)
    run_pyinstaller(dist, work, qm_dir)
    check_bundle(dist)
    if sys.platform.startswith("linux"):
        add_linux_extras(dist)
        lacking = system_libraries(dist)
        if lacking:
            print(
                "note: the desktop will take these from the user's system (not on this build"
                f" machine, so not bundled): {', '.join(lacking)}"
            )
    files, size = folder_size(bundle_dir(dist))
    written = write_archive(dist) if archive else None
    if installer:
        made = make_installer(dist)
        if made is not None:
            print(f"installer: {made} ({megabytes(made.stat().st_size)})")
    result = Result(
        bundle_dir(dist),
        executable(dist),
        written,
        files,
        size,
        written.stat().st_size if written else None,
    )
    print(f"bundle: {result.bundle} — {files} files, {megabytes(size)} on disk")
    if written is not None and result.compressed is not None:
        print(f"archive: {written} — {megabytes(result.compressed)} compressed")
    print(f"built kamdesk {__version__} in {time.monotonic() - started:.0f} s")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work")
    parser.add_argument("--no-archive", action="store_true", help="the folder only")
    parser.add_argument(
        "--installer", action="store_true", help="also the Windows installer or the macOS .dmg"
    )
    args = parser.parse_args(argv)
    try:
        build(args.dist, args.work, archive=not args.no_archive, installer=args.installer)
    except (BuildError, subprocess.CalledProcessError) as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
