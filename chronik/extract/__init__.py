"""Per-article extractors: each module adds one or more layers to an Analysis."""
