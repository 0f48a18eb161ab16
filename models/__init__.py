"""Typed records, one module per family. No logic beyond validation."""
