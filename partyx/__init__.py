"""partyx: structured records from Vietnamese political news articles.

The public surface is small: :class:`partyx.record.Article` (the record that flows through
the pipeline), :mod:`partyx.pipeline` (stages, registry, graph check) and the ``partyx`` CLI.
"""

__version__ = "0.1.0"
SCHEMA = "partyx/1"

__all__ = ["SCHEMA", "__version__"]
