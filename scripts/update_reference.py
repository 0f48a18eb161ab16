"""Refresh the reference data of French communes and EPCI in extract/resources/reference/.

Source: the npm package @etalab/decoupage-administratif (data: INSEE's Code officiel géographique
and the DGCL's BANATIC, Licence Ouverte 2.0), fetched from the npm registry:

    .venv/bin/python scripts/update_reference.py [--version 6.0.0]

Writes two small gzipped TSV files (committed), so that ctg needs no network at run time:
- communes.tsv.gz: code, name, departement, type (actuelle / deleguee / associee), population;
- epci.tsv.gz: siren, name, type (CC, CA, CU, METRO, EPT), member commune codes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import tarfile
import urllib.request
from pathlib import Path

PACKAGE = "@etalab/decoupage-administratif"
OUT = Path(__file__).resolve().parent.parent / "extract" / "resources" / "reference"
COMMUNE_TYPES = {"commune-actuelle": "actuelle", "commune-deleguee": "deleguee", "commune-associee": "associee"}


def fetch(version: str) -> dict[str, list]:
    url = f"https://registry.npmjs.org/{PACKAGE}/-/decoupage-administratif-{version}.tgz"
    with urllib.request.urlopen(url, timeout=60) as response:
        archive = tarfile.open(fileobj=io.BytesIO(response.read()), mode="r:gz")
    data = {}
    for name in ("communes", "epci", "ept"):
        member = archive.extractfile(f"package/data/{name}.json")
        data[name] = json.load(member)
    return data


def write_tsv(path: Path, rows: list[list[str]]) -> None:
    text = "".join("\t".join(row) + "\n" for row in rows)
    # mtime=0: the same data gives the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="6.0.0")
    args = parser.parse_args()
    data = fetch(args.version)
    OUT.mkdir(parents=True, exist_ok=True)
    communes = [[c["code"], c["nom"], c.get("departement", ""), COMMUNE_TYPES[c["type"]], str(c.get("population", ""))]
                for c in data["communes"] if c["type"] in COMMUNE_TYPES]
    write_tsv(OUT / "communes.tsv.gz", sorted(communes))
    epci = [[e["code"], e["nom"], e["type"], " ".join(m["code"] for m in e["membres"])] for e in data["epci"]]
    epci += [[e["code"], e["nom"], "EPT", " ".join(m["code"] for m in e["membres"])] for e in data["ept"]]
    write_tsv(OUT / "epci.tsv.gz", sorted(epci))
    (OUT / "SOURCE").write_text(f"{PACKAGE}@{args.version} (npm registry); data: INSEE COG and DGCL BANATIC, "
                                "Licence Ouverte 2.0\n", encoding="utf-8")
    print(f"{len(communes)} communes, {len(epci)} EPCI/EPT -> {OUT}")


if __name__ == "__main__":
    main()
