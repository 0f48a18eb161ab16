"""What the pipeline extracts from one document: the unit a worker hands to the loader."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from models.communes import Commune, CommuneCount
from models.conventions import Caf, Ordinal, Period, SignatureDate, Territory
from models.documents import DocumentRecord
from models.figures import Figure
from models.objectives import Objective
from models.parties import Party
from models.themes import ThemeRecord


class Extraction(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: DocumentRecord
    territory: Territory | None = None
    territory_key: str | None = None
    caf: Caf | None = None
    period: Period | None = None
    signature_date: SignatureDate | None = None
    ordinal: Ordinal | None = None
    communes_count: CommuneCount | None = None
    parties: tuple[Party, ...] = ()
    communes: tuple[Commune, ...] = ()
    themes: tuple[ThemeRecord, ...] = ()
    objectives: tuple[Objective, ...] = ()
    figures: tuple[Figure, ...] = ()
