"""Built-in extractor stages, one module each. Every module registers its stage class with
:func:`partyx.pipeline.register` when imported; :func:`partyx.pipeline.load_stages` imports
them all."""
