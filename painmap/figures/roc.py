"""ROC curves of `painmap evaluate -o ROC.png`: one one-vs-rest curve per label, its AUC in the legend."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from painmap import __version__
from painmap.figures.page import figure_style, new_figure, save_figure

if TYPE_CHECKING:
    from painmap.evaluate import Evaluation


def render_roc(ev: Evaluation, path: str | os.PathLike) -> Path:
    """Write the ROC plot (PNG, PDF or SVG by extension) atomically."""
    import numpy as np

    with figure_style():
        figure = new_figure((5.2, 5.0))
        ax = figure.add_axes((0.13, 0.12, 0.82, 0.76))
        auc = ev.auc()
        for label in ev.labels:
            fpr, tpr = ev.roc(label)
            value = auc[label]
            text = "n/a" if np.isnan(value) else f"{value:.3f}"
            ax.plot(fpr, tpr, linewidth=1.4, label=f"{label} (AUC {text})")
        ax.plot([0, 1], [0, 1], color="#999999", linewidth=0.8, linestyle="--", label="chance")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.01)
        ax.set_xlabel("false-positive rate (1 − specificity)")
        ax.set_ylabel("true-positive rate (sensitivity)")
        ax.legend(loc="lower right", fontsize=7.5, frameon=False)
        method = "leave-one-out templates" if ev.method == "leave-one-out" else "stored patterns"
        figure.text(
            0.13, 0.95, f"ROC, one label vs the rest · {len(ev.truth)} drawings", fontsize=11, fontweight="bold"
        )
        figure.text(0.13, 0.915, f"{method}; accuracy {ev.accuracy:.1%}", fontsize=8, color="#444444")
        figure.text(0.98, 0.01, f"painmap {__version__}", fontsize=6.5, color="#777777", ha="right")
        return save_figure(figure, path, dpi=150, metadata={"Title": "ROC curves"})
