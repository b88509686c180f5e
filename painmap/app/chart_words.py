"""Words of the body charts that the window shows: view titles, edge labels, region and landmark names, pain
qualities. They live in the chart data (resources/atlas, painmap.chart_views, painmap.mark_vocabulary) in English;
this module only marks them for the app's catalogue, and the window shows `tr(word)` where it draws them.

tests/test_app_language.py checks that every word of every bundled chart is listed here, so a new region or
landmark is not left in English.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

__all__ = ["EDGE_LABELS", "LANDMARKS", "QUALITIES", "REGIONS", "SIDED", "STRUCTURES", "VIEW_TITLES"]

VIEW_TITLES = (QT_TR_NOOP("Back"), QT_TR_NOOP("Front"), QT_TR_NOOP("Right side"), QT_TR_NOOP("Left side"))
# The letters and words at the chart's edges: the person's left and right, back and front.
EDGE_LABELS = (QT_TR_NOOP("L"), QT_TR_NOOP("R"), QT_TR_NOOP("Back"), QT_TR_NOOP("Front"))
# How a pain feels (painmap.mark_vocabulary.QUALITIES, the brush bar's list).
QUALITIES = (
    QT_TR_NOOP("aching"),
    QT_TR_NOOP("burning"),
    QT_TR_NOOP("stabbing"),
    QT_TR_NOOP("tingling"),
    QT_TR_NOOP("numbness"),
    QT_TR_NOOP("throbbing"),
    QT_TR_NOOP("cramping"),
    QT_TR_NOOP("shooting"),
    QT_TR_NOOP("dull"),
    QT_TR_NOOP("sharp"),
)
# Body regions (the status bar names the one under the pointer).
REGIONS = (
    QT_TR_NOOP("head and neck"),
    QT_TR_NOOP("left ankle and foot"),
    QT_TR_NOOP("left arm"),
    QT_TR_NOOP("left arm (folded over the chest)"),
    QT_TR_NOOP("left belly"),
    QT_TR_NOOP("left buttock"),
    QT_TR_NOOP("left chest"),
    QT_TR_NOOP("left flank"),
    QT_TR_NOOP("left front of the hip"),
    QT_TR_NOOP("left front of the iliac crest (ASIS)"),
    QT_TR_NOOP("left front of the knee"),
    QT_TR_NOOP("left front of the thigh"),
    QT_TR_NOOP("left groin"),
    QT_TR_NOOP("left hip point (greater trochanter)"),
    QT_TR_NOOP("left iliac crest"),
    QT_TR_NOOP("left knee"),
    QT_TR_NOOP("left lower back"),
    QT_TR_NOOP("left lower leg"),
    QT_TR_NOOP("left lower thigh"),
    QT_TR_NOOP("left sacroiliac joint"),
    QT_TR_NOOP("left shin"),
    QT_TR_NOOP("left shoulder (the arm is left out of the side view)"),
    QT_TR_NOOP("left side of the chest"),
    QT_TR_NOOP("left side of the hip"),
    QT_TR_NOOP("left upper back"),
    QT_TR_NOOP("left upper thigh"),
    QT_TR_NOOP("lower spine"),
    QT_TR_NOOP("pubic area"),
    QT_TR_NOOP("right ankle and foot"),
    QT_TR_NOOP("right arm"),
    QT_TR_NOOP("right arm (folded over the chest)"),
    QT_TR_NOOP("right belly"),
    QT_TR_NOOP("right buttock"),
    QT_TR_NOOP("right chest"),
    QT_TR_NOOP("right flank"),
    QT_TR_NOOP("right front of the hip"),
    QT_TR_NOOP("right front of the iliac crest (ASIS)"),
    QT_TR_NOOP("right front of the knee"),
    QT_TR_NOOP("right front of the thigh"),
    QT_TR_NOOP("right groin"),
    QT_TR_NOOP("right hip point (greater trochanter)"),
    QT_TR_NOOP("right iliac crest"),
    QT_TR_NOOP("right knee"),
    QT_TR_NOOP("right lower back"),
    QT_TR_NOOP("right lower leg"),
    QT_TR_NOOP("right lower thigh"),
    QT_TR_NOOP("right sacroiliac joint"),
    QT_TR_NOOP("right shin"),
    QT_TR_NOOP("right shoulder (the arm is left out of the side view)"),
    QT_TR_NOOP("right side of the chest"),
    QT_TR_NOOP("right side of the hip"),
    QT_TR_NOOP("right upper back"),
    QT_TR_NOOP("right upper thigh"),
    QT_TR_NOOP("sacrum"),
    QT_TR_NOOP("tailbone (coccyx)"),
)
# Bony landmarks (View ▸ Landmark labels).
LANDMARKS = (
    QT_TR_NOOP("ASIS"),
    QT_TR_NOOP("Coccyx"),
    QT_TR_NOOP("Greater trochanter"),
    QT_TR_NOOP("Iliac crest summit"),
    QT_TR_NOOP("Ischial tuberosity"),
    QT_TR_NOOP("L1"),
    QT_TR_NOOP("L2"),
    QT_TR_NOOP("L3"),
    QT_TR_NOOP("L4"),
    QT_TR_NOOP("L5"),
    QT_TR_NOOP("Lateral femoral condyle"),
    QT_TR_NOOP("Lateral malleolus"),
    QT_TR_NOOP("PSIS"),
    QT_TR_NOOP("Patella"),
    QT_TR_NOOP("Pubic symphysis"),
    QT_TR_NOOP("SI joint"),
)
# The bones and muscles of chart 2 (hover names them: "Gluteus medius (right)"); L1-L5 read the same in every
# language.
STRUCTURES = (
    QT_TR_NOOP("Adductor brevis"),
    QT_TR_NOOP("Adductor longus"),
    QT_TR_NOOP("Adductor magnus"),
    QT_TR_NOOP("Biceps femoris long head"),
    QT_TR_NOOP("Biceps femoris short head"),
    QT_TR_NOOP("Coccyx"),
    QT_TR_NOOP("Femur"),
    QT_TR_NOOP("Fibula"),
    QT_TR_NOOP("Gemellus inferior"),
    QT_TR_NOOP("Gemellus superior"),
    QT_TR_NOOP("Gluteus maximus"),
    QT_TR_NOOP("Gluteus medius"),
    QT_TR_NOOP("Gluteus minimus"),
    QT_TR_NOOP("Gracilis"),
    QT_TR_NOOP("Iliacus"),
    QT_TR_NOOP("Ilium"),
    QT_TR_NOOP("Ischium"),
    QT_TR_NOOP("Obturator externus"),
    QT_TR_NOOP("Obturator internus"),
    QT_TR_NOOP("Patella"),
    QT_TR_NOOP("Pectineus"),
    QT_TR_NOOP("Piriformis"),
    QT_TR_NOOP("Psoas major"),
    QT_TR_NOOP("Pubis"),
    QT_TR_NOOP("Quadratus femoris"),
    QT_TR_NOOP("Quadratus lumborum"),
    QT_TR_NOOP("Rectus femoris"),
    QT_TR_NOOP("Sacrum"),
    QT_TR_NOOP("Sartorius"),
    QT_TR_NOOP("Semimembranosus"),
    QT_TR_NOOP("Semitendinosus"),
    QT_TR_NOOP("Tensor fasciae latae"),
    QT_TR_NOOP("Tibia"),
    QT_TR_NOOP("Vastus intermedius"),
    QT_TR_NOOP("Vastus lateralis"),
    QT_TR_NOOP("Vastus medialis"),
)
# A paired structure's side, after its name.
SIDED = {"right": QT_TR_NOOP("{name} (right)"), "left": QT_TR_NOOP("{name} (left)")}
