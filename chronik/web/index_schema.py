"""Tables of the web index: the chronicle across articles, kept beside the
archive (``ARCHIVE.web-index``) so that a server over 100,000 articles
starts at once and answers entity pages from indexes.

Per-article tables carry ``doc_key`` (the archive's ``documents.key``) and
are replaced when an article changes; ``redirects`` and ``entities`` are
derived from them after every update.  ``raw`` ids are entities as one
article names them; ``redirects`` joins them (surname rule, merges).
The file is a cache: deleting it only costs the time to rebuild it.
"""

from __future__ import annotations

SCHEMA_VERSION = "8"

# Tables filled per article: deleting an article deletes its rows here.
ARTICLE_TABLES = (
    "articles", "entity_articles", "article_aliases", "article_pairs", "roles", "quotes", "quote_about",
    "timexes", "events",
)

SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE articles (doc_key INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, date TEXT,
        earliest TEXT, latest TEXT, title TEXT, stored_at TEXT)""",
    "CREATE TABLE raw_entities (id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL)",
    """CREATE TABLE entity_articles (raw TEXT NOT NULL, doc_key INTEGER NOT NULL, count INTEGER NOT NULL,
        earliest TEXT, PRIMARY KEY (raw, doc_key)) WITHOUT ROWID""",
    "CREATE INDEX entity_articles_doc ON entity_articles (doc_key)",
    "CREATE INDEX entity_articles_date ON entity_articles (raw, earliest)",
    """CREATE TABLE article_aliases (raw TEXT NOT NULL, doc_key INTEGER NOT NULL, alias TEXT NOT NULL,
        count INTEGER NOT NULL, PRIMARY KEY (raw, doc_key, alias)) WITHOUT ROWID""",
    "CREATE INDEX article_aliases_doc ON article_aliases (doc_key)",
    """CREATE TABLE article_pairs (raw TEXT NOT NULL, other TEXT NOT NULL, doc_key INTEGER NOT NULL,
        count INTEGER NOT NULL, PRIMARY KEY (raw, other, doc_key)) WITHOUT ROWID""",
    "CREATE INDEX article_pairs_doc ON article_pairs (doc_key)",
    """CREATE TABLE roles (doc_key INTEGER NOT NULL, raw TEXT NOT NULL, person TEXT, role TEXT, role_lemma TEXT,
        of TEXT, date TEXT, earliest TEXT, sentence INTEGER, start INTEGER, end INTEGER)""",
    # Index orders match the pages' ORDER BYs, so a page reads its rows and sorts nothing.
    "CREATE INDEX roles_raw ON roles (raw, earliest, start)",
    "CREATE INDEX roles_doc ON roles (doc_key)",
    """CREATE TABLE quotes (id TEXT PRIMARY KEY, doc_key INTEGER NOT NULL, earliest TEXT, start INTEGER,
        end INTEGER, form TEXT, stwr TEXT, speaker TEXT, speaker_raw TEXT, source_text TEXT, cue_text TEXT,
        text TEXT, sentence INTEGER, is_nested INTEGER)""",
    "CREATE INDEX quotes_doc ON quotes (doc_key)",
    "CREATE INDEX quotes_speaker ON quotes (speaker_raw, earliest DESC, id)",
    "CREATE INDEX quotes_date ON quotes (earliest)",
    """CREATE TABLE quote_about (quote TEXT NOT NULL, raw TEXT NOT NULL, doc_key INTEGER NOT NULL,
        earliest TEXT, speaker_raw TEXT)""",
    "CREATE INDEX quote_about_raw ON quote_about (raw, earliest DESC, quote, speaker_raw)",
    "CREATE INDEX quote_about_quote ON quote_about (quote)",
    "CREATE INDEX quote_about_doc ON quote_about (doc_key)",
    """CREATE TABLE timexes (id TEXT PRIMARY KEY, doc_key INTEGER NOT NULL, start INTEGER, end INTEGER,
        text TEXT, type TEXT, value TEXT, earliest TEXT, latest TEXT, anchor TEXT, sentence INTEGER)""",
    "CREATE INDEX timexes_doc ON timexes (doc_key)",
    "CREATE INDEX timexes_earliest ON timexes (earliest)",
    "CREATE INDEX timexes_value ON timexes (value)",
    "CREATE TABLE events (doc_key INTEGER NOT NULL, earliest TEXT, item TEXT NOT NULL)",
    "CREATE INDEX events_doc ON events (doc_key)",
    # derived after each update
    "CREATE TABLE redirects (raw TEXT PRIMARY KEY, target TEXT NOT NULL) WITHOUT ROWID",
    "CREATE INDEX redirects_target ON redirects (target)",
    """CREATE TABLE entities (id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL,
        mentions INTEGER NOT NULL, articles INTEGER NOT NULL)""",
    "CREATE INDEX entities_rank ON entities (mentions DESC, name)",
    """CREATE TABLE entity_aliases (entity TEXT NOT NULL, alias TEXT NOT NULL, count INTEGER NOT NULL,
        PRIMARY KEY (entity, alias)) WITHOUT ROWID""",
    """CREATE TABLE entity_neighbours (entity TEXT NOT NULL, other TEXT NOT NULL, count INTEGER NOT NULL,
        PRIMARY KEY (entity, other)) WITHOUT ROWID""",
    "CREATE INDEX entity_neighbours_rank ON entity_neighbours (entity, count DESC)",
    # Page totals, summed once per update instead of on every entity page.
    """CREATE TABLE entity_months (entity TEXT NOT NULL, month TEXT NOT NULL, mentions INTEGER NOT NULL,
        PRIMARY KEY (entity, month)) WITHOUT ROWID""",
    """CREATE TABLE entity_quote_counts (entity TEXT PRIMARY KEY, quotes_by INTEGER NOT NULL,
        quotes_about INTEGER NOT NULL) WITHOUT ROWID""",
    # Articles whose sentences the full-text index holds (chronik/web/search_index.py).
    "CREATE TABLE search_articles (doc_key INTEGER PRIMARY KEY, stamp TEXT NOT NULL)",
)
