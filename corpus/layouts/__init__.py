"""Layout builders, one module per seed document (see corpus/build.py)."""
