"""The org chart: jabatan ordered by their atasan tree, depth first, ties in document order."""

from __future__ import annotations

from iki_xl.core.model import Dokumen, Jabatan


def org_order(doc: Dokumen) -> list[tuple[Jabatan, int]]:
    """Every jabatan once, with its depth: roots are those whose atasan is empty or unknown.

    Jabatan caught in an atasan cycle are not reachable from a root; they follow at the end
    in document order, at depth 0, so nothing is ever lost from a listing.
    """
    ids = {j.id for j in doc.jabatan}
    children: dict[str, list[Jabatan]] = {}
    roots: list[Jabatan] = []
    for j in doc.jabatan:
        if j.atasan and j.atasan in ids and j.atasan != j.id:
            children.setdefault(j.atasan, []).append(j)
        else:
            roots.append(j)
    result: list[tuple[Jabatan, int]] = []
    seen: set[str] = set()
    for start in [*roots, *doc.jabatan]:
        stack = [(start, 0)]
        while stack:
            j, depth = stack.pop()
            if j.id in seen:
                continue
            seen.add(j.id)
            result.append((j, depth))
            stack.extend((c, depth + 1) for c in reversed(children.get(j.id, [])))
    return result


def atasan_cycles(doc: Dokumen) -> list[list[str]]:
    """Each atasan cycle once, as the list of jabatan ids in it."""
    atasan = {j.id: j.atasan for j in doc.jabatan}
    result: list[list[str]] = []
    done: set[str] = set()
    for start in atasan:
        path: list[str] = []
        x: str | None = start
        while x is not None and x in atasan and x not in done and x not in path:
            path.append(x)
            x = atasan[x]
        if x is not None and x in path:
            result.append(path[path.index(x) :])
        done.update(path)
    return result
