"""Write a folder of results as one transaction: stage it, then publish it with one rename.

Both ``extract --out`` and ``report --out`` work this way:

- :class:`OutputLock` takes ``.OUT.lock`` beside ``OUT`` (an ``flock`` plus the holder's PID),
  so a second run into the same folder is refused at once ("another run (pid 123) is writing
  OUT") instead of interleaving its files with the first. The kernel drops the lock when the
  holder dies, however it dies.
- :func:`make_staging` makes the private folder ``.OUT.staging-<pid>-<random>`` beside ``OUT``
  (same file system, so the publishing rename is atomic), with the usual permissions.
- :func:`publish` swaps the staging folder and ``OUT`` with one ``renameat2(RENAME_EXCHANGE)``
  (Linux), so that readers see either the old folder or the new one, never a mix. Where the
  kernel or file system cannot exchange, it falls back to two renames, with the old folder
  kept as ``.OUT.previous-<pid>`` in between.
- :func:`clean_stale` removes staging folders of runs that died, and puts a ``.OUT.previous-*``
  back when a run died between the two renames; it returns one note per thing it did.

>>> with OutputLock(out):                                   # doctest: +SKIP
...     staging = make_staging(out); write_into(staging); publish(staging, out)
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import re
import shutil
import tempfile
from pathlib import Path


class OutputError(Exception):
    """The output folder cannot be written (in use, not a folder, no space, read-only);
    the command line prints it as one line and exits with 2. The previous output is intact."""


def describe(exc: OSError, path: Path | str | None = None) -> str:
    """An OS error as one line: "cannot write out/figures.csv: no space left on device"."""
    reason = (exc.strerror or str(exc)).lower()
    return f"cannot write {path or exc.filename}: {reason}"


class OutputLock:
    """An exclusive lock on an output folder, held by this process until `release`."""

    def __init__(self, out: Path):
        self.out = Path(out)
        self.path = self.out.parent / f".{self.out.name}.lock"
        self.fd: int | None = None

    def acquire(self) -> OutputLock:
        while self.fd is None:
            try:
                self.out.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise OutputError(describe(exc, self.out)) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                os.close(fd)
                raise OutputError(f"another run (pid {holder}) is writing {self.out}; wait for "
                                  "it to finish, or choose another --out") from None
            if self._same_file(fd):
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
                self.fd = fd
            else:  # the holder removed it as we opened it: lock the new file instead
                os.close(fd)
        return self

    def _same_file(self, fd: int) -> bool:
        try:
            return os.stat(self.path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            return False

    def release(self) -> None:
        """Remove the lock file, then unlock (in this order, so no one locks a removed file
        that is still in use; see `acquire`)."""
        if self.fd is not None:
            self.path.unlink(missing_ok=True)
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def make_staging(out: Path) -> Path:
    """A new, empty staging folder beside `out`, readable as a folder made with ``mkdir`` is
    (``mkdtemp`` alone would leave it 0700, and the published folder with it)."""
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-{os.getpid()}-",
                                       dir=out.parent))
        folder.chmod(0o777 & ~_umask())
    except OSError as exc:
        raise OutputError(describe(exc, out)) from None
    return folder


RENAME_EXCHANGE = 2
AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); False when that is not available."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def publish(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` in one step; the old `out` is removed afterwards."""
    if not out.exists() and not out.is_symlink():
        os.rename(staging, out)
        return
    if _exchange(staging, out):
        shutil.rmtree(staging, ignore_errors=True)  # it holds the old folder now
        return
    previous = out.with_name(f".{out.name}.previous-{os.getpid()}")
    os.rename(out, previous)
    os.rename(staging, out)  # a kill before this line: clean_stale puts `previous` back
    shutil.rmtree(previous, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def clean_stale(out: Path) -> list[str]:
    """Tidy what dead runs left beside `out`; one note per thing done or found.

    Staging folders whose run (the PID in the name) is gone are removed; a
    ``.OUT.previous-<pid>`` is put back as `out` when `out` is missing, else removed. Staging
    folders named without a PID (older versions) are only reported. Call it holding the lock.
    """
    notes = []
    pattern = re.compile(rf"\.{re.escape(out.name)}\.(staging|previous)-(.+)$")
    try:
        entries = sorted(out.parent.iterdir())
    except OSError:
        return notes
    for entry in entries:
        match = pattern.match(entry.name)
        if not match or not entry.is_dir():
            continue
        kind, rest = match.groups()
        pid = re.fullmatch(r"(\d+)-.+" if kind == "staging" else r"(\d+)", rest)
        if pid is None:
            notes.append(f"{entry} was left by an earlier run; remove it if no run is going on")
        elif int(pid.group(1)) != os.getpid() and not _alive(int(pid.group(1))):
            if kind == "previous" and not out.exists():
                os.rename(entry, out)
                notes.append(f"restored {out} from {entry.name} (a run died while publishing)")
            else:
                shutil.rmtree(entry, ignore_errors=True)
                notes.append(f"removed {entry.name}, left by a run that died")
    return notes
