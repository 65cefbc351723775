"""One error type for everything a user can cause, with numbered messages.

Messages live here, in one table, so that they stay consistent, can be
documented and searched for (as spaCy does in ``spacy/errors.py``).  Code
raises ``ChronikError("E101", path=...)``; the CLI prints the one-line
message and exits without a traceback.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # dates
    "E001": "Invalid date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD with a real calendar date.",
    "E002": "Date range is empty: {start} is after {end}.",
    # reading input
    "E101": "{path}: file is empty.",
    "E102": "{path}: looks like a binary file (NUL bytes or control characters), not text.",
    "E103": "{path}: file is {size_mb:.0f} MB, above the limit of {limit_mb:.0f} MB; split it, or raise the limit with CHRONIK_MAX_SIZE_MB=<megabytes> (0: no limit).",
    "E104": "{path}: cannot be read: {reason}.",
    "E105": "{path}: the first line says {line!r}, but a dated article must start with 'date YYYY[-MM[-DD]]'; use --format text with --date, or fix the line.",
    "E106": "{path}: line {line_no}: invalid JSON: {reason}.",
    "E107": "{path}: line {line_no}: a JSONL record needs a non-empty 'text' field.",
    "E108": "{path}: no article text found in the HTML page.",
    "E109": "Unknown input format {name!r}; choose one of: {choices}.",
    "E110": "{path}: no such file, directory or matching glob.",
    "E111": "{path}: document has no text after the date line.",
    "E112": "{path}: {reason}",
    "E113": "{path}: invalid date {value!r} in the date line; write 'date YYYY', 'date YYYY-MM' or 'date YYYY-MM-DD' with a real calendar date, e.g. 'date 2023-03-14'.",
    "E114": "{path}: line {line_no}: invalid 'date' {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD (an ISO timestamp is cut to its day).",
    "E115": "{path}: line {line_no}: a JSONL line must hold one JSON object, not a {kind}.",
    "E116": "{path}: line {line_no} is longer than the limit of {limit_mb:.0f} MB; split the record, or raise the limit with CHRONIK_MAX_SIZE_MB=<megabytes> (0: no limit).",
    "E117": "{path}: holds more than one article; read it with `chronik ingest` (or iter_documents).",
    "E118": "{name}={value!r} is not a number of megabytes; use e.g. {name}=200, or 0 for no limit.",
    # pipeline
    "E201": "Unknown pipeline component {name!r}; registered components: {choices}.",
    "E202": "Component {name!r} requires {missing} but no earlier component assigns it; put one of {providers} before it.",
    "E203": "Component {name!r} is listed twice in the pipeline.",
    "E204": "Model file {path} is missing; rebuild it with `{command}`.",
    # optional entity taggers (--ner spacy:... / transformers:...)
    "E210": "Invalid --ner value {value!r}: use crf, spacy:NAME_OR_PATH or transformers:PATH.",
    "E211": "--ner {spec}: {package} is not installed; install it with `pip install 'chronik[{extra}]'`.",
    "E212": "--ner {spec}: {target!r} is neither a folder nor an installed spaCy pipeline package; chronik never downloads models: install the pipeline package, or give the folder of a pipeline saved with nlp.to_disk().",
    "E213": "--ner {spec}: {target!r} is not a folder; chronik never downloads models: give the folder of a model saved with save_pretrained() (config.json, tokenizer files and weights).",
    "E214": "--ner {spec}: the model cannot be loaded: {reason}",
    "E215": "--ner {spec}: the model has no named-entity labels chronik can use (it has: {labels}); it needs labels such as PER, ORG, LOC, MISC or GermEval's PER/ORG/LOC/OTH (docs/entities.md).",
    "E216": "--ner {spec}: the model's tokenizer is not a fast tokenizer; chronik needs its character offsets (save the model with a tokenizer.json from a *TokenizerFast).",
    "E217": "--ner {value} does not apply to --format {name}; it is used by: {formats}.",
    # archive
    "E301": "{path}: not a chronik archive (or a damaged one): {reason}.",
    "E302": "Archive {path} was written by a newer chronik (schema {found}, this version knows up to {known}); upgrade chronik.",
    "E303": "No article with id {doc_id!r} in the archive; ids can be abbreviated to a unique prefix of at least 6 characters.",
    "E304": "Article id prefix {doc_id!r} is ambiguous: it matches {count} articles.",
    "E305": "Search query is empty after removing operators; give at least one word.",
    "E306": "Unsupported archive URL {url!r}: use a file path, sqlite:///path or postgresql://user@host/database.",
    "E307": "{path}: archive file does not exist yet; run `chronik ingest` first.",
    "E308": "Give a range of days with --from DATE, --to DATE or both (YYYY[-MM[-DD]]), e.g. `chronik when --from 2021-12-06 --to 2021-12-10`.",
    "E309": "Archive {url!r} is a PostgreSQL URL, but the driver is not installed; install it with `pip install 'chronik[postgres]'`.",
    "E310": "Cannot open the PostgreSQL archive {url!r}: {reason}.",
    "E311": "No entity named {name!r} in the archive; list them with `chronik entities` (a surname alone finds the one full name ending in it).",
    "E312": "Entity name {name!r} is ambiguous: it may mean {choices}; give the full name.",
    # canonical entities and their corrections (chronik/archive/resolver.py, entity_corrections.py)
    "E320": "Unknown entity correction {kind!r}; choose one of: {choices}.",
    "E321": "Say who makes the correction with --by NAME (1 to {limit} characters, no control characters); got {by!r}.",
    "E322": "{path}: the entity tables do not cover the stored articles yet (the archive was written by an older chronik); run `chronik entities --rebuild --db {path}` once.",
    "E323": "Cannot merge {entity!r} into {into!r}: {reason}.",
    "E324": "{entity!r} has no spelling {alias!r}; its spellings are: {choices}.",
    "E325": "Give one of {options} at a time, each with --by NAME.",
    "E326": "A new name for {entity!r} must be 1 to 200 characters; got {name!r}.",
    # formats / scoring
    "E401": "{path}: {reason}",
    # web server and HTTP API (chronik/web)
    "E501": "Invalid parameter {name!r}: {reason}",
    "E502": "No {kind} with id {item_id!r} in the archive.",
    "E503": "Corrections are disabled: start the server with `chronik serve --allow-corrections --token TOKEN`.",
    "E504": "Missing or wrong token: send the header 'Authorization: Bearer TOKEN' with the token given to `chronik serve --token`.",
    "E505": "--allow-corrections needs --token TOKEN (at least 12 characters) so that nobody else can change the chronicle.",
    "E506": "Cannot serve on {host}:{port}: {reason}",
    "E507": "The web server needs the packages fastapi, uvicorn and jinja2; install them with `pip install fastapi uvicorn jinja2`.",
    "E508": "chronik serve needs an SQLite archive (its web indexes sit beside the archive file); a PostgreSQL archive is not served yet. Copy what you want to browse into a file with `chronik ingest ... --db news.db`.",
    # events, timelines and the actor network (chronik events / timeline / network)
    "E620": "Unknown event type {name!r}; use one of the PLOVER types {choices}.",
    "E621": "Give whose timeline: a NAME (`chronik timeline Putin`) or --query WORDS (`chronik timeline --query Gaspreis`).",
    "E622": "Cannot write the network to {path}: {reason}.",
    # exports (chronik export)
    "E601": "{path} already exists; give --force to replace it, or another file name.",
    "E602": "--format parquet needs pyarrow; install it with `pip install 'chronik[parquet]'`, or export --format jsonl or csv.",
    "E603": "--format parquet writes a file, not stdout; give a file name instead of '-'.",
    "E604": "Cannot write the export to {path}: {reason}.",
}


class ChronikError(Exception):
    """An error the user can fix; ``str(error)`` is a one-line, actionable message."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        template = MESSAGES.get(code, "{reason}")
        try:
            message = template.format(**fields)
        except (KeyError, IndexError, ValueError):
            message = f"{template} {fields}"
        super().__init__(f"[{code}] {message}")

    @property
    def message(self) -> str:
        return str(self)
