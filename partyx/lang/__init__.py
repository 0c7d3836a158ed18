"""Vietnamese text as partyx reads it: normalisation (:mod:`.text`), tokens (:mod:`.tokens`),
where sentences end (:mod:`.sentences`), sets of spans (:mod:`.spans`), regex building blocks
(:mod:`.patterns`) and numbers (:mod:`.numbers`). Nothing here knows about Party news;
:mod:`partyx.rules` builds the extraction knowledge on top of it."""
