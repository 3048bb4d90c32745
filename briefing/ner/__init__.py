"""Named-entity recognition for Arabic news: a CRF trained on ANERcorp plus gazetteers and patterns.

``briefing.extract.actors`` turns what this package finds into the briefing's actors; the model
is package data under ``model/``, rebuilt by ``python -m briefing.train_ner``.
"""
