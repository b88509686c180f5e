"""The core's languages: the Spanish catalogue is complete, `render --lang es` writes a Spanish report and sheet
whose words never overlap, the command line's own output stays English, and pattern texts fall back to English."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from cli_helpers import assert_one_line_error, run_cli
from pdf_words import overlaps, words

from painmap import i18n, vocabulary
from painmap.errors import PatternError
from painmap.pattern_texts import localized
from painmap.patterns import load_pattern, load_patterns
from painmap.resources import resource_path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "right-hip-ache.painmap.json"
CORE_TS = resource_path("translations", "painmap_core_es.ts")
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def _messages(ts: Path) -> dict[str, str]:
    """source -> translation of a .ts file; unfinished ones map to ''."""
    out = {}
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        done = translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete")
        out[message.findtext("source")] = (translation.text or "") if done else ""
    return out


@pytest.fixture
def spanish():
    """The core speaks Spanish for the test, English again after it."""
    with i18n.speaking("es") as used:
        assert used == "es", "the Spanish core catalogue (painmap_core_es.qm) did not load"
        yield


def test_every_core_message_is_translated_with_the_same_placeholders():
    messages = _messages(CORE_TS)
    assert len(messages) > 250
    assert [s for s, t in messages.items() if not t.strip()] == []
    field = re.compile(r"\{[a-z_]*\}")
    for source, translation in messages.items():
        assert sorted(field.findall(source)) == sorted(field.findall(translation)), source
        assert source.endswith(" ") == translation.endswith(" "), source  # pieces joined by spaces


def test_the_catalogue_holds_every_text_of_the_core_sources(tmp_path):
    """Extract the core's texts again (the sources of tools/translations.py's core part) and compare."""
    files = sorted([*ROOT.glob("painmap/*.py"), *ROOT.glob("painmap/figures/*.py"), *ROOT.glob("painmap/commands/*.py"),
                    ROOT / "painmap" / "app" / "texts.py"])  # fmt: skip
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *map(str, files), "-ts", str(fresh), "-locations", "none", "-silent"], check=True)
    assert set(_messages(fresh)) - set(_messages(CORE_TS)) == set()


def test_vocabulary_speaks_spanish_and_english_again_after(spanish):
    assert vocabulary.how_alike(0.28) == "Parecido 28 %"
    assert vocabulary.notice().startswith("No es un diagnóstico. Esto compara")
    assert vocabulary.red_flags().title == "Cuándo buscar ayuda médica ya"
    assert dict(vocabulary.glossary_terms(["PSIS"]))["EIPS"].startswith("espina ilíaca posterosuperior")
    assert vocabulary.outside_text(3) == "3 trazos quedan fuera del mapa del cuerpo y no se cuentan."
    assert vocabulary.NOTICE_TITLE == "Not a diagnosis"  # the constants stay English (the command line uses them)
    assert i18n.decimal(12.25, 1) in ("12,2", "12,3") and i18n.month_name(11) == "noviembre"


def test_the_language_is_english_again_after_a_block():
    with i18n.speaking("es"):
        pass
    assert i18n.language() == "en" and vocabulary.how_alike(0.5) == "How alike 50 %"


@needs_pdftotext
def test_spanish_report_has_spanish_words_no_english_vocabulary_and_no_overlaps(tmp_path):
    out = tmp_path / "informe.pdf"
    done = run_cli("render", EXAMPLE, "-o", out, "--lang", "es")
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("painmap: wrote")  # the command's own message stays English
    assert i18n.language() == "en"  # reset after the command
    found = words(out)
    text = " ".join(w.text for w in found)
    messages = _messages(CORE_TS)
    for english in ("Not a diagnosis", "How alike", "Main pain area covered", "When to get medical help now",
                    "Words on the chart", "For clinicians", "Essential coverage", "Pain drawing report"):  # fmt: skip
        assert messages[english] in text, english
    for spanish in ("Glúteo medio", "Tuberosidad isquiática", "Sobre este dibujo", "de noviembre de 2026"):
        assert spanish in text, spanish
    left = [m for m in vocabulary_sentences() if m in text]
    assert left == []  # no English sentence of the shared vocabulary is left
    assert overlaps(found) == []
    assert all(w.y1 < 842 - 20 for w in found)  # nothing runs off the page
    page2 = [w for w in found if w.page == 2]
    footer = min(w.y0 for w in page2 if w.text == "Página")
    notice_end = max(w.y1 for w in page2 if w.text == "explorarte.")
    assert footer - notice_end > 8  # points: the longer notice keeps clear of the footer


def vocabulary_sentences() -> list[str]:
    """The vocabulary's English texts of three words or more whose Spanish differs (short ones like 'L4' or
    'Dice' are the same in both)."""
    messages = _messages(CORE_TS)
    texts = [vocabulary.NOTICE, vocabulary.REPEAT_OVERLAP, vocabulary.NO_MATCH, vocabulary.NOTHING_SHADED]
    texts += [label for pair in vocabulary.METRIC_LABELS.values() for label in pair]
    texts += list(vocabulary.METRIC_DEFINITIONS.values()) + list(vocabulary.GLOSSARY.values())
    flags = vocabulary.RED_FLAGS
    texts += [flags.title, flags.intro, flags.same_day, flags.soon, *flags.same_day_signs, *flags.soon_signs]
    return [t for t in texts if len(t.split()) >= 3 and messages.get(t, t) != t]


@needs_pdftotext
@pytest.mark.parametrize("pattern", ["gluteus-medius", "quadratus-lumborum"])
def test_spanish_pattern_sheet_has_its_texts_and_no_overlaps(pattern, tmp_path):
    out = tmp_path / f"{pattern}.pdf"
    done = run_cli("render", "--pattern", pattern, "-o", out, "--lang", "es")
    assert done.returncode == 0, done.stderr
    found = words(out)
    text = " ".join(w.text for w in found)
    assert "Patrón de dolor referido" in text and "Puntos gatillo" in text and "PG1" in text
    assert "Trigger points" not in text and "Aggravated by" not in text
    assert overlaps(found) == []


def test_unknown_language_is_one_line_and_nothing_written(tmp_path):
    out = tmp_path / "x.pdf"
    done = run_cli("render", EXAMPLE, "-o", out, "--lang", "xx")
    assert_one_line_error(done)
    assert "--lang must be one of en, es" in done.stderr and not out.exists()


def test_command_line_text_stays_english_under_a_spanish_locale():
    env = {**os.environ, "LANG": "es_ES.UTF-8", "LC_ALL": "es_ES.UTF-8", "LANGUAGE": "es"}
    done = subprocess.run([sys.executable, "-m", "painmap", "compare", str(EXAMPLE)], capture_output=True, text=True,
                          env=env, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "How alike" in done.stdout and "Not a diagnosis" in done.stdout and "For clinicians:" in done.stdout
    assert "Parecido" not in done.stdout and "diagnóstico" not in done.stdout


# --- pattern texts ------------------------------------------------------------------------------------------------


def test_every_bundled_pattern_has_spanish_patient_texts(atlas):
    for pattern in load_patterns(atlas):
        table = pattern.texts["es"]
        assert table["name"] and table["summary"] != pattern.summary, pattern.id  # "Iliopsoas" is Spanish too
        for key in ("action", "innervation", "aggravating", "perpetuating", "examination", "differentials",
                    "self_care", "notes"):  # fmt: skip
            if getattr(pattern, key):
                assert key in table, (pattern.id, key)
        spanish = localized(pattern, "es")
        assert all(tp.label.startswith("PG") for tp in spanish.trigger_points), pattern.id
        assert spanish.sources == pattern.sources and spanish.zones == pattern.zones


def _copy(tmp_path: Path, pattern_id: str = "piriformis") -> Path:
    folder = tmp_path / pattern_id
    shutil.copytree(resource_path("patterns", pattern_id), folder)
    return folder


def _edit(folder: Path, old: str, new: str) -> None:
    toml = folder / "pattern.toml"
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_missing_translation_falls_back_to_english(atlas, tmp_path):
    folder = _copy(tmp_path)
    _edit(folder, 'name = "Piriforme"\n', "")
    _edit(folder, '[texts.es.trigger_points.trp2]\nlabel = "PG2 (medial)"\n', "[texts.es.trigger_points.trp2]\n")
    pattern = load_pattern(folder, atlas)
    spanish = localized(pattern, "es")
    assert spanish.name == "Piriformis"  # English: not translated
    assert spanish.summary.startswith("Dolor sobre la zona")
    assert [tp.label for tp in spanish.trigger_points] == ["PG1 (lateral)", "TrP2 (medial)"]
    assert localized(pattern, "fr") is pattern and localized(pattern, "en") is pattern


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("[texts.es]\n", "[texts.ES]\n", "[texts.ES]: 'ES' is not a language code"),
        ('name = "Piriforme"', 'nmae = "Piriforme"', "[texts.es]: unknown field 'nmae'"),
        ('  "Estar sentado, sobre todo mucho rato.",\n', "", "[texts.es] aggravating has 1 items, the English one 2"),
        ("[texts.es.trigger_points.trp2]", "[texts.es.trigger_points.trp9]", "trigger point 'trp9' has no"),
        ('name = "Piriforme"', 'name = ""', "[texts.es] name must be non-empty text"),
    ],
)
def test_bad_translations_are_refused_with_one_message(atlas, tmp_path, old, new, message):
    folder = _copy(tmp_path)
    _edit(folder, old, new)
    with pytest.raises(PatternError) as err:
        load_pattern(folder, atlas)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_pattern_json_stays_english():
    done = run_cli("patterns", "piriformis", "--format", "json")
    assert done.returncode == 0
    item = json.loads(done.stdout)["patterns"][0]
    assert item["name"] == "Piriformis" and item["innervation"] == "Nerve to piriformis (S1–S2)"


def test_the_app_info_page_shows_the_pattern_in_the_window_language(qapp, atlas):
    from painmap.app import texts
    from painmap.app.i18n import install_language

    pattern = load_patterns(atlas).get("gluteus-medius")
    try:
        assert install_language("es") == "es"
        page = texts.pattern_html(pattern)
        assert "Glúteo medio" in page and "Qué suele empeorarlo" in page and "Caminar." in page
        assert "Salom-Moreno" in page  # sources as published
        assert "Sobre esta comparación" in texts.about_html()
    finally:
        install_language("en")
    assert "Gluteus medius" in texts.pattern_html(pattern) and i18n.language() == "en"


def test_spanish_slide_legend_stays_on_the_slide(spanish):
    from painmap.atlas import load_atlas
    from painmap.figures.page import figure_style
    from painmap.figures.slide import build_pattern_slide

    atlas = load_atlas(body="male", chart=2)
    with figure_style():
        figure = build_pattern_slide(atlas, load_patterns(atlas).get("tensor-fasciae-latae"))
        renderer = figure.canvas.get_renderer()
        (legend,) = figure.legends
        box = legend.get_window_extent(renderer)
        assert "tensor de la fascia lata (el músculo)" in [t.get_text() for t in legend.get_texts()]
        assert box.x0 >= 0 and box.x1 <= figure.get_figwidth() * figure.dpi


@needs_pdftotext
def test_spanish_letter_report_with_two_views_and_a_long_note_fits(tmp_path):
    """Letter is 0.69 in shorter than A4; page 2 of a two-view drawing used to run into its footer."""
    note = " ".join(["El dolor baja de la zona lumbar a la nalga y a veces a la cara de fuera del muslo."] * 12)
    marks = [
        {"type": "stroke", "view": "posterior", "radius": 14.0, "intensity": 7, "quality": "aching",
         "points": [[364.0, 800.0], [384.0, 774.0], [408.0, 754.0], [432.0, 742.0]]},
        {"type": "stroke", "view": "lateral", "radius": 20.0, "intensity": 4, "quality": "burning",
         "points": [[205.0, 790.0], [240.0, 800.0], [255.0, 840.0]]},
    ]  # fmt: skip
    path = tmp_path / "largo.painmap.json"
    doc = {"format": "painmap-drawing", "version": 1, "created": "2026-11-23T10:00:00Z", "meta": {"note": note},
           "marks": marks}  # fmt: skip
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "largo.pdf"
    assert run_cli("render", path, "-o", out, "--lang", "es", "--paper", "letter").returncode == 0
    found = words(out)
    assert overlaps(found) == []
    assert all(w.y1 < 792 - 20 for w in found)  # letter: 792 pt tall
