"""Member or adhering communes of the territory."""

from __future__ import annotations

from pydantic import Field

from models.provenance import Grounded


class Commune(Grounded):
    name: str = Field(min_length=2)
    code: str | None = Field(default=None, description="INSEE commune code when known")


class CommuneCount(Grounded):
    """The number of communes as stated ("13 communes du territoire")."""

    value: int = Field(ge=1, le=1000)
