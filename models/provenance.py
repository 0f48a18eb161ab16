"""Where an extracted value comes from. Every record family inherits from ``Grounded``."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

SNIPPET_MAX = 300


class Grounded(BaseModel):
    """A value's provenance: the document, the 1-based page, the source text and the rule."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str
    page: int = Field(ge=1)
    snippet: str = Field(min_length=1)
    rule: str = Field(min_length=1, description="name of the pattern or method that produced the value")
    bbox: tuple[float, float, float, float] | None = None

    @field_validator("snippet")
    @classmethod
    def _trim_snippet(cls, value: str) -> str:
        value = " ".join(value.split())
        if len(value) > SNIPPET_MAX:
            value = value[: SNIPPET_MAX - 1].rstrip() + "…"
        return value
