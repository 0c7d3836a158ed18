"""The extraction knowledge of the genre: how headlines, bylines, places, organisations, posts,
people, dates, documents, congresses, membership figures and events are written. Plain
functions and classes over text, with no pipeline in them; :mod:`partyx.stages` adapts them."""
