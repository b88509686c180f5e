"""matplotlib figures, one module per figure; `painmap.report` is the public entry point.

Nothing here imports matplotlib at module import time: each function imports it when it draws.
"""
