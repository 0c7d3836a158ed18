"""The run machinery of ``partyx extract`` and ``partyx merge``: one run (:mod:`.runner`), what it
has to do (:mod:`.plan`), what runs in a worker (:mod:`.worker`) and where workers run
(:mod:`.executors`), the incremental state beside FILE (:mod:`.state`), the run summary
(:mod:`.summary`), merging shard outputs (:mod:`.merge`), the progress bar (:mod:`.progress`) and
the stages a run can use (:mod:`.available`)."""
