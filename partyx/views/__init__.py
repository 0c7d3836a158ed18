"""The corpus views: what an analyst reads across a records file.

Every view reads the JSONL records written by ``partyx extract`` (the contract in SPEC.md) and
nothing else: never a run's state. Each one streams: it folds one record at a time into
aggregates keyed by person, document, organisation or month, so memory grows with the number of
distinct keys, not with the number of records.

- :mod:`partyx.views.base`: what a view is, and a records file folded into one (read by
  :func:`partyx.io.read_records`: bad lines named and skipped);
- :mod:`partyx.views.records`: the keys that make one person, organisation or document one row
  however it is written, and safe access to a record's fields;
- :mod:`partyx.views.people`, :mod:`~partyx.views.documents`, :mod:`~partyx.views.membership`,
  :mod:`~partyx.views.events`: the named views of ``partyx stats``;
- :mod:`partyx.views.render`: one view result printed as a table, JSON, CSV or Markdown;
- :mod:`partyx.views.tables`: the records as normalised relational rows, and
  :mod:`partyx.views.export` writing them to SQLite, CSV or Parquet;
- :mod:`partyx.views.summary`: the corpus summary (``partyx stats``), and
  :mod:`partyx.views.report` the self-contained HTML report page built on it.
"""

from __future__ import annotations

VIEWS = ("people", "documents", "membership", "events")
