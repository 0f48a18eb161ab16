"""What kind of document this is, from its vocabulary and structure, never from its file name
or the way it was rendered (PDF print, Word export, HTML, scan).

Each kind has cue phrases (``resources/kinds.json``) whose weights add up, plus structural cues:
numbered articles and annexes for a convention; for a diagnostic deck, landscape slides, a cover naming the
diagnostic and figures set beside a reference area's ("(Moselle : 55 %)"); for a news article,
reported speech, news deixis ("signée jeudi 6 février"), a publication stamp with its time, a
dateline and the journalist's initials; for a collectivity's or Caf's own page, headings in the
first person ("Nos engagements"), the reader addressed ("vous"), explanatory questions and a title
naming the CTG.
The best kind reaching its minimum score wins; a deliberation must also hold one of the council's
formulae, which news of a council meeting never does. A text about a CTG that is no convention,
deliberation, diagnostic or letter is an article about it: a press release or a web page,
whichever has more cues, ties going to the resource's ``tie`` kind. ``other`` is left for letters
and for texts that are not about a CTG and say nothing of their kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract import lexicon
from extract.normalize import fold
from extract.text import TITLE_MAX_WORDS, alternation, title_block
from models.document import Document, Media
from models.documents import DocKind

# An article heading at the start of a block: "ARTICLE 1 - OBJET", "Article 11 – Durée", "Article premier".
ARTICLE_HEADING = re.compile(r"^\s*article\s+(?:\d{1,2}|premier|1er)\b", re.IGNORECASE)

# An annex's heading: "ANNEXE 2 - DONNÉES CLÉS DU TERRITOIRE", "Annexe n°3 : plan d'actions", "Annexe IV".
ANNEX_HEADING = re.compile(r"^\s*annexe\s+(?:n\s?[°o]\s*)?(?:\d{1,2}|[ivx]{1,4})\b", re.IGNORECASE)

# Where a page title's site name starts: "La CTG 2023-2027 | Grand Pontarlier", "... - Ville de Libourne".
TITLE_SITE_SEPARATOR = re.compile(r"\s+[|\-–—]\s+")

# A title longer than this is a sentence, not the name of a page.
TOPIC_TITLE_MAX_WORDS = 12

# A publication stamp with its time, at the start of a short block: "Publié le 27 juin 2024 à 11:42",
# "Publié le 08/09/2023 à 18h05 - Mis à jour...", "mardi 12 avril 2022 à 07:48" (folded).
STAMP = re.compile(r"""^(?:(?:publie|mis\ en\ ligne|mis\ a\ jour|mise\ a\ jour)\ (?:le\ )?)?
                       (?:[a-z]+\ )?(?:\d{1,2}(?:er)?\ [a-z]+\.?\ \d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{4})
                       ,?\ a\ \d{1,2}\ ?[h:]\ ?\d{2}(?![0-9])""", re.VERBOSE)

# A dateline opening the first paragraph: "Calvi, vendredi 24 novembre 2023. C'est dans la salle...",
# "Cayenne, le 6 mars 2024 - La Caf..." (folded), the article going on in the same block.
DATELINE = re.compile(r"""^(?!fait\ a\ )[a-z][a-z'\- ]{1,40},\ (?:le\ )?(?:[a-z]+\ )?\d{1,2}(?:er)?\ [a-z]+\ \d{4}
                          \s*[.\-:]\s+\S""", re.VERBOSE)

# The journalist's signature, alone at the end: initials ("A. V.", "J.-P. M."), "Rédaction", "Par
# Anne Morel" (folded).
BYLINE = re.compile(r"^(?:(?:[a-z]\.(?:-[a-z]\.)?\s?){1,3}|redaction|la redaction|par [a-z'\-]+ [a-z'\-]+)$")

# How many blocks at the end of a document may follow the article's last line (a site's footer).
BYLINE_SEARCH_BLOCKS = 3

# A stamp line is short: a sentence dated to the hour ("Le 14 mai à 11h, la Ville et la Caf ont
# signé...") tells of an event.
STAMP_MAX_WORDS = 12

# The opening of a document (header, title, subtitle, cover) holds at most this many blocks.
OPENING_BLOCKS = 10

# A path of three steps or more, each short, joined by a chevron, a spaced slash or a spaced bar:
# "Accueil > Vivre ici > Enfance", "ville.fr | Actualités | Solidarité".
BREADCRUMB = re.compile(r"^\s*[^\n›»>/|]{1,40}(?:\s(?:›|»|>|/|\|)\s[^\n›»>/|]{1,60}){2,}\s*$")
# A news headline's kicker: a place name before a colon, a full stop or a dash, then the headline
# ("Val-de-Reuil : la Ville et la Caf signent...", "Saint-Brieuc. Une nouvelle CTG...", "Pays de Lure –
# familles : ..."), or a place set in capitals before it ("PAYS DE GEX Une convention pour...").
# Checked word by word in ``place_kicker`` (a topic, "Petite enfance : ...", is no place).
KICKER = re.compile(r"^(?P<kicker>[^:.–—|?!«»\"]{3,60}?)\s*(?::|\.|–|—)\s+(?P<headline>\S.*)$")
CAPITALS_KICKER = re.compile(r"^(?P<kicker>[A-ZÀ-Ý][A-ZÀ-Ý'’\- ]{2,40}[A-ZÀ-Ý])\s+(?P<headline>[A-ZÀ-Ý][a-zà-ÿ].*)$")

# The words of a kicker: a name's words start with a capital; particles join them ("Val d'Amour",
# "Communauté de communes du Pays de Lure" is no kicker: a legal form's lower-case words are not a place's).
KICKER_WORD = re.compile(r"[^\s'’]+['’]?")

# A quotation in folded text, up to its closing mark or the end of the block when it is left open:
# « Nous voulons avancer... », "Notre priorité reste...", “Cette signature compte beaucoup...
QUOTATION = re.compile(r"«[^»]*(?:»|$)|“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")

# A block that opens inside a quotation begun in the block before: "...pour nos familles. » a-t-elle conclu".
CONTINUED_QUOTATION = re.compile(r"^[^«“]*?[»”]")

# Where the sentence before a question mark starts: "... 2023. Qu'est-ce qu'une CTG ?", "- Pourquoi signer une CTG ?".
SENTENCE_START = re.compile(r"[.!:;\n«»\"]")

# A conjugated verb, not an infinitive, a present participle or an adverb: "souligne", not
# "souligner", "soulignant" or "précisément".
CONJUGATED = r"(?<!er)(?<!ir)(?<!ant)(?<!ment)"

# What continues a word in folded text (an apostrophe too: "d'intervention" holds no word "intervention").
WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'")

# Subject pronouns after an inverted speech verb: "rappelle-t-il", "disait-elle".
INVERSION = r"-(?:t-)?(?:il|elle|ils|elles)\b"

# What may stand between a closing quotation mark and the speech verb: "», a ainsi souligné",
# "», a-t-elle rappelé", "», s'est félicitée".
SPEECH_AUXILIARY = (r"(?:(?:a|ont|avait|avaient)(?:-t-(?:il|elle|ils|elles))?\s+)?"
                    r"(?:(?:ainsi|alors|encore|aussi|egalement|d'ailleurs|meme)\s+)?"
                    r"(?:s'est\s+|se\s+sont\s+)?")


@dataclass(frozen=True)
class _SpeechPatterns:
    after_quote: re.Pattern  # "», souligne le maire", "» a déclaré Pierre Martin", "», a-t-elle rappelé"
    incise: re.Pattern       # inside a quotation: "..., explique Anne Martin, vice-présidente..."
    inverted: re.Pattern     # anywhere: "résume-t-il", "disait-elle"
    before_quote: re.Pattern  # "Michel Martin a précisé : «", "a rappelé que « chaque CTG..."


@dataclass(frozen=True)
class _Cue:
    phrase: str           # folded
    pattern: re.Pattern
    weight: float
    narrated: bool        # an act's verb, void after an auxiliary ("l'a approuvé")


@lru_cache(maxsize=1)
def _cue_patterns() -> dict[DocKind, list[_Cue]]:
    resource = lexicon.kind_cues()
    narrated = {fold(verb) for verb in resource["narrated_acts"]["cues"]}
    return {
        DocKind(kind): [_Cue(fold(phrase), re.compile(rf"{re.escape(fold(phrase))}(?![a-z0-9])"), weight,
                             fold(phrase) in narrated)
                        for phrase, weight in phrases.items() if not phrase.startswith("_")]
        for kind, phrases in resource["cues"].items()
    }


@lru_cache(maxsize=1)
def _auxiliary_before() -> re.Pattern:
    auxiliaries = lexicon.kind_cues()["narrated_acts"]["auxiliaries"]
    # What ends the text before a past participle: "le conseil l'a ", "ont ", "a été ".
    return re.compile("(?:^|[^a-z'])(?:" + "|".join(map(re.escape, auxiliaries)) + r")\s+$")


@lru_cache(maxsize=1)
def _speech_patterns() -> _SpeechPatterns:
    speech = lexicon.kind_cues()["reported_speech"]
    verb = ("(?:" + "|".join([rf"{re.escape(s)}[a-z]*" for s in speech["stems"]]
                             + [re.escape(f) for f in speech["forms"]]) + ")" + CONJUGATED + r"(?![a-z])")
    return _SpeechPatterns(
        # « is accepted as a closing mark: writers who type the opening one twice are common.
        after_quote=re.compile(rf"[»”\"«]\s*,?\s*{SPEECH_AUXILIARY}{verb}(?:{INVERSION}|(?![a-z]))"),
        incise=re.compile(rf",\s*{verb}(?:{INVERSION}|\s+(?!que\b|qu')[a-z])"),
        inverted=re.compile(rf"(?<![a-z]){verb}{INVERSION}"),
        before_quote=re.compile(rf"(?<![a-z]){verb}(?:\s+que|[^.!?«»“”\"]{{0,100}}:)\s*[«“\"]"),
    )


def _count_words(pattern: re.Pattern, text: str, narrated: bool = False) -> int:
    """Matches that start a word ("hier", not "cahier"; "intervention de", not "d'intervention de");
    for an act's verb (``narrated``), not after an auxiliary: "APPROUVE la convention" counts,
    "le conseil l'a approuvée" does not. Checked here rather than by a look-behind, which would keep
    the regex from a fast literal scan."""
    auxiliary = _auxiliary_before()
    return sum(1 for m in pattern.finditer(text)
               if (m.start() == 0 or text[m.start() - 1] not in WORD_CHARS)
               and not (narrated and auxiliary.search(text, max(0, m.start() - 16), m.start())))


def _folded_blocks(doc: Document) -> list[str]:
    return [fold(block.text) for _, block in doc.blocks() if block.text.strip()]


def _outside_quotations(block: str) -> str:
    """The block without its quotations: what the document says in its own voice."""
    block = CONTINUED_QUOTATION.sub(" ", block, count=1) if "»" in block or "”" in block else block
    return QUOTATION.sub(" ", block)


def opening_blocks(doc: Document) -> list[str]:
    """The blocks before the body (a site's header and menu, a kicker, the title, a subtitle, a
    deck's cover), across pages: a slide deck's cover may hold one line a page."""
    opening = []
    for _, block in doc.blocks():
        text = block.text.strip()
        if len(text.split()) > TITLE_MAX_WORDS or len(opening) >= OPENING_BLOCKS:
            break
        if text:
            opening.append(text)
    return opening


def breadcrumb(opening: list[str]) -> bool:
    """A site's path to the page among its opening lines: "Accueil > Vivre ici > Enfance", "Mauges
    Communauté › Vivre › Solidarités › Convention territoriale globale"."""
    return any(BREADCRUMB.match(line) for block in opening for line in block.splitlines())


def first_person_headings(blocks: list[str]) -> int:
    """Short headings in the first person plural outside quotations ("Nos engagements", "Notre
    projet"): the institution presents its own action. A sentence ("pour notre territoire") is none."""
    resource = lexicon.kind_cues()["first_person_heading"]
    words = alternation(tuple(resource["words"]), r"(?<![a-z'])", r"(?![a-z])")
    return sum(1 for block in blocks if len(block.split()) <= resource["max_words"]
               and words.search(_outside_quotations(block)))


def reader_address(own_voice: str) -> int:
    """The reader addressed in the document's own voice: "Ce qui change pour vous", "votre Caf"."""
    words = alternation(tuple(lexicon.kind_cues()["reader_address"]["words"]), r"(?<![a-z'])", r"(?![a-z])")
    return len(words.findall(own_voice))


@lru_cache(maxsize=1)
def _weekday_deixis() -> re.Pattern:
    calendar = lexicon.calendar()
    weekday = "(?:" + "|".join(calendar["weekdays"]) + ")"
    month = "(?:" + "|".join(sorted({fold(m) for m in calendar["months"]}, key=len, reverse=True)) + ")"
    # The event dated by its weekday: "jeudi 6 février" with no year, "ce lundi", "jeudi soir",
    # "mardi dernier"; not a date in full ("lundi 17 mars 2025") nor opening hours ("du lundi au vendredi").
    return re.compile(rf"""(?<![a-z]){weekday}\ (?:1er|\d{{1,2}})\ {month}(?![a-z])(?!\.?,?\ \d{{4}})
                           |(?<![a-z])ce\ {weekday}(?![a-z])
                           |(?<![a-z])(?<!du\ )(?<!chaque\ )(?<!le\ ){weekday}\ (?:soir|matin|midi|dernier)(?![a-z])""",
                       re.VERBOSE)


def news_deixis(own_voice: str) -> int:
    """Events dated by their weekday, as news of the week does."""
    return len(_weekday_deixis().findall(own_voice))


def publication_stamp(blocks: list[str]) -> bool:
    """A publication stamp with its time, as news sites print it (collectivities' sites less often)."""
    return any(STAMP.match(block) for block in blocks[:OPENING_BLOCKS] if len(block.split()) <= STAMP_MAX_WORDS)


def journalist_marks(blocks: list[str]) -> int:
    """A dateline opening the article, the journalist's signature at its end."""
    dateline = any(DATELINE.match(block) for block in blocks[:OPENING_BLOCKS + 2])
    return dateline + any(BYLINE.match(block.strip()) for block in blocks[-BYLINE_SEARCH_BLOCKS:])


@lru_cache(maxsize=1)
def _reference_comparison() -> re.Pattern:
    resource = lexicon.kind_cues()["reference_comparison"]
    references = {fold(r) for r in resource["references"]} | {fold(d.name) for d in lexicon.departements()}
    reference = "(?:" + "|".join(map(re.escape, sorted(references, key=len, reverse=True))) + ")"
    # "(Martinique : 64 %)", "(Moselle 55 % ; France 59,8 %)", "Moselle : 24,1 %" on its own line,
    # "... 24 % France métropolitaine : 22 %"; not prose ("contre 25 % dans l'Hexagone").
    return re.compile(rf"(?:^|(?<=[(;%]))\s*{reference}\s*:?\s*\d[\d ]*(?:,\d+)?\s*%", re.MULTILINE)


def reference_comparisons(blocks: list[str]) -> int:
    """Figures set beside a reference area's in a deck's short form."""
    pattern = _reference_comparison()
    return sum(len(pattern.findall(block)) for block in blocks)


def place_kicker(title: str | None) -> bool:
    """A headline opening with a place's name as its kicker, as local news titles an item; a
    collectivity's page does not name itself before its own title."""
    resource = lexicon.kind_cues()["headline_kicker"]
    title = (title or "").strip()
    found = KICKER.match(title) or CAPITALS_KICKER.match(title)
    if not found or len(found["headline"].split()) < resource["min_headline_words"]:
        return False
    words = KICKER_WORD.findall(found["kicker"])
    if not words or len(words) > resource["max_words"] or not words[0][0].isupper():
        return False
    particles = set(resource["particles"])
    if not all(w[0].isupper() or fold(w).rstrip("'") in particles for w in words):
        return False
    # A topic in capitals ("CONVENTION TERRITORIALE GLOBALE", "Petite Enfance") is a rubric, no place.
    topics = alternation(tuple(resource["topic_words"]), r"(?<![a-z])", r"(?![a-z])")
    return not topics.search(fold(found["kicker"]))


def collectivity_site(title: str | None, opening: list[str]) -> bool:
    """The page names a collectivity's or a Caf's site: after its title ("Renouvellement de la CTG |
    Ville de Limoux", "La CTG - Communauté de communes du Val de Drôme"), or as the header line above
    it ("VILLE DU MOULE", "Communauté d'Agglomération de Haguenau"): the page is theirs."""
    resource = lexicon.kind_cues()["site_name"]
    words = alternation(tuple(resource["words"]), r"(?<![a-z])", r"(?![a-z])")
    parts = TITLE_SITE_SEPARATOR.split(title or "")
    if len(parts) >= 2 and words.search(fold(parts[-1])):
        return True
    if len(opening) < 2:
        return False  # the only line before the body is the headline itself
    header = opening[0].strip()
    # A header is a name that opens with the collectivity: short, no kicker's colon ("Ville de
    # Lure : la CTG signée"), not a headline's sentence ("La Ville et la Caf signent leur CTG").
    return (len(header.split()) <= resource["header_max_words"] and ":" not in header
            and bool(words.match(fold(header))))


def names_a_diagnostic(opening: list[str]) -> bool:
    """A title or cover line naming the diagnostic: "Restitution du diagnostic", "Diagnostic partagé
    – Comité de pilotage du 17 octobre"."""
    resource = lexicon.kind_cues()["opening"]
    words = alternation(tuple(resource["diagnostic"]), r"(?<![a-z])", r"(?![a-z])")
    return any(words.search(fold(text)) for text in opening if len(text.split()) <= resource["max_words"])


def reported_speech(blocks: list[str]) -> int:
    """How many times the text reports what someone said, as a journalist does."""
    patterns = _speech_patterns()
    count = 0
    for block in blocks:
        count += len(patterns.after_quote.findall(block))
        count += len(patterns.inverted.findall(block))
        count += len(patterns.before_quote.findall(block))
        count += sum(len(patterns.incise.findall(quote)) for quote in QUOTATION.findall(block))
    return count


def questions(own_voice: str) -> int:
    """Short questions in the document's own voice: 'Qu'est-ce que la CTG ?', 'Quel périmètre
    d'intervention ?', as headings or run into the paragraph after them."""
    resource = lexicon.kind_cues()["question_heading"]
    interrogative = alternation(tuple(resource["interrogatives"]), r"(?<![a-z])", r"(?![a-z])")
    count = 0
    for before in own_voice.split("?")[:-1]:
        question = SENTENCE_START.split(before[-300:])[-1]
        count += len(question.split()) <= resource["max_words"] and bool(interrogative.search(question))
    return count


def page_title(doc: Document) -> str | None:
    """The document's own title without a site name after a separator."""
    title = headline(doc)
    return TITLE_SITE_SEPARATOR.split(title)[0] if title is not None else None


def headline(doc: Document) -> str | None:
    """The document's own title as printed (``extract.text.title_block``): the same rule for every
    rendering, so that a page printed to PDF keeps its kind."""
    block = title_block(doc)
    return block.text if block is not None else None


def names_the_ctg(title: str | None) -> bool:
    """A title naming the CTG itself ("La convention territoriale globale de la Civis"), not a
    news event ("Saint-Junien et la Caf signent une nouvelle CTG")."""
    topic = lexicon.kind_cues()["topic_page"]
    title = fold(title or "")
    words = re.findall(r"[a-z0-9]+", title)
    if not words or len(words) > TOPIC_TITLE_MAX_WORDS:
        return False
    if not alternation(tuple(topic["subjects"]), "(?<![a-z])", "(?![a-z])").search(title):
        return False
    return not any(word.startswith(stem) for word in words for stem in topic["event_stems"])


def about_a_ctg(text: str) -> bool:
    phrases = tuple(lexicon.kind_cues()["subjects"]["phrases"])
    return bool(alternation(phrases, "(?<![a-z])", "(?![a-z])").search(text))


def kind_scores(doc: Document) -> dict[DocKind, float]:
    return _scores(doc, _folded_blocks(doc))[0]


def _scores(doc: Document, blocks: list[str]) -> tuple[dict[DocKind, float], dict[DocKind, list[float]]]:
    """Each kind's score, and the weights of the cue phrases found for it."""
    resource = lexicon.kind_cues()
    cap = resource["cap"]
    own_voice = "\n".join(_outside_quotations(block) for block in blocks)
    scores = {kind: 0.0 for kind in DocKind}
    found: dict[DocKind, list[float]] = {kind: [] for kind in DocKind}
    for kind, cues in _cue_patterns().items():
        for cue in cues:
            # Most cues are absent: a substring test spares their regex scan of the whole text.
            count = _count_words(cue.pattern, own_voice, cue.narrated) if cue.phrase in own_voice else 0
            scores[kind] += cue.weight * min(count, cap)
            if count:
                found[kind].append(cue.weight)

    articles = sum(1 for _, block in doc.blocks() if ARTICLE_HEADING.match(block.text))
    if articles >= 3:
        scores[DocKind.CONVENTION] += 6.0 + min(articles, 10) * 0.5
    annexes = resource["annex_heading"]
    annex_count = sum(1 for _, block in doc.blocks() if ANNEX_HEADING.match(block.text))
    scores[DocKind.CONVENTION] += annexes["weight"] * min(annex_count, annexes["cap"])
    landscape = resource["landscape"]
    slides = sum(1 for page in doc.pages if page.landscape)
    # Only a PDF has a real page shape: a text or HTML page is as wide as its longest line.
    if doc.media is Media.PDF and doc.pages and slides / len(doc.pages) >= landscape["share"]:
        scores[DocKind.DIAGNOSTIC] += landscape["weight"]

    speech = resource["reported_speech"]
    scores[DocKind.PRESS_RELEASE] += speech["weight"] * min(reported_speech(blocks), speech["cap"])
    deixis = resource["news_deixis"]
    scores[DocKind.PRESS_RELEASE] += deixis["weight"] * min(news_deixis(own_voice), deixis["cap"])
    marks = resource["journalist_marks"]
    scores[DocKind.PRESS_RELEASE] += marks["weight"] * journalist_marks(blocks)
    scores[DocKind.PRESS_RELEASE] += marks["stamp_weight"] * publication_stamp(blocks)

    title = headline(doc)
    if place_kicker(title):
        scores[DocKind.PRESS_RELEASE] += resource["headline_kicker"]["weight"]
    heading = resource["question_heading"]
    scores[DocKind.WEB_PAGE] += heading["weight"] * min(questions(own_voice), heading["cap"])
    if title is not None and names_the_ctg(TITLE_SITE_SEPARATOR.split(title)[0]):
        scores[DocKind.WEB_PAGE] += resource["topic_page"]["weight"]
    opening = opening_blocks(doc)
    if collectivity_site(title, opening):
        scores[DocKind.WEB_PAGE] += resource["site_name"]["weight"]
    first_person = resource["first_person_heading"]
    scores[DocKind.WEB_PAGE] += first_person["weight"] * min(first_person_headings(blocks), first_person["cap"])
    if breadcrumb(opening):
        scores[DocKind.WEB_PAGE] += resource["breadcrumb"]["weight"]
    address = resource["reader_address"]
    scores[DocKind.WEB_PAGE] += address["weight"] * min(reader_address(own_voice), address["cap"])

    comparison = resource["reference_comparison"]
    scores[DocKind.DIAGNOSTIC] += comparison["weight"] * min(reference_comparisons(blocks), comparison["cap"])
    if names_a_diagnostic(opening):
        scores[DocKind.DIAGNOSTIC] += resource["opening"]["weight"]
    return scores, found


ARTICLE_KINDS = (DocKind.PRESS_RELEASE, DocKind.WEB_PAGE)


def min_score(kind: DocKind) -> float:
    """The score from which a kind is claimed (see ``min_scores`` in the resource)."""
    thresholds = lexicon.kind_cues()["min_scores"]
    return thresholds.get(kind.value, thresholds["default"])


def classify(doc: Document) -> DocKind:
    """The best kind claimed by its cues; for a text about a CTG that is no convention,
    deliberation, diagnostic or letter, a press release or a web page by their cues."""
    # Folded block by block: the figures extractor folds the same blocks, and finds them cached.
    blocks = _folded_blocks(doc)
    scores, found = _scores(doc, blocks)
    needed = lexicon.kind_cues()["formula_needed"]
    quoted = None

    def has_formulae(kind: DocKind) -> bool:
        nonlocal quoted
        weight = needed["kinds"].get(kind.value)
        if weight is None:
            return True
        formulae = sum(1 for w in found[kind] if w >= weight)
        if formulae == 1:
            # A news report of the meeting repeats one formula and quotes the speakers.
            quoted = reported_speech(blocks) if quoted is None else quoted
            return quoted < needed["quoted_report"]
        return formulae > 0

    claimed = {kind: score for kind, score in scores.items() if score >= min_score(kind) and has_formulae(kind)}
    kind = max(claimed, key=claimed.get) if claimed else None
    if kind is not None and kind not in ARTICLE_KINDS:
        return kind
    if not about_a_ctg("\n".join(blocks)):
        return kind or DocKind.OTHER
    press, web = scores[DocKind.PRESS_RELEASE], scores[DocKind.WEB_PAGE]
    if press == web:
        return DocKind(lexicon.kind_cues()["tie"]["kind"])
    return DocKind.PRESS_RELEASE if press > web else DocKind.WEB_PAGE
