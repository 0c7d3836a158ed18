"""The progress bar draws done/total, rate and ETA on a terminal."""

import io

from rich.console import Console

from partyx.run.progress import ProgressBar


def test_progress_bar_shows_counts_rate_and_eta():
    buffer = io.StringIO()
    bar = ProgressBar(Console(file=buffer, force_terminal=True, width=120))
    bar.start(10)
    for _ in range(10):
        bar.advance()
    bar.stop()
    text = buffer.getvalue()
    assert "10/10" in text and "articles/s" in text and "ETA" in text
