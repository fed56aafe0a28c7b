"""Vietnamese full-text search: folding, the FTS index and highlighted snippets.

SQLite's ``unicode61 remove_diacritics 2`` strips tone marks but keeps ``đ``,
so "dang uy" would never find "Đảng ủy". We fold text ourselves (tone marks,
``đ`` and its look-alike ``ð`` → ``d``) before it reaches the index and fold every query the same
way; both tone placements (``ủy``/``uỷ``, ``hoà``/``hòa``) fold to the same
letters. The index is contentless (the text lives once, in ``articles``) and
is kept in step by :mod:`archive.store.writer`.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

FTS_TABLE = "articles_fts"
#: Attached documents' text (rowid = ``attachments.id``), folded the same way (m015).
DOCUMENTS_FTS = "attachments_fts"
#: ``Đ`` (U+0110) and its stand-in on many sites, ``Ð`` (U+00D0, the Icelandic eth, which
#: looks the same), fold to ``d``; Unicode decomposes neither.
_DD = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
#: Letters folded to ``d`` since migration m013 (they stayed as they were before).
ETH = ("ð", "Ð")
_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Lowercase, strip every diacritic and map đ (and its look-alike ð) to d."""
    decomposed = unicodedata.normalize("NFD", text.translate(_DD))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.lower()


def fold_query(query: str) -> str:
    """Fold a search box query, keeping FTS syntax (quotes, OR, *) intact."""
    query = unicodedata.normalize("NFC", query)
    return re.sub(r"\b(AND|OR|NOT|NEAR)\b|[^\W\d_]+", _fold_word, query)


def _fold_word(match: re.Match[str]) -> str:
    word = match.group(0)
    return word if word in ("AND", "OR", "NOT", "NEAR") else fold(word)


#: Operators a search box query may use between two terms (FTS5's, in capitals).
FTS_OPERATORS = ("AND", "OR", "NOT")
_QUERY_TOKEN = re.compile(r'"[^"]*"?\*?|[^\s"]+')


def fts_query(query: str) -> str:
    """A search box query as an FTS5 query that cannot be a syntax error, folded.

    What users get: words (all must match), ``"a phrase"``, ``word*`` (prefix),
    and ``AND`` / ``OR`` / ``NOT`` in capitals between two terms. Every term is
    quoted, so punctuation (``-``, ``:``, ``(``) is never syntax; an operator
    with no term on one side is dropped. An empty query gives ``""`` (matches
    nothing).
    """
    parts: list[str] = []
    text = unicodedata.normalize("NFC", (query or "").replace("\x00", " "))  # NUL ends C strings
    for token in _QUERY_TOKEN.findall(text):
        if token in FTS_OPERATORS:
            if parts and parts[-1] not in FTS_OPERATORS:
                parts.append(token)
            continue
        term = _fts_term(token)
        if term:
            parts.append(term)
    while parts and parts[-1] in FTS_OPERATORS:
        parts.pop()
    return " ".join(parts) or '""'


def _fts_term(token: str) -> str | None:
    """One word or phrase, folded and quoted; a trailing ``*`` kept as a prefix search."""
    prefix = token.endswith("*")
    words = fold(token.rstrip("*").replace('"', " ")).split()
    if not any(_WORD.search(w) for w in words):
        return None
    return '"' + " ".join(words) + '"' + ("*" if prefix else "")


def index_article(
    db: Database, article_id: int, title: str | None, text: str | None, captions: str | None = None
) -> None:
    """Index an article; its image captions are searched with its text."""
    db.execute(
        f"insert into {FTS_TABLE}(rowid, title, text) values (?, ?, ?)",
        [article_id, fold(title or ""), fold(indexed_text(text, captions))],
    )


def unindex_article(
    db: Database, article_id: int, title: str | None, text: str | None, captions: str | None = None
) -> None:
    """Remove a row from the contentless index: FTS5 needs the indexed values back."""
    db.execute(
        f"insert into {FTS_TABLE}({FTS_TABLE}, rowid, title, text) values ('delete', ?, ?, ?)",
        [article_id, fold(title or ""), fold(indexed_text(text, captions))],
    )


def indexed_text(text: str | None, captions: str | None) -> str:
    """The text column of the index: the body, then the captions (an article stored before
    captions were kept has none, so its indexed value is unchanged)."""
    return f"{text or ''}\n{captions}" if captions else text or ""


def index_document(db: Database, attachment_id: int, text: str | None) -> None:
    """Index an attachment's text (nothing to do without text)."""
    if text:
        db.execute(f"insert into {DOCUMENTS_FTS}(rowid, text) values (?, ?)",
                   [attachment_id, fold(text)])  # fmt: skip


def unindex_document(db: Database, attachment_id: int, text: str | None) -> None:
    """Remove an attachment's text from the contentless index, given the text it had."""
    if text:
        db.execute(
            f"insert into {DOCUMENTS_FTS}({DOCUMENTS_FTS}, rowid, text) values ('delete', ?, ?)",
            [attachment_id, fold(text)],
        )


def rebuild_index(db: Database) -> int:
    """Re-index every article (after a change to :func:`fold`); returns the count."""
    with db.conn:
        db.execute(f"insert into {FTS_TABLE}({FTS_TABLE}) values ('delete-all')")
        rows = db.execute("select id, title, text, captions from articles").fetchall()
        for article_id, title, text, captions in rows:
            index_article(db, article_id, title, text, captions)
        db.execute(f"insert into {DOCUMENTS_FTS}({DOCUMENTS_FTS}) values ('delete-all')")
        documents = db.execute("select id, text from attachments where text is not null")
        for attachment_id, text in documents.fetchall():
            index_document(db, attachment_id, text)
    return len(rows)


def snippet(text: str | None, query: str, width: int = 240) -> str:
    """An HTML-escaped excerpt of ``text`` around the first match, matches in <mark>."""
    text = text or ""
    terms = {fold(t) for t in _WORD.findall(query) if t not in ("AND", "OR", "NOT", "NEAR")}
    words = list(_WORD.finditer(text))
    hits = [m for m in words if fold(m.group(0)) in terms]
    start = max(0, hits[0].start() - width // 3) if hits else 0
    end = min(len(text), start + width)
    out, pos = [], start
    for m in hits:
        if m.start() < start or m.end() > end:
            continue
        out.append(html.escape(text[pos : m.start()]))
        out.append(f"<mark>{html.escape(m.group(0))}</mark>")
        pos = m.end()
    out.append(html.escape(text[pos:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(out).replace("\n", " ") + suffix
