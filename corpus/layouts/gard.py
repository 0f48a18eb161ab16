"""Gard Rhodanien: a consultant's slide deck exported to PDF (16:9 landscape).

One seed page = one slide (the seed page holding both the "enjeux" slide and
the plan summary is cut in two at its "CONTACT :" line). Slides are built of
text boxes placed on a grid; the "Fiches-Actions" slides are Axe → Objectifs →
Actions trees drawn as boxes with connectors.

The content stream deliberately does not follow the reading order: the boxes
of each slide are drawn in a shuffled order (seeded by the slide number), then
the column labels, then the title, so that a naive text extractor reads the
slide out of order. The lines of one box are always drawn together.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph

from .common import Cutter, esc, flat, hexcol, join_lines, placeholder, read_seed, split_pages, style

NAME = "gard-rhodanien-diagnostic-plan-actions"
W, H = 960, 540
MX = 40
TOP = 448          # top of the content area (under the title)
BOTTOM = 52        # bottom of the content area

NAVY = "#1d3557"
TEAL = "#2a9d8f"
ORANGE = "#e76f51"
SAND = "#f4a261"
LIGHT = "#edf3f8"
LIGHT2 = "#fbeee6"

# Section tags as they appear on the seed pages.
TAG_RE = re.compile(r"^(Rappels méthodologiques|Portrait de territoire|Analyse des besoins|"
                    r"Fiches-Actions|Conclusion Jeunesse|Analyse de l’offre .*|Enjeux|"
                    r"Mise en œuvre de la CTG)$")

# Qualitative boxes (left column) on each "A retenir sur ..." slide; the
# remaining boxes (figures, coverage) go to the right column.
A_RETENIR_LEFT = {"la Petite Enfance": 6, "l’Enfance": 4, "la Jeunesse": 3, "la Parentalité": 5,
                  "le Handicap": 3, "l’Accès aux droits": 4, "l’animation de la vie sociale": 4}

# Shape of each action tree: number of actions under each objective, in order.
TREE_SHAPES = [[2, 1, 2], [2, 2], [3, 1], [2, 1], [1, 1, 1]]

FUNCTION_WORDS = set("de la le les des du au aux et à en sur avec pour par un une que qui ne "
                     "ou dans ces leur leurs son sa ses mais car dont entre vers afin".split())


# ---------------------------------------------------------------- seed parsing

def starts_new_item(cur: str, nxt: str) -> bool:
    """Does seed line ``nxt`` start a new text box after the text ``cur``?"""
    if not cur:
        return True
    if cur.endswith("-"):
        return False
    if cur[-1] in ".!?":
        return True
    last = cur.split()[-1].lower()
    if last in FUNCTION_WORDS or last.endswith("’") or cur[-1] in ",:;(":
        return False
    return nxt[0].isupper() or nxt[0] in "«•"


def segment(lines: list[str]) -> list[str]:
    """Group the (artifact-broken) lines of a slide into the texts of its boxes."""
    items, cur = [], []
    for ln in lines:
        ln = ln.strip()
        if not ln:
            continue
        if cur and starts_new_item(join_lines(cur), ln):
            items.append(join_lines(cur))
            cur = []
        cur.append(ln)
    if cur:
        items.append(join_lines(cur))
    return items


class Slide:
    def __init__(self, text: str):
        lines = [ln for ln in text.splitlines()]
        # title: first line, continued by following lines starting in lower case
        body = [ln for ln in lines]
        title = [body.pop(0).strip()]
        while True:
            nxt = next((i for i, ln in enumerate(body) if ln.strip()), None)
            if nxt is None or not body[nxt].strip()[0].islower():
                break
            title.append(body[nxt].strip())
            del body[:nxt + 1]
        self.title = join_lines(title)
        self.tag = ""
        for i, ln in enumerate(body):
            if TAG_RE.match(ln.strip()):
                self.tag = ln.strip()
                del body[i]
                break
        self.lines = body
        self.items = segment(body)


# ---------------------------------------------------------------- drawing

def fit_para(text, width, height, size=11, min_size=6.5, font="Sans", bold_re=None,
             colour="#1f1f1f", align=TA_LEFT, leading=1.22):
    """A Paragraph of ``text`` (a string, or a list of lines) shrunk until it fits
    in width x height."""
    markup = esc(text) if isinstance(text, str) else "<br/>".join(esc(t) for t in text)
    if bold_re:
        markup = re.sub(bold_re, r"<b>\1</b>", markup)
    words = " ".join(text if isinstance(text, list) else [text]).split()
    while True:
        st = style(f"g_{font}_{size}_{align}", fontName=font, fontSize=size,
                   leading=size * leading, textColor=hexcol(colour), alignment=align)
        p = Paragraph(markup, st)
        _, h = p.wrap(width, 10_000)
        widest = max(stringWidth(w, font, size) for w in words)
        if (h <= height and widest <= width) or size <= min_size:
            return p, h
        size -= 0.5


def common_size(texts, w, h, size, font="Sans", pad=9):
    """The largest font size (<= size) at which every text fits its w x h box, so
    that the boxes of one column or grid share one type size."""
    return min(fit_para(t, w - 2 * pad, h - 2 * pad, size=size, font=font)[0].style.fontSize
               for t in texts)


def text_box(c, x, y, w, h, text, fill=LIGHT, stroke=None, colour="#1f1f1f", size=11,
             font="Sans", align=TA_LEFT, pad=9, radius=8, bold_re=None, valign="middle"):
    """A rounded, filled rectangle with its text: the box's lines are drawn together."""
    c.saveState()
    c.setFillColor(hexcol(fill))
    if stroke:
        c.setStrokeColor(hexcol(stroke))
        c.setLineWidth(1)
    c.roundRect(x, y, w, h, radius, fill=1, stroke=1 if stroke else 0)
    c.restoreState()
    p, ph = fit_para(text, w - 2 * pad, h - 2 * pad, size=size, font=font, colour=colour,
                     align=align, bold_re=bold_re)
    ty = y + (h - ph) / 2 if valign == "middle" else y + h - pad - ph
    p.drawOn(c, x + pad, ty)


def connector(c, x1, y1, x2, y2, colour=NAVY):
    """Elbow connector from (x1, y1) to (x2, y2)."""
    mid = (x1 + x2) / 2
    c.saveState()
    c.setStrokeColor(hexcol(colour))
    c.setLineWidth(1)
    p = c.beginPath()
    p.moveTo(x1, y1)
    p.lineTo(mid, y1)
    p.lineTo(mid, y2)
    p.lineTo(x2, y2)
    c.drawPath(p, stroke=1, fill=0)
    c.restoreState()


def draw_title(c, title, size=24):
    p, h = fit_para(title, W - 2 * MX - 210, 72, size=size, min_size=15, font="Sans-Bold",
                    colour=NAVY, leading=1.15)
    p.drawOn(c, MX, H - 26 - h)
    # short accent rule under the title
    c.saveState()
    c.setStrokeColor(hexcol(SAND))
    c.setLineWidth(2)
    y = min(TOP + 14, H - 26 - h - 10)
    c.line(MX, y, MX + 90, y)
    c.restoreState()


def draw_tag(c, tag):
    if not tag:
        return
    c.saveState()
    c.setFont("Sans-Bold", 10)
    w = c.stringWidth(tag, "Sans-Bold", 10) + 24
    c.setFillColor(hexcol(ORANGE))
    c.roundRect(W - w - 14, H - 40, w + 30, 26, 6, fill=1, stroke=0)
    c.setFillColor(hexcol("#ffffff"))
    c.drawString(W - w - 2, H - 31, tag)
    c.restoreState()


def slide_frame(c, number):
    """Background chrome: accent rule, logo placeholder, slide number."""
    c.saveState()
    c.setFillColor(hexcol(TEAL))
    c.rect(0, 0, W, 6, fill=1, stroke=0)
    c.restoreState()
    placeholder(c, MX, 16, 70, 24)                       # logo
    c.saveState()
    c.setFont("Sans", 8)
    c.setFillColor(hexcol("#777777"))
    c.drawRightString(W - MX, 20, str(number))
    c.restoreState()


class SlideCanvas:
    """Collects the drawing operations of one slide, then emits them shuffled."""

    def __init__(self, c, number, title, tag, title_size=24):
        self.c, self.number, self.title, self.tag = c, number, title, tag
        self.title_size = title_size
        self.ops, self.last_ops = [], []

    def add(self, fn, *args, **kw):
        self.ops.append((fn, args, kw))

    def add_last(self, fn, *args, **kw):
        self.last_ops.append((fn, args, kw))

    def finish(self):
        c = self.c
        slide_frame(c, self.number)
        ops = list(self.ops)
        random.Random(self.number).shuffle(ops)
        for fn, args, kw in ops + self.last_ops:
            fn(c, *args, **kw)
        draw_tag(c, self.tag)
        draw_title(c, self.title, self.title_size)
        c.showPage()


# ---------------------------------------------------------------- slide layouts

def grid_boxes(sc, items, x, y_top, w, h, cols, gap=14, **box_kw):
    """Lay ``items`` out as boxes on a grid of ``cols`` columns inside (x, y_top, w, h)."""
    rows = (len(items) + cols - 1) // cols
    bw = (w - (cols - 1) * gap) / cols
    bh = (h - (rows - 1) * gap) / rows
    box_kw["size"] = common_size(items, bw, bh, box_kw.get("size", 11), box_kw.get("font", "Sans"))
    for k, it in enumerate(items):
        r, col = divmod(k, cols)
        n_in_row = min(cols, len(items) - r * cols)
        offset = (cols - n_in_row) * (bw + gap) / 2      # centre a short last row
        sc.add(text_box, x + offset + col * (bw + gap), y_top - (r + 1) * bh - r * gap,
               bw, bh, it, **box_kw)


def slide_enjeux_ctg(sc, s):
    cu = Cutter(flat("\n".join(s.lines)), "gard enjeux")
    intro = cu.between("La CTG s’appuie", "opérationnelles :")
    quote = cu.between("«", "»")
    source = cu.cut("(Cnaf, 2014)")
    head = cu.cut("Les enjeux d’une CTG :")
    raw = [ln.strip() for ln in s.lines if ln.strip()]
    items = [cu.cut(ln) for ln in raw[raw.index(head) + 1:]]
    cu.done()
    sc.add(text_box, MX, 300, 440, 135, intro, fill=NAVY, colour="#ffffff", size=15,
           font="Sans-Bold")
    sc.add(text_box, MX, 84, 440, 200, f"{quote} {source}", fill=LIGHT, size=11.5,
           font="Sans-Oblique")
    x = MX + 470
    sc.add(text_box, x, 395, W - MX - x, 40, head, fill=TEAL, colour="#ffffff", size=13,
           font="Sans-Bold")
    bh = (395 - 10 - 84 - 4 * 8) / len(items)
    for k, it in enumerate(items):
        sc.add(text_box, x, 385 - (k + 1) * bh - k * 8, W - MX - x, bh, it, size=11)


def slide_guide(sc, s):
    items = list(s.items)
    centre = items.pop(0)                               # "5 ans 2022-2026"
    sc.add(text_box, W / 2 - 95, 190, 190, 120, centre, fill=ORANGE, colour="#ffffff",
           size=26, font="Sans-Bold", align=TA_CENTER)
    half = (len(items) + 1) // 2
    colw = (W - 2 * MX - 190 - 60) / 2
    for side, group in ((0, items[:half]), (1, items[half:])):
        x = MX if side == 0 else W - MX - colw
        bh = (TOP - 20 - BOTTOM - 14 * (len(group) - 1)) / len(group)
        for k, it in enumerate(group):
            sc.add(text_box, x, TOP - 20 - (k + 1) * bh - k * 14, colw, bh, it, size=13,
                   fill=LIGHT if (k + side) % 2 else LIGHT2, align=TA_CENTER)


MONTHS = ["Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août",
          "Septembre", "Octobre", "Novembre", "Décembre"]


def slide_calendar(sc, s):
    cu = Cutter(" ".join(s.items), "gard calendrier")
    dates = []
    month = "|".join(MONTHS)
    for m in re.finditer(rf"((?:{month})(?:-(?:{month}))?) ?(\d{{4}})", cu.text):
        dates.append((int(m.group(2)), MONTHS.index(m.group(1).split("-")[0]),
                      f"{m.group(1)} {m.group(2)}"))
    for it in s.items:                      # the date texts, as written in the seed
        if re.match(rf"^({month})", it):
            cu.cut(it)
    steps = [cu.cut(it) for it in s.items if not re.match(rf"^({month})", it)]
    cu.done()
    dates.sort()
    n = len(steps)
    gap = 10
    bw = (W - 2 * MX - (n - 1) * gap) / n
    axis_y = 210
    sc.add(lambda c: (c.setStrokeColor(hexcol(NAVY)), c.setLineWidth(3),
                      c.line(MX, axis_y, W - MX - 8, axis_y)))
    for k, step in enumerate(steps):
        x = MX + k * (bw + gap)
        fill = TEAL if k < len(dates) else ORANGE
        sc.add(text_box, x, 250, bw, 150, step, fill=fill, colour="#ffffff", size=11.5,
               font="Sans-Bold", align=TA_CENTER)
        if k < len(dates):
            label = dates[k][2]
            sc.add(lambda c, x=x, label=label: (
                c.setFillColor(hexcol(ORANGE)), c.circle(x + bw / 2, axis_y, 7, fill=1, stroke=0),
                text_box(c, x, 130, bw, 56, label, fill="#ffffff", colour=NAVY, size=11,
                         font="Sans-Bold", align=TA_CENTER)))
    # the seed's original date strings (e.g. "Octobre 2021Mai-Juin 2021") are only
    # an extraction artifact of two neighbouring boxes: the dates are drawn apart.


def slide_grid(sc, s, cols=3):
    grid_boxes(sc, s.items, MX, TOP - 20, W - 2 * MX, TOP - 20 - BOTTOM - 10, cols,
               size=13, bold_re=r"(\d+(?:,\d+)?%)")


def slide_a_retenir(sc, s):
    n_left = A_RETENIR_LEFT[s.title.replace("A retenir sur ", "")]
    left, right = s.items[:n_left], s.items[n_left:]
    lw = 540
    gap = 10
    for col, items, x, w, fill in ((0, left, MX, lw, LIGHT), (1, right, MX + lw + 24,
                                                                W - 2 * MX - lw - 24, LIGHT2)):
        top = TOP - 16
        bh = (top - BOTTOM - gap * (len(items) - 1)) / len(items)
        size = common_size(items, w, bh, 12.5 if col else 13)
        for k, it in enumerate(items):
            sc.add(text_box, x, top - (k + 1) * bh - k * gap, w, bh, it, fill=fill,
                   size=size, bold_re=r"(\d+(?:,\d+)?%|\d+h\d*|\d+/\d+)")
    # a thin vertical separator between the two columns
    sx = MX + lw + 12
    sc.add_last(lambda c: (c.setStrokeColor(hexcol(SAND)), c.setLineWidth(1.5),
                           c.line(sx, BOTTOM, sx, TOP - 16)))


def draw_tree(sc, axe, objectives, x0, y_top, y_bottom, widths, size=11, gap=10, labels=True):
    """Axe box (full height) → objective boxes (centred on their actions) → actions."""
    wa, wo, wc = widths
    g = 36
    xa, xo, xc = x0, x0 + wa + g, x0 + wa + g + wo + g
    n = sum(len(acts) for _, acts in objectives)
    ah = (y_top - y_bottom - gap * (n - 1)) / n
    sc.add(text_box, xa, y_bottom, wa, y_top - y_bottom, axe, fill=NAVY, colour="#ffffff",
           size=size + 3, font="Sans-Bold", align=TA_CENTER)
    k = 0
    for obj, acts in objectives:
        top = y_top - k * (ah + gap)
        bottom = top - len(acts) * ah - (len(acts) - 1) * gap
        oh = min(top - bottom, max(ah, 2.6 * size + 20))
        oy = (top + bottom) / 2 - oh / 2
        sc.add(text_box, xo, oy, wo, oh, obj, fill=TEAL, colour="#ffffff", size=size + 1,
               font="Sans-Bold", align=TA_CENTER)
        sc.add(connector, xa + wa, (y_top + y_bottom) / 2, xo, oy + oh / 2)
        for a in acts:
            ay = y_top - k * (ah + gap) - ah
            sc.add(text_box, xc, ay, wc, ah, a, fill=LIGHT2, stroke=SAND, size=size)
            sc.add(connector, xo + wo, oy + oh / 2, xc, ay + ah / 2, colour=SAND)
            k += 1
    return xa, xo, xc


def column_labels(sc, texts, xs, widths, y):
    def draw(c):
        c.setFont("Sans-Bold", 12)
        c.setFillColor(hexcol(ORANGE))
        for t, x, w in zip(texts, xs, widths):
            c.drawCentredString(x + w / 2, y, t)
    sc.add_last(draw)


def split_tree(items, shape):
    """[axe, obj, act, act, obj, act, ...] → (axe, [(obj, [acts])])."""
    axe, rest, objs = items[0], list(items[1:]), []
    for n in shape:
        obj = rest.pop(0)
        objs.append((obj, [rest.pop(0) for _ in range(n)]))
    assert not rest, rest
    return axe, objs


def slide_tree(sc, s, shape):
    items = list(s.items)
    labels = items.pop()                                # "Axe Objectifs Actions"
    axe, objs = split_tree(items, shape)
    widths = (230, 260, W - 2 * MX - 230 - 260 - 72)
    xs = draw_tree(sc, axe, objs, MX, TOP - 30, BOTTOM + 4, widths, size=12)
    column_labels(sc, labels.split(" "), xs, widths, TOP - 20)


def slide_enjeux(sc, items):
    heads = items[:3]
    bullets = [b.lstrip("• ").strip() for b in items[3:]]
    # bullets grouped by column: communication, coordination, itinerance
    groups = [[bullets[0], bullets[3]], [bullets[1], bullets[2]], [bullets[4], bullets[5]]]
    colw = (W - 2 * MX - 2 * 20) / 3
    for k, (head, group) in enumerate(zip(heads, groups)):
        x = MX + k * (colw + 20)
        sc.add(text_box, x, 300, colw, 80, head, fill=NAVY, colour="#ffffff", size=15,
               font="Sans-Bold", align=TA_CENTER)
        for j, b in enumerate(group):
            sc.add(text_box, x, 190 - j * 110, colw, 96, "• " + b, fill=LIGHT, size=12.5)


def slide_plan(sc, trees):
    widths = (170, 250, W - 2 * MX - 170 - 250 - 72)
    total = sum(sum(len(a) for _, a in objs) for _, objs in trees)
    y = TOP - 26
    gap_rows = 9
    unit = (y - BOTTOM - gap_rows * (len(trees) - 1)) / total
    xs = None
    for axe, objs in trees:
        n = sum(len(a) for _, a in objs)
        h = n * unit
        xs = draw_tree(sc, axe, objs, MX, y, y - h, widths, size=7, gap=3)
        y -= h + gap_rows
    column_labels(sc, ["Axe", "Objectifs", "Actions"], xs, widths, TOP - 18)


def slide_after(sc, s):
    text = " ".join(s.items)
    i = text.index("CONTACT :")
    timeline, contact = text[:i], text[i:]
    # "date step date step ... date": each date above its step
    parts = re.split(r"((?:Début|Fin|Juin) \d{4})", timeline)
    assert not parts[0].strip(), parts[0]
    steps = [(parts[k], parts[k + 1].strip()) for k in range(1, len(parts), 2)]
    n = len(steps)
    gap = 14
    bw = (W - 2 * MX - (n - 1) * gap) / n
    axis_y = 360
    sc.add(lambda c: (c.setStrokeColor(hexcol(NAVY)), c.setLineWidth(3),
                      c.line(MX, axis_y, W - MX, axis_y)))
    for k, (date, step) in enumerate(steps):
        x = MX + k * (bw + gap)
        sc.add(text_box, x, axis_y + 14, bw, 40, date, fill=ORANGE, colour="#ffffff", size=13,
               font="Sans-Bold", align=TA_CENTER)
        if step:
            sc.add(text_box, x, axis_y - 130, bw, 116, step, fill=LIGHT, size=11.5,
                   align=TA_CENTER)
    # contact card
    cc = Cutter(contact, "gard contact")
    label = cc.cut("CONTACT :")
    people = []
    for m in re.finditer(r"([A-Z][a-zé]+ [A-Z]+) (Consultante?[^@]*?) (\S+@\S+)", contact):
        people.append((cc.cut(m.group(1)), cc.cut(m.group(2)), cc.cut(m.group(3))))
    cc.done()
    sc.add(text_box, MX, 70, 150, 120, label, fill=NAVY, colour="#ffffff", size=15,
           font="Sans-Bold", align=TA_CENTER)
    for k, (name, role, mail) in enumerate(people):
        x = MX + 170 + k * 300
        sc.add(text_box, x, 70, 285, 120, [name, role, mail], fill=LIGHT, size=12)


def build(seeds: Path, out: Path) -> Path:
    pages = split_pages(read_seed(seeds, NAME))
    gold = json.loads((seeds / "gold" / f"{NAME}.json").read_text(encoding="utf-8"))
    path = out / f"{NAME}.pdf"
    c = rl_canvas.Canvas(str(path), pagesize=(W, H), invariant=1)
    number = 0
    trees_seen = 0
    for text in pages:
        s = Slide(text)
        number += 1
        if s.tag == "Fiches-Actions":
            sc = SlideCanvas(c, number, s.title, s.tag)
            slide_tree(sc, s, TREE_SHAPES[trees_seen])
            trees_seen += 1
        elif s.title.startswith("Les enjeux de la signature"):
            sc = SlideCanvas(c, number, s.title, s.tag)
            slide_enjeux_ctg(sc, s)
        elif s.title == "Guide de la CTG":
            sc = SlideCanvas(c, number, s.title, s.tag)
            slide_guide(sc, s)
        elif s.title == "Calendrier de la démarche":
            sc = SlideCanvas(c, number, s.title, s.tag)
            slide_calendar(sc, s)
        elif s.title.startswith("A retenir sur"):
            sc = SlideCanvas(c, number, s.title, s.tag)
            slide_a_retenir(sc, s)
        elif s.title.startswith("Un enjeu majeur"):
            # the seed page holds two slides: the enjeux, then (after "CONTACT :")
            # the summary of the five action trees
            cut = next(i for i, ln in enumerate(s.lines) if ln.strip() == "CONTACT :")
            sc = SlideCanvas(c, number, s.title, s.tag, title_size=21)
            slide_enjeux(sc, segment(s.lines[:cut]))
            sc.finish()
            number += 1
            plan = segment(s.lines[cut + 1:])
            plan_title = plan.pop()                      # "Plan d’actions de la CTG"
            trees, k = [], 0
            for shape in TREE_SHAPES:
                n = 1 + len(shape) + sum(shape)
                trees.append(split_tree(plan[k:k + n], shape))
                k += n
            assert k == len(plan)
            sc = SlideCanvas(c, number, plan_title, "Fiches-Actions")
            slide_plan(sc, trees)
        elif s.title.startswith("Et après"):
            sc = SlideCanvas(c, number, s.title, s.tag)
            slide_after(sc, s)
        else:
            sc = SlideCanvas(c, number, s.title, s.tag)
            slide_grid(sc, s)
        sc.finish()
    c.save()
    check_trees(pages, gold)
    return path


def check_trees(pages, gold):
    """The tree boxes must follow the gold's list of axes/objectives/actions."""
    def norm(t):
        return re.sub(r"\s+", " ", t.replace("’", "'")).strip()
    found = []
    for text in pages:
        s = Slide(text)
        if s.tag == "Fiches-Actions":
            found += s.items[:-1]
    expected = [norm(o) for o in gold["objectives"]]
    if [norm(f) for f in found] != expected:
        raise ValueError("action trees differ from the gold objectives list")
