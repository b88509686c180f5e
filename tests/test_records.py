"""`painmap.records.record` behaves as `dataclasses.dataclass`: the same repr, ==, hash, frozen errors and
dataclass introspection, on made-up classes and on every record class of the core with real instances."""

from __future__ import annotations

import dataclasses
import inspect
import math
import pickle
import subprocess
import sys
from dataclasses import FrozenInstanceError, field

import numpy as np
import pytest

from painmap.records import record

# (module, class, frozen, eq, slots): what each class was as a dataclass
CORE_RECORDS = [
    ("atlas_model", "Region", True, False, False),
    ("atlas_model", "Landmark", True, True, False),
    ("atlas_model", "Outline", True, False, False),
    ("atlas_model", "Structure", True, False, False),
    ("atlas_model", "View", True, False, False),
    ("atlas_model", "Atlas", True, True, False),
    ("comparator_parts", "Piece", True, False, False),
    ("comparator_parts", "Layer", True, False, False),
    ("comparator_parts", "ScoreTable", True, False, False),
    ("compare_results", "PatternResult", True, True, False),
    ("compare_results", "Comparison", True, True, False),
    ("compare_results", "Scores", True, True, False),
    ("document", "Step", False, False, True),
    ("document", "Change", True, True, False),
    ("document", "_Live", False, True, False),
    ("drawing_model", "Stroke", True, True, False),
    ("drawing_model", "Fill", True, True, False),
    ("drawing_model", "Erase", True, True, False),
    ("drawing_model", "Lasso", True, True, False),
    ("drawing_model", "Drawing", False, True, False),
    ("grid", "Grid", True, True, False),
    ("grid", "DirtyRect", True, True, False),
    ("grid", "Patch", True, False, False),
    ("outside", "OutsideMarks", True, True, False),
    ("pattern_model", "TriggerPoint", True, True, False),
    ("pattern_model", "Zone", True, False, False),
    ("pattern_model", "Pattern", True, True, False),
    ("pattern_model", "PatternProblem", True, True, False),
    ("pattern_model", "PatternLibrary", True, True, False),
    ("vocabulary", "RedFlags", True, True, False),
    ("warp", "Distortion", True, True, False),
]


def _core_class(module: str, name: str):
    import importlib

    return getattr(importlib.import_module(f"painmap.{module}"), name)


def _body(decorate):
    """The same class bodies under `decorate` (dataclass or record)."""

    @decorate(frozen=True)
    class Point:
        x: float
        y: float = 0.0
        tags: list = field(default_factory=list, compare=False)
        kind: str = field(default="point", init=False)
        secret: str = field(default="s", repr=False)
        weight: float = field(default=1.0, hash=False)

    @decorate(frozen=True, eq=False)
    class Plain:
        a: int
        b: np.ndarray | None = None

    @decorate()
    class Box:
        items: list = field(default_factory=list)
        name: str = ""

    @decorate(frozen=True)
    class One:
        value: float

    @decorate(frozen=True)
    class Empty:
        pass

    @decorate(eq=False, slots=True)
    class Slotted:
        a: int
        b: list = field(default_factory=list)

    @decorate(frozen=True)
    class Own:  # its own __init__, as dataclass keeps it
        a: int
        b: str = "b"
        kind: str = field(default="own", init=False)

        def __init__(self, a: int, b: str = "b") -> None:
            object.__setattr__(self, "a", a)
            object.__setattr__(self, "b", b)

    return Point, Plain, Box, One, Empty, Slotted, Own


def _outcome(fn):
    try:
        return "ok", fn()
    except Exception as err:  # the same error type and message on both sides
        return type(err).__name__, str(err)


def _hash(obj):
    """The hash, or "identity" for an object hashed by its id (eq=False)."""
    value = hash(obj)
    return "identity" if value == object.__hash__(obj) else value


def _same_behaviour(ours, theirs, pairs) -> None:
    """`ours` and `theirs` (instances of twin classes, field for field) behave alike."""
    assert repr(ours) == repr(theirs)
    assert _outcome(lambda: _hash(ours)) == _outcome(lambda: _hash(theirs))
    for a, b in pairs:
        assert _outcome(lambda a=a, b=b: a[0] == b[0]) == _outcome(lambda a=a, b=b: a[1] == b[1])
        assert _outcome(lambda a=a, b=b: a[0] != b[0]) == _outcome(lambda a=a, b=b: a[1] != b[1])


def _params(cls) -> dict:
    p = cls.__dataclass_params__
    return {name: getattr(p, name) for name in ("init", "repr", "eq", "order", "unsafe_hash", "frozen")}


@pytest.mark.parametrize("index", range(7))
def test_a_record_class_is_its_dataclass(index):
    ours, theirs = _body(record)[index], _body(dataclasses.dataclass)[index]
    assert _params(ours) == _params(theirs)
    assert [(f.name, f.init, f.repr, f.compare, f.hash) for f in dataclasses.fields(ours)] == [
        (f.name, f.init, f.repr, f.compare, f.hash) for f in dataclasses.fields(theirs)
    ]
    assert str(inspect.signature(ours)) == str(inspect.signature(theirs))
    assert ours.__match_args__ == theirs.__match_args__
    assert (ours.__hash__ is None) == (theirs.__hash__ is None)
    for name in ("__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        if name in theirs.__dict__ and theirs.__dict__[name] is not None:
            assert ours.__dict__[name].__qualname__.replace("_body.<locals>.", "") == (
                theirs.__dict__[name].__qualname__.replace("_body.<locals>.", "")
            )


def _made(classes):
    Point, Plain, Box, One, Empty, Slotted, Own = classes
    nan = math.nan
    arr = np.arange(3)
    return [
        Point(1.0, 2.0, ["a"]),
        Point(1.0, 2.0, ["b"]),  # tags do not compare
        Point(1.0, 3.0),
        Point(nan),  # nan: equal to itself only through the tuple's identity shortcut
        Plain(1, arr),
        Plain(1, arr),
        Box([1, 2], "x"),
        Box([1, 2], "x"),
        Box([], "y"),
        One(nan),
        One(2.5),
        Empty(),
        Slotted(1),
        Slotted(1),
        Own(1),
        Own(1, "c"),
        Own(a=1, b="b"),
    ]


def test_record_instances_repr_compare_and_hash_as_dataclass_instances():
    ours, theirs = _made(_body(record)), _made(_body(dataclasses.dataclass))
    pairs = [((a, b), (c, d)) for a, c in zip(ours, theirs, strict=True) for b, d in zip(ours, theirs, strict=True)]
    for a, b in zip(ours, theirs, strict=True):
        _same_behaviour(a, b, pairs)
    assert ours[0].__eq__(1) is NotImplemented is theirs[0].__eq__(1)
    assert dataclasses.replace(ours[0], y=5.0) == ours[0].__class__(1.0, 5.0)
    assert dataclasses.asdict(ours[6]) == dataclasses.asdict(theirs[6])


def test_a_frozen_record_refuses_changes_with_dataclass_messages():
    for index in (0, -1):  # dataclass's __init__, and the class's own
        ours, theirs = _made(_body(record))[index], _made(_body(dataclasses.dataclass))[index]
        for target in (ours, theirs):
            name = dataclasses.fields(target)[0].name
            with pytest.raises(FrozenInstanceError, match=f"cannot assign to field '{name}'"):
                setattr(target, name, 3.0)
            with pytest.raises(FrozenInstanceError, match=f"cannot delete field '{name}'"):
                delattr(target, name)
            with pytest.raises(FrozenInstanceError, match="cannot assign to field 'other'"):
                target.other = 1  # a frozen class takes no new attribute either
        assert ours.__dict__ == theirs.__dict__  # a field left to its class default is not set on the instance


def test_a_subclass_of_a_frozen_record_with_its_own_init_takes_new_attributes_as_dataclass():
    ours, theirs = _body(record)[-1], _body(dataclasses.dataclass)[-1]
    for base in (ours, theirs):
        child = type("Child", (base,), {})(1)
        child.extra = 2  # not a field, not the record class itself: allowed
        with pytest.raises(FrozenInstanceError, match="cannot assign to field 'a'"):
            child.a = 2
        del child.extra
        with pytest.raises(FrozenInstanceError, match="cannot delete field 'b'"):
            del child.b


def test_an_own_init_is_refused_with_slots():
    with pytest.raises(TypeError, match="own __init__"):

        @record(frozen=True, slots=True)
        class Slotted:
            a: int

            def __init__(self, a: int) -> None:
                object.__setattr__(self, "a", a)


def test_a_recursive_record_repr_shows_dots_as_dataclass():
    for decorate in (record, dataclasses.dataclass):
        box = _body(decorate)[2]()
        box.items.append(box)
        assert repr(box) == "_body.<locals>.Box(items=[...], name='')"


def test_every_core_record_is_the_dataclass_it_was():
    for module, name, frozen, eq, slots in CORE_RECORDS:
        cls = _core_class(module, name)
        assert _params(cls) == dict(init=True, repr=True, eq=eq, order=False, unsafe_hash=False, frozen=frozen), name
        assert hasattr(cls, "__slots__") == slots, name
        assert (cls.__hash__ is None) == (eq and not frozen), name
        assert ("__eq__" in cls.__dict__) == eq, name


def _twin(cls):
    """A stock dataclass with the fields and parameters of a record class."""
    p = cls.__dataclass_params__
    flags = ("default", "default_factory", "init", "repr", "compare", "hash")
    specs = [(f.name, f.type, field(**{k: getattr(f, k) for k in flags})) for f in dataclasses.fields(cls)]
    slots = hasattr(cls, "__slots__")
    return dataclasses.make_dataclass(
        cls.__name__, specs, frozen=p.frozen, eq=p.eq, slots=slots, namespace={"__qualname__": cls.__qualname__}
    )


def _as_twin(obj, twins):
    twin = twins.setdefault(type(obj), _twin(type(obj)))
    other = object.__new__(twin)
    for f in dataclasses.fields(obj):
        object.__setattr__(other, f.name, getattr(obj, f.name))
    return other


def test_core_record_instances_repr_compare_and_hash_as_their_dataclass_twins():
    from painmap import warp
    from painmap.atlas import load_atlas
    from painmap.comparator import Comparator
    from painmap.document import DrawingDocument
    from painmap.drawing import Drawing, Erase, Fill, Lasso, Stroke
    from painmap.outside import outside_marks
    from painmap.pattern_model import PatternProblem
    from painmap.patterns import load_patterns
    from painmap.raster import PainMasks
    from painmap.vocabulary import RED_FLAGS

    atlas = load_atlas()
    library = load_patterns(atlas)
    view = atlas.views["posterior"]
    region = view.regions[0]
    marks = [
        Stroke("posterior", 12.0, 6, "aching", ((300.0, 800.0), (320.0, 820.0))),
        Stroke("posterior", 12.0, 6, "aching", ((300.0, 800.0), (320.0, 820.0))),
        Erase("posterior", 5.0, ((310.0, 810.0),)),
        Fill("posterior", region.id, 4, "aching"),
        Lasso("posterior", 3, "aching", ((300.0, 700.0), (360.0, 700.0), (330.0, 760.0))),
    ]
    drawing = Drawing(list(marks))
    masks = PainMasks.from_drawing(drawing, atlas)
    comp = Comparator(atlas, library)
    comparison = comp.compare(masks)
    doc = DrawingDocument(atlas)
    doc.begin_stroke("posterior", (300.0, 800.0), 10.0, 5)
    live = doc._live
    doc.extend_stroke((310.0, 805.0))
    change = doc.end_stroke()
    data = comp._patterns[comparison.results[0].pattern]
    patterns = list(library)
    found = [
        atlas, view, region, *view.outlines[:2], *view.structures[:2], *view.landmarks[:2],
        library, *patterns[:2], patterns[0].zones[0], patterns[0].trigger_points[0],
        PatternProblem("a.svg", "p", "broken"), PatternProblem("a.svg", "p", "broken"),
        *marks, drawing, Drawing(list(marks)), masks.grid("posterior"), masks.extent("posterior"),
        masks.take_patch(masks.extent("posterior")), comparison, *comparison.results[:3], comp.scores(masks),
        comp._layer(data, "posterior"), comp._zone_piece(data, 0), comp._score_table("posterior"),
        change, *doc.history, live, outside_marks(drawing, atlas), RED_FLAGS,
        warp.distortion(warp.Warp([(0, 0), (10, 0), (0, 10), (10, 12)], [(0, 0), (11, 0), (0, 10), (10, 10)]),
                        [(5.0, 5.0)]),
    ]  # fmt: skip
    assert {type(obj) for obj in found} == {_core_class(m, n) for m, n, *_ in CORE_RECORDS}
    twins: dict = {}
    pairs = [(a, _as_twin(a, twins)) for a in found]
    by_kind: dict = {}
    for a, b in pairs:
        by_kind.setdefault(type(a), []).append((a, b))
    for ours, theirs in pairs:
        same_kind = by_kind[type(ours)]
        _same_behaviour(ours, theirs, [((ours, o), (theirs, t)) for o, t in same_kind])
    assert pickle.loads(pickle.dumps(marks[0])) == marks[0]


def _call_outcomes(cls, args: list) -> list:
    return [_outcome(lambda a=a, k=k: dataclasses.astuple(cls(*a, **k))) for a, k in args]


def test_every_core_record_takes_the_arguments_of_dataclass_s_init():
    """Dataclass's own `__init__` or the class's (a frozen record's fields set with `object.__setattr__`)."""
    for cls in (_core_class(m, n) for m, n, *_ in CORE_RECORDS):
        _check_init(cls)


def test_the_app_s_records_take_the_arguments_of_dataclass_s_init():
    from painmap.app.library_folders import FolderCheck

    _check_init(FolderCheck)
    assert FolderCheck("f").patterns == [] and FolderCheck("f").patterns is not FolderCheck("f").patterns
    assert repr(FolderCheck("f", ["a"])) == "FolderCheck(folder='f', patterns=['a'], problems=[])"


def _check_init(cls) -> None:
    twin = _twin(cls)
    ours, theirs = inspect.signature(cls), inspect.signature(twin)
    assert str(ours.replace(return_annotation=None)) == str(theirs.replace(return_annotation=None)), cls
    assert ours.return_annotation in ("None", None) and theirs.return_annotation is None  # text or object
    assert cls.__init__.__qualname__ == twin.__init__.__qualname__
    names = [f.name for f in dataclasses.fields(cls) if f.init]
    required = [f.name for f in dataclasses.fields(cls) if f.init and f.default is dataclasses.MISSING]
    values = [f"v{i}" for i in range(len(names))]
    args = [
        (values, {}),  # every argument by position
        ([], dict(zip(names, values, strict=True))),  # by name
        (values[: len(required)], {}),  # the defaults
        (values[: len(required) - 1], {}),  # one missing
        ([*values, "extra"], {}),  # one too many
        (values[:1], {names[0]: "twice"}),  # given twice
        (values, {"unknown": 1}),
    ]
    assert _call_outcomes(cls, args) == _call_outcomes(twin, args), cls


def test_the_engine_classes_compile_no_repr_eq_or_hash_when_imported():
    code = (
        "import builtins, sys\n"
        "seen = []\n"
        "real = builtins.exec\n"
        "def spy(src, *a, **k):\n"
        "    if isinstance(src, str):\n"
        "        seen.append(src)\n"
        "    return real(src, *a, **k)\n"
        "builtins.exec = spy\n"
        "import painmap.compare, painmap.document, painmap.outside, painmap.vocabulary, painmap.warp\n"
        "builtins.exec = real\n"
        "inits = sum('def __init__(' in s for s in seen)\n"
        "others = sum(any(f'def {n}(' in s for n in ('__repr__', '__eq__', '__hash__')) for s in seen)\n"
        "frozen = sum('def __setattr__(' in s for s in seen)\n"
        "print(inits, others, frozen)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    inits, others, frozen = map(int, out)
    assert inits >= 2  # the spy sees dataclass's compiled methods (Step and _Live in document.py, warp's Distortion)
    assert others == 0
    # the classes with their own __init__ compile neither it nor their frozen checks
    assert inits <= 3
    assert frozen <= 1  # without them: 31 and 28
