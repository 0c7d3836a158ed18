"""The run machinery of ``partyx extract`` and ``partyx merge``: one run (:mod:`.runner`), the
incremental state beside FILE (:mod:`.state`), the run summary (:mod:`.summary`), shards and
merging (:mod:`.merge`), the progress bar (:mod:`.progress`) and where the stages run
(:mod:`.executors`)."""
