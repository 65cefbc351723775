"""German: resources for the German pipeline live in this folder as text files.

Files (one entry per line, ``#`` comments):

* ``abbreviations.txt`` — abbreviations that end with a period and do not end a sentence
* ``ordinal_context.txt`` — words around "7." that make it an ordinal ("am 7. Dezember")
* ``tagger.crfsuite``, ``lemmas.json.gz`` — POS tagger and lemma tables, built by
  ``training/build_tagger.py`` (binary/generated, not edited by hand)
* further files are documented at their top.
"""
