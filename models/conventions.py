"""Facts about the convention itself (territory, Caf, period, dates), per document, and the
consolidated ``Convention`` that groups the documents of one CTG."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from models.provenance import Grounded


class TerritoryType(StrEnum):
    COMMUNE = "commune"
    EPCI = "epci"
    DEPARTEMENT = "departement"
    MULTI_COMMUNES = "multi_communes"


class Period(Grounded):
    """The years the CTG covers, both inclusive (``2022-2026``). A text may state one end only
    ("jusqu'en 2027"): the other stays None, never both."""

    start: int | None = Field(ge=1990, le=2100)
    end: int | None = Field(ge=1990, le=2100)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start is None and self.end is None:
            raise ValueError("a period needs at least one of its years")
        if self.start is not None and self.end is not None and not (1 <= self.end - self.start <= 10):
            raise ValueError(f"implausible CTG period {self.start}-{self.end}")
        return self


class Territory(Grounded):
    """The collectivity that signs the CTG with the Caf."""

    name: str = Field(min_length=2)
    type: TerritoryType | None = Field(description="None when the text names the place without its kind")
    code: str | None = Field(default=None, description="INSEE commune code or EPCI SIREN, from the reference")


class Caf(Grounded):
    """The Caisse d'allocations familiales party, with its department when stated."""

    name: str
    department: str | None = None
    department_code: str | None = None


class SignatureDate(Grounded):
    value: date


class Ordinal(Grounded):
    """Rank of this CTG for the territory (2 for "la 2ème CTG")."""

    value: int = Field(ge=1, le=20)


class Convention(BaseModel):
    """One CTG: a territory and a period, consolidated over all its documents."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    convention_id: str
    territory_key: str | None
    territory_name: str | None
    territory_type: TerritoryType | None
    territory_code: str | None = None
    caf_name: str | None = None
    caf_department: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    signature_date: date | None = None
    ordinal: int | None = None
    n_documents: int = 0
