"""painmap.structures: which bone or muscle is under a point (chart 2), and a pattern's own muscle."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from painmap import geometry
from painmap.atlas import load_atlas
from painmap.atlas_model import Structure
from painmap.structures import StructureIndex, display_name, pattern_structure_ids, structure_index


@pytest.fixture(scope="module")
def female():
    return load_atlas(body="female", chart=2)


def _reference(view, x: float, y: float, kinds=("muscle", "bone")) -> set[str]:
    """The slow answer: every structure whose outer ring holds the point and none of whose holes does."""
    return {
        s.id
        for s in view.structures
        if s.kind in kinds
        and geometry.contains(s.polygon, [(x, y)])[0]
        and not any(geometry.contains(h, [(x, y)])[0] for h in s.holes)
    }


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["posterior", "anterior", "lateral", "lateral-left"]), st.floats(0, 1), st.floats(0.3, 0.8))
def test_the_index_agrees_with_point_in_polygon(female, view_id, fx, fy):
    view = female.view(view_id)
    x, y = fx * view.width, fy * view.height
    assert {s.id for s in structure_index(view).at(x, y)} == _reference(view, x, y)


def test_kinds_filter_and_topmost_first(female):
    view = female.view("posterior")
    index = structure_index(view)
    order = {id(s): i for i, s in enumerate(view.structures)}
    overlaps = 0
    rng = np.random.default_rng(3)
    for x, y in rng.uniform([300, 560], [700, 1000], size=(400, 2)):
        found = index.at(x, y)
        assert all(s.kind == "bone" for s in index.at(x, y, ("bone",)))
        assert {s.id for s in index.at(x, y, ())} == set()
        if len(found) > 1:
            overlaps += 1
            assert order[id(found[0])] > order[id(found[1])]  # drawn later = on top = named first
    assert overlaps > 0  # the translucent gluteus maximus lets the muscles under it be seen (and named)


def test_a_hole_is_not_the_structure():
    square = np.array([[0, 0], [10, 0], [10, 10], [0, 10]], float)
    hole = np.array([[4, 4], [6, 4], [6, 6], [4, 6]], float)

    class View:
        structures = (Structure("bone-test-midline", "bone", "midline", square, (hole,), "test bone"),)

    index = StructureIndex(View())
    assert [s.id for s in index.at(2, 2)] == ["bone-test-midline"]
    assert index.at(5, 5) == []
    assert index.at(20, 5) == [] and index.at(float("nan"), 1) == []


def test_names_read_as_people_say_them(female):
    by_id = {s.id: s for s in female.view("posterior").structures}
    assert display_name(by_id["muscle-gluteus-medius-right"]) == "Gluteus medius (right)"
    assert display_name(by_id["bone-femur-left"]) == "Femur (left)"


def test_a_patterns_own_muscle(female):
    post, front, left = female.view("posterior"), female.view("anterior"), female.view("lateral-left")
    assert pattern_structure_ids(post, "gluteus-medius") == ("muscle-gluteus-medius-right",)
    assert set(pattern_structure_ids(post, "piriformis", "both")) == {
        "muscle-piriformis-right",
        "muscle-piriformis-left",
    }
    assert pattern_structure_ids(left, "gluteus-medius", "right") == ()  # the left side view shows the left side
    assert pattern_structure_ids(left, "gluteus-medius", "left") == ("muscle-gluteus-medius-left",)
    assert set(pattern_structure_ids(front, "iliopsoas")) == {"muscle-iliacus-right", "muscle-psoas-major-right"}
    assert pattern_structure_ids(post, "sacroiliac-joint") == ()  # a joint has no muscle
    assert pattern_structure_ids(load_atlas(body="male", chart=1).view("posterior"), "gluteus-medius") == ()
