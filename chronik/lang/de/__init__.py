"""German: resources for the German pipeline live in this folder as text files.

Files (one entry per line, ``#`` comments):

* ``abbreviations.txt`` — abbreviations that end with a period and do not end a sentence
* further files are documented at their top.
"""
