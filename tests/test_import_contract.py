"""The architecture, as import contracts read from the source with `ast`.

Every import counts for the layers: at module level, inside a function (a lazy import still
runs), and under `if TYPE_CHECKING:` (a type-only import is still a dependency a reader must
follow). For circles every import that runs counts (module level and lazy); a type-only
import does not, since it never runs: the harvest's step modules name the screen they serve
(`screen: HarvestScreen`) while the screen imports them. Importing a module also runs the
`__init__` of each package above it, so those count as imports too.

The contracts, layer by layer (cli > tui > web > core): the core never imports the interface
(`tui`, `web`, `cli`) nor Textual; `web` never imports `tui` or `cli`; `tui` never imports
`cli`, and only `__main__` does (the command line is the top); and no module reaches itself
through its imports (no circles).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = "potential_deck"
SOURCE = Path(__file__).resolve().parents[1] / "src" / PACKAGE

Graph = dict[str, set[str]]


def _module_name(path: Path) -> tuple[str, bool]:
    """The dotted name of a source file, and whether it is a package's `__init__`."""
    parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The absolute module a `from ... import` names, relative imports included."""
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base.pop()
    if node.level > 1:
        base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _type_only(tree: ast.AST) -> set[int]:
    """The ids of the import statements under `if TYPE_CHECKING:` (they never run)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found.update(id(inner) for statement in node.body for inner in ast.walk(statement))
    return found


def _imported_names(
    tree: ast.AST, module: str, is_package: bool, known: set[str], *, runtime_only: bool = False
) -> Iterator[str]:
    """Every module an import statement anywhere in `tree` names (ours resolved to a module);
    `runtime_only`: not those under `if TYPE_CHECKING:`."""
    skipped = _type_only(tree) if runtime_only else set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(node, module, is_package)
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                yield submodule if submodule in known else target


def _ancestors(name: str) -> Iterator[str]:
    parts = name.split(".")
    for end in range(1, len(parts)):
        yield ".".join(parts[:end])


def build_graph(*, runtime_only: bool = False) -> Graph:
    """Each module of the package -> every module it imports (ours and others', by full name);
    `runtime_only`: leaving out type-only imports."""
    files = {path: _module_name(path) for path in sorted(SOURCE.rglob("*.py"))}
    known = {name for name, _ in files.values()}
    graph: Graph = {}
    for path, (name, is_package) in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        targets: set[str] = set()
        for imported in _imported_names(tree, name, is_package, known, runtime_only=runtime_only):
            targets.add(imported)
            # importing a.b.c runs a/__init__ and a/b/__init__ first
            targets.update(p for p in _ancestors(imported) if p in known)
        targets.discard(name)
        # a module's own packages are already running when it runs: not an edge of its own
        targets.difference_update(_ancestors(name))
        graph[name] = targets
    return graph


def _ours(graph: Graph) -> Graph:
    return {name: {t for t in targets if t in graph} for name, targets in graph.items()}


def _strongly_connected(graph: Graph) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the groups of modules that reach each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                groups.append(sorted(group))
    return groups


def _shortest_cycle(graph: Graph, group: list[str]) -> list[str]:
    """A shortest circle through the group's first module, for a readable message."""
    members = set(group)
    start = group[0]
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for child in sorted(graph[node] & members):
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if child not in came_from:
                    came_from[child] = node
                    following.append(child)
        frontier = following
    return [start, start]


def find_cycles(graph: Graph) -> dict[frozenset[str], str]:
    """Each circle group (its modules) with a readable line: its size, a shortest circle, its members."""
    ours = _ours(graph)
    found = {}
    for group in _strongly_connected(ours):
        if len(group) == 1 and group[0] not in ours[group[0]]:
            continue
        cycle = " -> ".join(_short(m) for m in _shortest_cycle(ours, group))
        members = ", ".join(_short(m) for m in group)
        line = f"{len(group)} modules in a circle, e.g. {cycle}\n    all: {members}"
        found[frozenset(_short(m) for m in group)] = line
    return found


def _short(module: str) -> str:
    return module.removeprefix(f"{PACKAGE}.")


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _breaches(graph: Graph, source: str, forbidden: tuple[str, ...]) -> list[str]:
    """Each module of `source` that reaches a forbidden one, directly or through others, with the chain.

    A forbidden import through a third module is the same dependency (as in import-linter's
    contracts), so the chain is followed through our own modules.
    """
    found = []
    for start in sorted(n for n in graph if _in(n, source)):
        came_from: dict[str, str] = {start: start}
        frontier = [start]
        chain: list[str] = []
        while frontier and not chain:
            following: list[str] = []
            for node in frontier:
                for target in sorted(graph.get(node, ())):
                    if target in came_from:
                        continue
                    came_from[target] = node
                    if any(_in(target, f) for f in forbidden):
                        chain = [target]
                        while chain[-1] != start:
                            chain.append(came_from[chain[-1]])
                        break
                    following.append(target)
                if chain:
                    break
            frontier = following
        if chain:
            found.append(" -> ".join(_short(m) for m in reversed(chain)))
    return found


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_graph()


def test_the_graph_sees_the_whole_package(graph: Graph) -> None:
    # a guard for the tests below: they prove nothing if the walk finds nothing
    assert f"{PACKAGE}.core.session.models" in graph
    assert f"{PACKAGE}.tui.app" in graph
    assert f"{PACKAGE}.cli" in graph
    assert "textual.app" in graph[f"{PACKAGE}.tui.app"]


def test_the_core_never_imports_the_interface_or_textual(graph: Graph) -> None:
    forbidden = (f"{PACKAGE}.tui", f"{PACKAGE}.web", f"{PACKAGE}.cli", "textual")
    breaches = _breaches(graph, f"{PACKAGE}.core", forbidden)
    assert not breaches, "the core reaches the interface:\n" + "\n".join(breaches)


def test_the_tui_never_imports_the_command_line(graph: Graph) -> None:
    breaches = _breaches(graph, f"{PACKAGE}.tui", (f"{PACKAGE}.cli",))
    assert not breaches, "tui reaches the command line:\n" + "\n".join(breaches)


def test_the_web_side_never_imports_the_app_or_the_command_line(graph: Graph) -> None:
    # the app runs the join server on its loop (tui -> web); the other way would be a circle
    breaches = _breaches(graph, f"{PACKAGE}.web", (f"{PACKAGE}.tui", f"{PACKAGE}.cli"))
    assert not breaches, "web reaches the app or the command line:\n" + "\n".join(breaches)


def test_only_the_entry_point_imports_the_command_line(graph: Graph) -> None:
    importers = sorted(_short(name) for name, targets in graph.items() if f"{PACKAGE}.cli" in targets)
    assert importers == ["__main__"]


def test_no_module_imports_itself_in_a_circle() -> None:
    cycles = find_cycles(build_graph(runtime_only=True))
    assert not cycles, "import circles:\n" + "\n".join(cycles.values())


def test_a_circle_is_found_and_named() -> None:
    # the finder itself, on a small graph: a -> b -> c -> a, and d alone
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert list(find_cycles(graph).values()) == [
        "3 modules in a circle, e.g. a -> b -> c -> a\n    all: a, b, c"
    ]


def test_a_forbidden_import_through_another_module_is_found() -> None:
    a, b, x = (f"{PACKAGE}.{name}" for name in ("core.a", "core.b", "tui.x"))
    graph = {a: {b}, b: {x}, x: set()}
    assert _breaches(graph, f"{PACKAGE}.core", (f"{PACKAGE}.tui",)) == [
        "core.a -> core.b -> tui.x",
        "core.b -> tui.x",
    ]


def test_a_lazy_or_type_only_import_counts() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from .b import B\n"
        "def f():\n    from . import c\n    import d.e\n"
    )
    tree = ast.parse(source)
    names = set(_imported_names(tree, "pkg.a", False, {"pkg.b", "pkg.c"}))
    assert names == {"typing", "pkg.b", "pkg.c", "d.e"}


def test_a_type_only_import_is_a_dependency_but_no_runtime_edge() -> None:
    tree = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from a import B\nimport c\n")
    assert set(_imported_names(tree, "m", False, set())) == {"typing", "a", "c"}
    assert set(_imported_names(tree, "m", False, set(), runtime_only=True)) == {"typing", "c"}
