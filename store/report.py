"""A self-contained HTML report comparing territories and periods: inline CSS and SVG charts,
no scripts, no external files, so it can be mailed or archived as is."""

from __future__ import annotations

import html
from collections import Counter, defaultdict

import duckdb

THEME_NAMES = {
    "petite_enfance": "Petite enfance", "enfance": "Enfance", "jeunesse": "Jeunesse", "parentalite": "Parentalité",
    "animation_vie_sociale": "Animation de la vie sociale", "acces_aux_droits": "Accès aux droits",
    "inclusion_numerique": "Inclusion numérique", "logement": "Logement", "handicap": "Handicap",
    "accompagnement_social": "Accompagnement social", "autre": "Autre",
}
STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2733;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:2px solid #d8e1ea;padding-bottom:.3rem}
h3{margin:1.6rem 0 .4rem}table{border-collapse:collapse;width:100%;font-size:.88rem;margin:.6rem 0}
th,td{border-bottom:1px solid #e3e8ee;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f6f9}.num{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:#6b7785;font-size:.85rem}.pill{display:inline-block;background:#e8f0f8;border-radius:1rem;
padding:.05rem .55rem;margin:.1rem;font-size:.8rem}.cards{display:flex;gap:1rem;flex-wrap:wrap}
.card{background:#f6f9fc;border-radius:.5rem;padding:.8rem 1.1rem;min-width:9rem}.card b{font-size:1.5rem;display:block}
svg text{font-size:11px;fill:#33404d}
"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _bar_chart(counts: list[tuple[str, int]], width: int = 640, bar: int = 22) -> str:
    """Horizontal bars, one per (label, count)."""
    if not counts:
        return '<p class="muted">Nothing to chart yet.</p>'
    top = max(c for _, c in counts) or 1
    label_width, height = 210, bar * len(counts) + 10
    parts = [f'<svg width="{width}" height="{height}" role="img">']
    for i, (label, count) in enumerate(counts):
        y = 5 + i * bar
        length = (width - label_width - 40) * count / top
        parts.append(f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{_e(label)}</text>'
                     f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{bar - 7}" fill="#3b7dd8"/>'
                     f'<text x="{label_width + length + 4:.1f}" y="{y + 15}">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _timeline(rows: list[tuple[str, int, int]], width: int = 900) -> str:
    """One line per territory, one bar per CTG period: successive CTGs side by side."""
    if not rows:
        return '<p class="muted">No convention with a known period yet.</p>'
    by_territory: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for name, start, end in rows:
        by_territory[name].append((start, end))
    first = min(s for _, s, _ in rows)
    last = max(e for _, _, e in rows) + 1
    label_width, line = 280, 24
    scale = (width - label_width - 20) / max(last - first, 1)
    height = line * len(by_territory) + 30
    parts = [f'<svg width="{width}" height="{height}" role="img">']
    for year in range(first, last + 1):
        x = label_width + (year - first) * scale
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 20}" stroke="#e3e8ee"/>'
                     f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle">{year}</text>')
    for i, (name, periods) in enumerate(sorted(by_territory.items())):
        y = 4 + i * line
        short = name if len(name) <= 40 else name[:39] + "…"
        parts.append(f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end"><title>{_e(name)}</title>'
                     f'{_e(short)}</text>')
        for n, (start, end) in enumerate(sorted(periods)):
            x0 = label_width + (start - first) * scale
            x1 = label_width + (end + 1 - first) * scale
            colour = ("#3b7dd8", "#e08a2e", "#3aa569")[n % 3]
            parts.append(f'<rect x="{x0:.1f}" y="{y + 3}" width="{x1 - x0 - 2:.1f}" height="{line - 8}" rx="3" '
                         f'fill="{colour}"><title>{start}-{end}</title></rect>')
    parts.append("</svg>")
    return "".join(parts)


def _table(headers: list[str], rows: list[list], numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f'<td class="num">{_e(c)}</td>' if i in numeric else f"<td>{_e(c)}</td>"
                                    for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _fmt(value: float, unit: str) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", " ") if value % 1 else f"{int(value):,}".replace(",", " ")
    return f"{text} €" if unit == "EUR" else f"{text} %" if unit == "%" else f"{text} {unit}"


def build_report(con: duckdb.DuckDBPyConnection) -> str:
    q = lambda sql, params=(): con.execute(sql, list(params)).fetchall()  # noqa: E731
    documents = q("SELECT status, kind, count(*), sum(n_pages), sum(n_pages_ocr) FROM documents GROUP BY ALL")
    conventions = q("""SELECT convention_id, territory_name, territory_type, territory_code, caf_department,
                              period_start, period_end, signature_date, ordinal, n_documents
                       FROM conventions ORDER BY territory_name, period_start""")
    themes = q("SELECT DISTINCT convention_id, theme FROM themes WHERE convention_id IS NOT NULL")
    n_docs = sum(r[2] for r in documents)
    n_errors = sum(r[2] for r in documents if r[0] == "error")
    n_pages = sum(r[3] or 0 for r in documents)

    out = [f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>CTG report</title>"
           f"<style>{STYLE}</style></head><body><h1>Conventions Territoriales Globales</h1>"]
    out.append('<div class="cards">' + "".join(
        f'<div class="card"><b>{v}</b>{_e(k)}</div>' for k, v in
        (("documents", n_docs), ("conventions", len(conventions)), ("pages", n_pages), ("files in error", n_errors)))
        + "</div>")

    out.append("<h2>Documents</h2>" + _table(["status", "kind", "files", "pages", "OCR pages"],
                                            [list(r) for r in sorted(documents, key=lambda r: -r[2])], {2, 3, 4}))
    out.append("<h2>Conventions and their periods</h2>")
    # A period known by one end only ("jusqu'en 2027") has no bar to draw.
    out.append(_timeline([(r[1] or r[0], r[5], r[6]) for r in conventions if r[5] is not None and r[6] is not None]))
    theme_count = Counter(t for _, t in themes)
    out.append(_table(["territory", "type", "code", "Caf", "period", "signed", "rank", "documents", "themes"],
                      [[r[1], r[2], r[3], r[4], f"{r[5] or '?'}-{r[6] or '?'}" if r[5] or r[6] else "", r[7], r[8], r[9],
                        len({t for c, t in themes if c == r[0]})] for r in conventions], {6, 7, 8}))

    out.append("<h2>Themes across conventions</h2>")
    out.append(_bar_chart([(THEME_NAMES.get(t, t), c) for t, c in theme_count.most_common()]))
    by_department = Counter(r[4] or "Caf not stated" for r in conventions)
    out.append("<h2>Conventions by Caf</h2>" + _bar_chart(by_department.most_common()))

    out.append("<h2>Each convention</h2>")
    for row in conventions:
        cid = row[0]
        out.append(f"<h3 id='{_e(cid)}'>{_e(row[1])} — {row[5] or '?'}-{row[6] or '?'}</h3>")
        docs = q("SELECT doc_id, kind FROM documents WHERE convention_id = ? ORDER BY kind, doc_id", [cid])
        out.append('<p class="muted">' + ", ".join(f"{_e(d)} ({_e(k)})" for d, k in docs) + "</p>")
        mine = sorted({t for c, t in themes if c == cid})
        if mine:
            out.append("<p>" + "".join(f'<span class="pill">{_e(THEME_NAMES.get(t, t))}</span>' for t in mine) + "</p>")
        people = q("""SELECT DISTINCT person_name, person_role, org_name FROM parties
                      WHERE convention_id = ? AND is_signatory AND person_name IS NOT NULL ORDER BY 3, 1""", [cid])
        if people:
            out.append("<b>Signatories</b>" + _table(["name", "role", "organisation"], [list(p) for p in people]))
        plan = q("""SELECT theme, level, text FROM objectives WHERE convention_id = ?
                    ORDER BY theme, CASE level WHEN 'enjeu' THEN 0 WHEN 'objectif' THEN 1 ELSE 2 END""", [cid])
        if plan:
            out.append("<b>Action plan</b>" + _table(["theme", "level", "text"],
                                                     [[THEME_NAMES.get(t, t or ""), lvl, txt] for t, lvl, txt in plan]))
        figures = q("""SELECT label, value, unit, year, doc_id, page FROM figures WHERE convention_id = ?
                       ORDER BY unit, value DESC""", [cid])
        if figures:
            out.append("<b>Key figures</b>" + _table(["label", "value", "year", "source"],
                                                     [[f[0], _fmt(f[1], f[2]), f[3] or "", f"{f[4]} p.{f[5]}"]
                                                      for f in figures], {1}))
    out.append('<p class="muted">Generated by ctg from the DuckDB database; every value links back to its '
               "document and page in the tables above.</p></body></html>")
    return "".join(out)
