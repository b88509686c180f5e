"""`record`: a dataclass whose `__repr__`, `__eq__` and `__hash__` are made without compiling any code.

`@dataclass` compiles each method it writes from source text when the class is made (~0.1 ms a method). The
engine's classes load on the way to a start's first ranking, in the worker that holds the one interpreter lock
(decision "The engine's classes are records"). `@record(...)` takes the arguments of `@dataclass` that they
use: `dataclass` still makes the fields and `__init__`; `__repr__`, `__eq__` and `__hash__` are closures over
the field names, doing what dataclass's would do (same repr text, tuple equality with its identity shortcut,
same hashes, `NotImplemented` for another class, "..." for a recursive repr). A frozen class's
`__setattr__`/`__delattr__` are dataclass's own, unless the class body writes its own `__init__` (setting the
fields with `object.__setattr__`, as a frozen dataclass's does): then they are closures too, raising
dataclass's `FrozenInstanceError`s, and nothing of the class is compiled. `fields()`, `replace()`, `asdict()`,
pickling and `__dataclass_params__` are a dataclass's.
"""

from __future__ import annotations

import dataclasses
import threading
from operator import attrgetter

__all__ = ["FACTORY", "record"]

# The default an own `__init__` gives a `default_factory` field, as dataclass's does (its sentinel: the signature
# reads "<factory>"); the body then calls the factory when it is given: `[] if marks is FACTORY else marks`.
FACTORY = dataclasses._HAS_DEFAULT_FACTORY


def record(cls=None, /, *, frozen: bool = False, eq: bool = True, slots: bool = False):
    """`@dataclass(frozen=..., eq=..., slots=...)` (repr on, no ordering), its repr, == and hash not compiled."""

    def wrap(cls):
        own_hash = cls.__dict__.get("__hash__", dataclasses.MISSING)  # dataclass's test of an explicit hash
        explicit = not (own_hash is dataclasses.MISSING or (own_hash is None and "__eq__" in cls.__dict__))
        own_init = "__init__" in cls.__dict__  # dataclass would compile its own and then keep the class's
        if own_init and (slots or "__setattr__" in cls.__dict__ or "__delattr__" in cls.__dict__):
            raise TypeError(f"{cls.__name__}: an own __init__ needs a record without slots or own __setattr__")
        made_frozen = frozen and not own_init  # else the frozen checks are closures (added below)
        made = dataclasses.dataclass(cls, init=not own_init, frozen=made_frozen, eq=False, repr=False, slots=slots)
        fields = dataclasses.fields(made)
        if frozen and own_init:
            names = tuple(f.name for f in fields)
            _add(made, "__setattr__", _frozen_setattr_fn(made, names))
            _add(made, "__delattr__", _frozen_delattr_fn(made, names))
        _add(made, "__repr__", _repr_fn(tuple(f.name for f in fields if f.repr)))
        if eq:
            _add(made, "__eq__", _eq_fn(_getter([f.name for f in fields if f.compare])))
            if frozen and not explicit:  # dataclass's rules for eq without unsafe_hash
                hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
                _add(made, "__hash__", _hash_fn(_getter(hashed)), replace=True)
            elif not frozen and not explicit:
                made.__hash__ = None
        params = made.__dataclass_params__
        params.repr, params.eq = True, eq  # what the class is: a dataclass with repr (and eq)
        params.init, params.frozen = True, frozen
        return made

    return wrap if cls is None else wrap(cls)


def _add(cls, name: str, fn, replace: bool = False) -> None:
    """Set a method the class body does not define itself (as dataclass does)."""
    if name in cls.__dict__ and not replace:
        return
    fn.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, fn)


def _getter(names: list[str]):
    """self -> the tuple of those fields (what dataclass's methods build: `(self.a,self.b,)`)."""
    if not names:
        return lambda _self: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda self: (one(self),)
    return attrgetter(*names)


def _repr_fn(names: tuple[str, ...]):
    running: set[tuple[int, int]] = set()
    get_ident = threading.get_ident

    def __repr__(self) -> str:
        key = id(self), get_ident()
        if key in running:
            return "..."
        running.add(key)
        try:
            return self.__class__.__qualname__ + f"({', '.join([f'{n}={getattr(self, n)!r}' for n in names])})"
        finally:
            running.discard(key)

    return __repr__


def _eq_fn(get):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return get(self) == get(other)
        return NotImplemented

    return __eq__


def _hash_fn(get):
    def __hash__(self) -> int:
        return hash(get(self))

    return __hash__


def _frozen_setattr_fn(cls, names: tuple[str, ...]):
    """A frozen dataclass's `__setattr__`: a field, or any name on the class itself, cannot be assigned."""
    error = dataclasses.FrozenInstanceError

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise error(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    return __setattr__


def _frozen_delattr_fn(cls, names: tuple[str, ...]):
    """A frozen dataclass's `__delattr__`."""
    error = dataclasses.FrozenInstanceError

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise error(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __delattr__
