"""Organisations party to the CTG and the persons who sign or represent them."""

from __future__ import annotations

from enum import StrEnum

from models.provenance import Grounded


class OrgKind(StrEnum):
    CAF = "caf"
    EPCI = "epci"
    COMMUNE = "commune"
    DEPARTEMENT = "departement"
    MSA = "msa"
    ETAT = "etat"
    OTHER = "other"


class Party(Grounded):
    org_name: str | None = None
    org_kind: OrgKind
    person_name: str | None = None
    person_role: str | None = None
    is_signatory: bool = False
