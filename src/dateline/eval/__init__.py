"""Evaluation against gold data: ``dateline eval extraction | language | entities``."""
