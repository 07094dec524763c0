"""mekraid-site: a static-site generator for incident timelines."""

__version__ = "0.1.0"
