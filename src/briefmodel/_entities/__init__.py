"""Entities: the places and military units each claim names, and the abbreviations a report defines.

Read from the claims and takeaways the claims reader made, on first use of
``Claim.places``, ``Claim.units`` or ``Report.abbreviations``. Modules, one job
each: ``words`` (the vocabulary: classifiers, unit head nouns, countries,
demonyms), ``names`` (the capitalised names of a sentence), ``abbreviations``
(the bracketed short forms and the report's glossary), ``places`` (kinds,
relations and anchors), ``units`` (echelons, sides and chains of superiors),
``keys`` (identities across reports), ``pipeline`` (a report's claims, read in
order) and ``rows`` (the ``places`` and ``units`` tables of a report).
"""
