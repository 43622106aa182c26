"""A small reader for gettext catalogs (.po), enough for the translation tests: entries with
their msgid, plural, translations, source references and flags."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class PoEntry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    references: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


def po_read(path: Path) -> tuple[str, list[PoEntry]]:
    """The catalog's header (the msgstr of the empty msgid) and its other entries."""
    entries: list[PoEntry] = []
    entry = PoEntry()
    key: tuple[str, int] | None = None
    started = False

    def finish() -> None:
        nonlocal entry, key, started
        if started:
            entries.append(entry)
        entry, key, started = PoEntry(), None, False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            entry.obsolete = True
            line = line[2:].strip()
            if not line or line.startswith("#"):
                continue
        elif line.startswith("#:"):
            entry.references += [ref.rsplit(":", 1)[0] for ref in line[2:].split()]
            continue
        elif line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        elif line.startswith("#"):
            continue
        if line.startswith('"'):
            value = ast.literal_eval(line)
        else:
            keyword, _, rest = line.partition(" ")
            value = ast.literal_eval(rest)
            if keyword.startswith("msgid") and key and key[0] == "msgstr":
                finish()
            started = True
            if keyword.startswith("msgstr["):
                key = ("msgstr", int(keyword[7:-1]))
            else:
                key = (keyword, 0)
            if key[0] == "msgstr":
                entry.msgstr[key[1]] = ""
        name, index = key
        if name == "msgid":
            entry.msgid += value
        elif name == "msgid_plural":
            entry.msgid_plural += value
        elif name == "msgctxt":
            entry.msgctxt = (entry.msgctxt or "") + value
        else:
            entry.msgstr[index] += value
    finish()
    header = next((e.msgstr.get(0, "") for e in entries if e.msgid == "" and e.msgctxt is None), "")
    return header, [e for e in entries if e.msgid != "" and not e.obsolete]
