"""Components, their registry, and the pipeline that runs them in order.

A component adds layers to an :class:`~chronik.analysis.Analysis`.  It
declares what it ``requires`` and what it ``assigns``; the pipeline checks
the order once, when it is built, and raises a helpful error instead of
failing half-way through an article.  All components are registered in one
place, :mod:`chronik.components`.

The per-article step, ``Pipeline.__call__``, is a pure function of the
document and the pipeline version: that is what lets the same code run in
one process, a pool or a cluster, and makes re-ingesting idempotent.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Protocol, Sequence

from . import __version__
from .analysis import Analysis
from .document import Document
from .errors import ChronikError


class Component(Protocol):
    def __call__(self, analysis: Analysis) -> None: ...


@dataclass(frozen=True)
class ComponentInfo:
    name: str
    factory: Callable[..., Component]  # language code (and options) -> component
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    version: str  # bump when the component's output changes
    description: str = ""
    options: tuple[str, ...] = ()  # keyword arguments of the factory a Pipeline may set (e.g. "ner")


REGISTRY: dict[str, ComponentInfo] = {}


def register(
    name: str,
    factory: Callable[[str], Component],
    *,
    requires: Iterable[str] = (),
    assigns: Iterable[str] = (),
    version: str = "1",
    description: str = "",
    options: Iterable[str] = (),
) -> None:
    REGISTRY[name] = ComponentInfo(
        name, factory, tuple(requires), tuple(assigns), version, description, tuple(options)
    )


def _registry() -> dict[str, ComponentInfo]:
    from . import components  # noqa: F401  (fills REGISTRY)

    return REGISTRY


def default_component_names() -> list[str]:
    from .components import DEFAULT_PIPELINE

    return list(DEFAULT_PIPELINE)


def check_order(names: Sequence[str]) -> list[ComponentInfo]:
    registry = _registry()
    infos: list[ComponentInfo] = []
    assigned: set[str] = set()
    seen: set[str] = set()
    for name in names:
        if name not in registry:
            raise ChronikError("E201", name=name, choices=", ".join(sorted(registry)))
        if name in seen:
            raise ChronikError("E203", name=name)
        seen.add(name)
        info = registry[name]
        missing = [layer for layer in info.requires if layer not in assigned]
        if missing:
            providers = sorted(n for n, i in registry.items() if set(missing) & set(i.assigns))
            raise ChronikError("E202", name=name, missing=", ".join(missing), providers=providers)
        assigned.update(info.assigns)
        infos.append(info)
    return infos


class Pipeline:
    """``Pipeline()(document) -> Analysis``; built once, reused for many articles.

    ``options`` go to the factories that declare them (``{"ner": NerSpec}``
    for ``entities``); a value must pickle, for the workers of every engine,
    and have a ``version_key``, which enters the version when not the default.
    """

    def __init__(self, names: Sequence[str] | None = None, lang: str = "de", options: Mapping[str, Any] | None = None) -> None:
        self.names = list(names) if names is not None else default_component_names()
        self.lang = lang
        self.infos = check_order(self.names)
        self.options = {k: v for k, v in (options or {}).items() if v is not None and not getattr(v, "is_default", False)}
        self._components: list[Component] | None = None

    def _options_of(self, info: ComponentInfo) -> dict[str, Any]:
        return {name: self.options[name] for name in info.options if name in self.options}

    @property
    def version(self) -> str:
        """Changes whenever chronik or any component's output changes."""
        # A default option adds nothing: archives made before the option existed stay current.
        spec = ";".join(
            f"{i.name}={i.version}" + "".join(f"[{k}={v.version_key}]" for k, v in self._options_of(i).items())
            for i in self.infos
        )
        digest = hashlib.sha1(f"{self.lang}|{spec}".encode()).hexdigest()[:8]
        return f"{__version__}+{digest}"

    @property
    def components(self) -> list[Component]:
        # Models load lazily, once per process (or worker).
        if self._components is None:
            self._components = [info.factory(self.lang, **self._options_of(info)) for info in self.infos]
        return self._components

    def __call__(self, document: Document) -> Analysis:
        analysis = Analysis(document, self.version)
        for component in self.components:
            component(analysis)
        return analysis

    def pipe(self, documents: Iterable[Document]) -> Iterable[Analysis]:
        for document in documents:
            yield self(document)


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT
