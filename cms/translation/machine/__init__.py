"""Machine drafts: a first translation by a machine, stored as ``machine`` and unreviewed.

``provider`` is the interface every translation service implements (DeepL is
the first, ``deepl_provider``); ``budget`` counts and enforces the monthly
characters; ``drafts`` asks for the drafts of one object or of everything
missing in a language and writes them all, or nothing; ``tasks`` runs the
latter in the background.
"""
